// Queries and mutations of the model registry. Every mutation reloads what it changes:
// models (aliases, open requests), versions and gates, promotions and lineage.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useModels() {
  const trpc = useTRPC();
  return useQuery(trpc.models.list.queryOptions());
}

/**
 * Each model's detail, for its latest version: the list endpoint does not carry versions.
 * One request per model is fine for a registry of tens of models.
 */
export function useModelDetails(ids: number[]) {
  const trpc = useTRPC();
  return useQueries({ queries: ids.map((id) => trpc.models.get.queryOptions({ id })) });
}

export function useModel(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.models.get.queryOptions({ id }, { enabled: id > 0 }));
}

export function useVersion(versionId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.versions.get.queryOptions({ versionId }, { enabled: versionId > 0 }));
}

export function useLineage(versionId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.lineage.graph.queryOptions({ versionId }, { enabled: versionId > 0 }));
}

export function useRunSummary(runId: string | null | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.runs.get.queryOptions({ runId: runId ?? '' }, { enabled: !!runId }));
}

/** Which version an alias pointed at at a moment; asked only once the form is submitted. */
export function useAliasAt(modelId: number, question: { alias: string; at: number } | null) {
  const trpc = useTRPC();
  return useQuery(trpc.aliases.at.queryOptions({ modelId, alias: question?.alias ?? 'production', at: question?.at ?? 0 }, { enabled: question !== null, retry: false }));
}

function useRegistryInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.models.pathFilter()),
      queryClient.invalidateQueries(trpc.versions.pathFilter()),
      queryClient.invalidateQueries(trpc.gates.pathFilter()),
      queryClient.invalidateQueries(trpc.promotions.pathFilter()),
      queryClient.invalidateQueries(trpc.aliases.pathFilter()),
      queryClient.invalidateQueries(trpc.reviews.pathFilter()),
      queryClient.invalidateQueries(trpc.lineage.pathFilter()),
    ]);
}

export function useGateCheck() {
  const trpc = useTRPC();
  const invalidate = useRegistryInvalidate();
  return useMutation(trpc.gates.check.mutationOptions({ onSuccess: invalidate }));
}

export function useSetPolicy() {
  const trpc = useTRPC();
  const invalidate = useRegistryInvalidate();
  return useMutation(trpc.models.setPolicy.mutationOptions({ onSuccess: invalidate }));
}

export function useRollback() {
  const trpc = useTRPC();
  const invalidate = useRegistryInvalidate();
  return useMutation(trpc.aliases.rollback.mutationOptions({ onSuccess: invalidate }));
}

export function usePromotionRequest() {
  const trpc = useTRPC();
  const invalidate = useRegistryInvalidate();
  return useMutation(trpc.promotions.request.mutationOptions({ onSuccess: invalidate }));
}
