// Experiments: the list (server-side name search) and the create, rename and archive
// verbs. Each mutation reloads every cached experiments query.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type ExperimentSummary = RouterOutputs['experiments']['list'][number];

export function useExperimentList(query: string, includeArchived: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.experiments.list.queryOptions(
      { includeArchived, query: query || undefined },
      {
        // Typing in the search box keeps the old rows until the new ones arrive.
        placeholderData: keepPreviousData,
        // Active-run counts and last activity move while anything is running.
        refetchInterval: (q) => (q.state.data?.some((e) => e.activeRunCount > 0) ? 15_000 : false),
      },
    ),
  );
}

function useInvalidateExperiments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.experiments.pathFilter());
}

export function useExperimentCreate() {
  const trpc = useTRPC();
  const invalidate = useInvalidateExperiments();
  return useMutation(trpc.experiments.create.mutationOptions({ onSuccess: invalidate }));
}

export function useExperimentRename() {
  const trpc = useTRPC();
  const invalidate = useInvalidateExperiments();
  return useMutation(trpc.experiments.rename.mutationOptions({ onSuccess: invalidate }));
}

export function useExperimentArchive() {
  const trpc = useTRPC();
  const invalidate = useInvalidateExperiments();
  return useMutation(trpc.experiments.archive.mutationOptions({ onSuccess: invalidate }));
}
