// The reads the role homes are built from. Each home shows a few of them; React Query
// shares a read between homes when a person switches role.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type HomeExperiment = RouterOutputs['experiments']['list'][number];
export type HomeRun = RouterOutputs['runs']['search']['runs'][number];
export type HomeKpi = RouterOutputs['kpis']['board'][number];
export type HomeAlert = RouterOutputs['monitoring']['alerts'][number];

/** runs.search takes at most this many experiments per call. */
const SEARCH_EXPERIMENTS_MAX = 100;
const LIVE_MS = 10_000;

/** Every experiment, archived too (a run left running in one still needs attention), most recently active first. */
export function useHomeExperiments() {
  const trpc = useTRPC();
  const query = useQuery(trpc.experiments.list.queryOptions({ includeArchived: true }));
  const sorted = useMemo(() => [...(query.data ?? [])].sort((a, b) => b.lastActivity - a.lastActivity), [query.data]);
  return { query, experiments: sorted };
}

/**
 * Runs matching a filter across experiments, kept live while any is running. Past 100
 * experiments only the most recently active are searched: a home is a glance, not a report.
 */
export function useHomeRuns(filter: string, limit: number) {
  const trpc = useTRPC();
  const { query: experimentsQuery, experiments } = useHomeExperiments();
  const ids = experiments.slice(0, SEARCH_EXPERIMENTS_MAX).map((e) => e.id);
  const runs = useQuery(
    trpc.runs.search.queryOptions(
      { experimentIds: ids, filter, orderBy: { field: 'start_time', direction: 'desc' }, limit },
      {
        enabled: ids.length > 0,
        refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'RUNNING') ? LIVE_MS : false),
      },
    ),
  );
  const names = useMemo(() => new Map(experiments.map((e) => [e.id, e.name])), [experiments]);
  const noExperiments = experimentsQuery.isSuccess && ids.length === 0;
  return {
    runs: runs.data?.runs ?? [],
    total: runs.data?.total ?? 0,
    experimentName: (id: number) => names.get(id) ?? `#${id}`,
    isPending: experimentsQuery.isPending || (ids.length > 0 && runs.isPending),
    error: experimentsQuery.error ?? runs.error,
    refetch: () => void (experimentsQuery.isError ? experimentsQuery.refetch() : runs.refetch()),
    noExperiments,
    updatedAt: runs.dataUpdatedAt,
  };
}

export function useHomeDatasets() {
  return useQuery(useTRPC().datasets.list.queryOptions());
}

export function useHomeTokens(all = false) {
  return useQuery(useTRPC().tokens.list.queryOptions({ all }));
}

export function useHomeAudit(limit: number, enabled: boolean) {
  return useQuery(useTRPC().audit.list.queryOptions({ limit }, { enabled }));
}

export function useHomeUsers(enabled: boolean) {
  return useQuery(useTRPC().users.list.queryOptions(undefined, { enabled }));
}

export function useHomeTeams() {
  return useQuery(useTRPC().teams.list.queryOptions());
}

/** Open and acknowledged production alerts across models, refreshed while the home is open. */
export function useHomeAlerts() {
  return useQuery(useTRPC().monitoring.alerts.queryOptions(undefined, { refetchInterval: 60_000 }));
}

/** Promotion requests waiting for sign-off, oldest first: the first one has waited longest. */
export function useHomePendingRequests() {
  return useQuery(useTRPC().promotions.list.queryOptions({ states: ['pending'] }, { select: (rows) => [...rows].reverse() }));
}

export function useHomeKpis() {
  return useQuery(useTRPC().kpis.board.queryOptions());
}
