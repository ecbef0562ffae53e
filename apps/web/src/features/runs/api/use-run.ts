// One run with its params, metrics, tags and datasets; refetched every 5 s while it runs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { LIVE_INTERVAL_MS } from './use-run-search';

export function useRun(runId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.runs.get.queryOptions(
      { runId },
      { refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? LIVE_INTERVAL_MS : false) },
    ),
  );
}

/** Saves a run's notes (or name/status); every cached run view reloads. */
export function useRunUpdate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.runs.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.runs.pathFilter()),
    }),
  );
}
