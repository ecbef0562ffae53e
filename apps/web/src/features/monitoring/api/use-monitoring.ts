// Queries and mutations of production monitoring. Every mutation reloads the monitoring
// reads (a model's page, the overview, open alerts), which the MLOps home shares.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Windows arrive every few minutes to hours; a page left open catches up once a minute. */
const REFRESH_MS = 60_000;

export function useMonitorOverview() {
  const trpc = useTRPC();
  return useQuery(trpc.monitoring.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
}

export function useMonitorModel(modelId: number, days: number) {
  const trpc = useTRPC();
  return useQuery(trpc.monitoring.model.queryOptions({ modelId, days }, { enabled: modelId > 0, refetchInterval: REFRESH_MS, placeholderData: (previous) => (previous?.model.id === modelId ? previous : undefined) }));
}

function useMonitoringInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.monitoring.pathFilter());
}

export function useAcknowledge() {
  const trpc = useTRPC();
  const invalidate = useMonitoringInvalidate();
  return useMutation(trpc.monitoring.acknowledge.mutationOptions({ onSuccess: invalidate }));
}

export function useRetryDelivery() {
  const trpc = useTRPC();
  const invalidate = useMonitoringInvalidate();
  return useMutation(trpc.monitoring.retryDelivery.mutationOptions({ onSuccess: invalidate }));
}

export function useCreateRule() {
  const trpc = useTRPC();
  const invalidate = useMonitoringInvalidate();
  return useMutation(trpc.monitoring.createRule.mutationOptions({ onSuccess: invalidate }));
}

export function useUpdateRule() {
  const trpc = useTRPC();
  const invalidate = useMonitoringInvalidate();
  return useMutation(trpc.monitoring.updateRule.mutationOptions({ onSuccess: invalidate }));
}
