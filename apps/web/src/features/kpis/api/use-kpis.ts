// The KPI API as React Query hooks. Every write reloads the KPIs; a comment also reloads the
// promotion requests, whose evidence lists the comments linked to them.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type KpiBoardItem = RouterOutputs['kpis']['board'][number];
export type KpiDetail = RouterOutputs['kpis']['get'];
export type KpiAnnotation = KpiBoardItem['annotations'][number];
export type KpiComment = KpiDetail['comments'][number];
export type KpiRequestRow = RouterOutputs['promotions']['list'][number];

export function useKpiBoard() {
  const trpc = useTRPC();
  return useQuery(trpc.kpis.board.queryOptions());
}

export function useKpi(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.kpis.get.queryOptions({ id }, { enabled: id > 0 }));
}

/** Registered models, for linking a KPI to the models that move it. */
export function useKpiModelOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.models.list.queryOptions());
}

/** Promotion requests of the given models, newest first (for linking a comment to one). */
export function useKpiModelRequests(modelIds: readonly number[]) {
  const trpc = useTRPC();
  const queries = useQueries({ queries: modelIds.map((modelId) => trpc.promotions.list.queryOptions({ modelId })) });
  const rows = queries.flatMap((q) => q.data ?? []).sort((a, b) => b.requestedAt - a.requestedAt);
  return { rows, isPending: queries.some((q) => q.isPending) };
}

function useInvalidateKpis() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.kpis.pathFilter());
}

export function useKpiCreate() {
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  return useMutation(trpc.kpis.create.mutationOptions({ onSuccess: invalidate }));
}

export function useKpiUpdate() {
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  return useMutation(trpc.kpis.update.mutationOptions({ onSuccess: invalidate }));
}

/** Records one call's worth of observations; the upload panel sends the chunks and reloads once at the end. */
export function useKpiRecord() {
  const trpc = useTRPC();
  return useMutation(trpc.kpis.record.mutationOptions());
}

export function useKpiReload() {
  return useInvalidateKpis();
}

export function useKpiComment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateKpis();
  return useMutation(
    trpc.kpis.comment.mutationOptions({
      onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries(trpc.promotions.pathFilter())]),
    }),
  );
}
