// The compared runs: one runs.get per id, each with its chart colour, refetched while running.
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { chartRunColours } from '../../../components/chart-palette';
import { useTRPC, type ApiError, type RouterOutputs } from '../../../lib/trpc';

type RunDetail = RouterOutputs['runs']['get'];

export interface CompareRun extends RunDetail {
  colour: string;
}

export interface RunFailure {
  runId: string;
  message: string;
}

/** How often live views ask again; runs log a few points a second. */
export const LIVE_REFETCH_MS = 5_000;

/** The API's own id check, done here so a mistyped link names the bad id instead of failing as a whole. */
const RUN_ID = /^[0-9a-f]{32}$/;

/** The API accepts at most this many runs per chart. */
export const MAX_COMPARED_RUNS = 100;

function combineRuns(results: UseQueryResult<RunDetail, ApiError>[]) {
  return {
    details: results.map((r) => r.data),
    errors: results.map((r) => r.error),
    isPending: results.some((r) => r.isPending && r.fetchStatus !== 'idle'),
  };
}

function compareIds(requestedKey: string) {
  const ids = requestedKey ? requestedKey.split(',').slice(0, MAX_COMPARED_RUNS) : [];
  return { ids, validIds: ids.filter((id) => RUN_ID.test(id)) };
}

export function useCompareRuns(requestedIds: readonly string[]) {
  const trpc = useTRPC();
  // Keyed by the joined ids so that a re-parsed but equal URL keeps every memo below.
  const requestedKey = requestedIds.join(',');
  const { ids, validIds } = useMemo(() => compareIds(requestedKey), [requestedKey]);
  const { details, errors, isPending } = useQueries({
    queries: validIds.map((runId) => ({
      ...trpc.runs.get.queryOptions({ runId }),
      refetchInterval: (query: { state: { data: RunDetail | undefined } }) => (query.state.data?.status === 'RUNNING' ? LIVE_REFETCH_MS : false),
    })),
    combine: combineRuns,
  });

  // Colours carry over when the list changes (React's "adjust state on a prop change"
  // pattern), so removing a run does not repaint the rest.
  const [colours, setColours] = useState(() => chartRunColours(ids));
  const [coloursFor, setColoursFor] = useState(requestedKey);
  if (coloursFor !== requestedKey) {
    setColoursFor(requestedKey);
    setColours(chartRunColours(ids, colours));
  }
  const runs = useMemo(
    () => details.filter((d): d is RunDetail => d !== undefined).map((d): CompareRun => ({ ...d, colour: colours.get(d.id) ?? '#888' })),
    [details, colours],
  );
  const failures = useMemo(() => {
    const out: RunFailure[] = ids.filter((id) => !RUN_ID.test(id)).map((runId) => ({ runId, message: `“${runId}” is not a run id` }));
    errors.forEach((e, i) => {
      if (e) out.push({ runId: validIds[i]!, message: e.message });
    });
    return out;
  }, [errors, ids, validIds]);

  const isLive = runs.some((r) => r.status === 'RUNNING');
  // Polling stops when the last run finishes; one more fetch picks up its final points.
  const queryClient = useQueryClient();
  const wasLive = useRef(isLive);
  useEffect(() => {
    if (wasLive.current && !isLive) void queryClient.invalidateQueries(trpc.metrics.pathFilter());
    wasLive.current = isLive;
  }, [isLive, queryClient, trpc]);

  return { runs, failures, isPending, isLive, truncated: requestedIds.length > MAX_COMPARED_RUNS };
}
