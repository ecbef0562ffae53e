// The runs table's data: runs.search pages (200 runs each), kept live while any loaded
// run is RUNNING, plus a way to try a filter before it is applied.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { SortSpec } from '../utils/runs-view';
import type { SearchRun } from './types';

const PAGE_SIZE = 200;
export const LIVE_INTERVAL_MS = 5_000;
/**
 * Up to this many loaded pages the live refresh refetches them all (which also brings in
 * newly started runs). Past it, refetching every page every 5 s would cost more than the
 * table is worth, so only the running rows are refreshed, by id.
 */
const FULL_REFRESH_PAGES = 3;
/** Run ids one refresh asks for: the filter language caps a filter at 4,000 characters. */
const RUNNING_REFRESH_MAX = 100;

export interface RunSearchParams {
  experimentId: number;
  filter: string;
  sort: SortSpec | null;
}

interface SearchPages {
  pages: { runs: SearchRun[] }[];
}

function hasRunning(data: SearchPages | undefined): boolean {
  return data?.pages.some((p) => p.runs.some((r) => r.status === 'RUNNING')) ?? false;
}

function useSearchOptions() {
  const trpc = useTRPC();
  return useCallback(
    (p: RunSearchParams) =>
      trpc.runs.search.infiniteQueryOptions(
        { experimentIds: [p.experimentId], filter: p.filter, orderBy: p.sort ?? undefined, limit: PAGE_SIZE },
        {
          getNextPageParam: (page) => page.nextCursor,
          refetchInterval: (query) => {
            const data = query.state.data;
            return hasRunning(data) && (data?.pages.length ?? 0) <= FULL_REFRESH_PAGES ? LIVE_INTERVAL_MS : false;
          },
          // A new sort keeps the old rows on screen until the new order arrives. The page
          // is keyed by experiment, so another experiment's runs never stand in.
          placeholderData: keepPreviousData,
        },
      ),
    [trpc],
  );
}

/** Offset pages can overlap when runs start while paging; each run is listed once. */
function runsOfPages(data: SearchPages | undefined): SearchRun[] {
  const seen = new Set<string>();
  const out: SearchRun[] = [];
  for (const page of data?.pages ?? []) {
    for (const run of page.runs) {
      if (!seen.has(run.id)) {
        seen.add(run.id);
        out.push(run);
      }
    }
  }
  return out;
}

export function useRunSearch(params: RunSearchParams) {
  const trpc = useTRPC();
  const options = useSearchOptions();
  const query = useInfiniteQuery(options(params));
  const { data } = query;
  const loaded = useMemo(() => runsOfPages(data), [data]);

  const partial = (data?.pages.length ?? 0) > FULL_REFRESH_PAGES;
  const runningIds = useMemo(
    () => (partial ? loaded.filter((r) => r.status === 'RUNNING').slice(0, RUNNING_REFRESH_MAX).map((r) => r.id) : []),
    [partial, loaded],
  );
  const fresh = useQuery(
    trpc.runs.search.queryOptions(
      {
        experimentIds: [params.experimentId],
        filter: `run_id IN (${runningIds.map((id) => `"${id}"`).join(', ')})`,
        limit: RUNNING_REFRESH_MAX,
      },
      { enabled: runningIds.length > 0, refetchInterval: LIVE_INTERVAL_MS },
    ),
  );
  const runs = useMemo(() => {
    if (!fresh.data || runningIds.length === 0) return loaded;
    const byId = new Map(fresh.data.runs.map((r) => [r.id, r]));
    return loaded.map((r) => byId.get(r.id) ?? r);
  }, [loaded, fresh.data, runningIds.length]);

  const total = data?.pages[data.pages.length - 1]?.total ?? 0;
  const updatedAt = Math.max(query.dataUpdatedAt, runningIds.length > 0 ? fresh.dataUpdatedAt : 0);
  return { query, runs, total, updatedAt, live: runs.some((r) => r.status === 'RUNNING') };
}

/**
 * Fetches the first page for a filter without showing it: resolves when the server
 * accepts the filter (the page is then in the cache, so applying it is instant) and
 * rejects with the server's error when it does not.
 */
export function useRunSearchProbe() {
  const options = useSearchOptions();
  const queryClient = useQueryClient();
  return useCallback((params: RunSearchParams) => queryClient.fetchInfiniteQuery(options(params)), [options, queryClient]);
}
