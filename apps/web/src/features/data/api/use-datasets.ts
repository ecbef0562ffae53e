// The datasets API as React Query hooks; every cache key comes from the tRPC client.
import { policyAllows, type PolicyDecision } from '@quorum/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

export type DatasetSummary = RouterOutputs['datasets']['list'][number];
export type DatasetDetail = RouterOutputs['datasets']['get'];
export type DatasetColumn = DatasetDetail['columns'][number];
export type DatasetUsage = DatasetDetail['usages'][number];
export type DriftResult = RouterOutputs['datasets']['drift'];
export type ColumnDrift = DriftResult['columns'][number];

export function useDatasetList() {
  const trpc = useTRPC();
  return useQuery(trpc.datasets.list.queryOptions());
}

export function useDataset(id: number | null) {
  const trpc = useTRPC();
  return useQuery(trpc.datasets.get.queryOptions({ id: id ?? 0 }, { enabled: id !== null }));
}

export function useDatasetDrift(referenceId: number | null, currentId: number | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.datasets.drift.queryOptions(
      { referenceId: referenceId ?? 0, currentId: currentId ?? 0 },
      {
        enabled: referenceId !== null && currentId !== null,
        // A stored profile never changes, so a verdict is final; keep the last one on screen while the next computes.
        staleTime: Infinity,
        placeholderData: keepPreviousData,
      },
    ),
  );
}

export function useDatasetUpload() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.datasets.upload.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.datasets.pathFilter()),
    }),
  );
}

/**
 * Whether the signed-in user may upload, from the same policy table the server enforces.
 * Unknown (still loading, or a server without auth.me) counts as allowed: the server decides.
 */
export function useUploadPermission(): PolicyDecision {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000, retry: false });
  return me.data ? policyAllows('datasets.upload', me.data.roles) : { allowed: true };
}

/** A 4xx answer will be the same next time; only offer "Try again" for the others. */
export function apiErrorRetryable(error: { data?: { httpStatus?: number } | null } | null): boolean {
  const status = error?.data?.httpStatus;
  return status === undefined || status >= 500;
}

/** The aliases (production models…) whose versions were trained on or evaluated with this dataset. */
export function useDatasetServedBy(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.lineage.graph.queryOptions({ datasetId: id }, { select: (g) => g.servedBy }));
}
