// Queries and mutations of the approval queue and request pages. A decision, apply or
// withdrawal changes requests, aliases and what the models list shows, so each reloads them.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PromotionState } from '@quorum/domain';
import { useTRPC } from '../../../lib/trpc';

export function usePromotions(states: PromotionState[]) {
  const trpc = useTRPC();
  return useQuery(trpc.promotions.list.queryOptions({ states }));
}

export function usePromotion(requestId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.promotions.get.queryOptions({ requestId }, { enabled: requestId > 0 }));
}

/** Quorum per request for the queue: the list endpoint does not carry approvals. */
export function usePromotionDetails(ids: number[]) {
  const trpc = useTRPC();
  return useQueries({ queries: ids.map((requestId) => trpc.promotions.get.queryOptions({ requestId })) });
}

export function useGateLatests(versionIds: number[]) {
  const trpc = useTRPC();
  return useQueries({ queries: versionIds.map((versionId) => trpc.gates.latest.queryOptions({ versionId })) });
}

export function useModelDetails(ids: number[]) {
  const trpc = useTRPC();
  return useQueries({ queries: ids.map((id) => trpc.models.get.queryOptions({ id })) });
}

export function useVersion(versionId: number | null | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.versions.get.queryOptions({ versionId: versionId ?? 0 }, { enabled: !!versionId }));
}

export function useModel(modelId: number | null | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.models.get.queryOptions({ id: modelId ?? 0 }, { enabled: !!modelId }));
}

export function useRun(runId: string | null | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.runs.get.queryOptions({ runId: runId ?? '' }, { enabled: !!runId }));
}

export function useLineage(versionId: number | null | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.lineage.graph.queryOptions({ versionId: versionId ?? 0 }, { enabled: !!versionId }));
}

export function useReviews(open: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.reviews.list.queryOptions({ open }));
}

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.promotions.pathFilter()),
      queryClient.invalidateQueries(trpc.models.pathFilter()),
      queryClient.invalidateQueries(trpc.versions.pathFilter()),
      queryClient.invalidateQueries(trpc.aliases.pathFilter()),
      queryClient.invalidateQueries(trpc.reviews.pathFilter()),
      queryClient.invalidateQueries(trpc.lineage.pathFilter()),
    ]);
}

export function useDecide() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.promotions.decide.mutationOptions({ onSuccess: invalidate }));
}

export function useApply() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.promotions.execute.mutationOptions({ onSuccess: invalidate }));
}

export function useWithdraw() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.promotions.withdraw.mutationOptions({ onSuccess: invalidate }));
}

export function useResolveReview() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.reviews.resolve.mutationOptions({ onSuccess: invalidate }));
}
