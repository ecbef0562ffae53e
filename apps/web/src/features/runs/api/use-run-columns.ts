// Param, metric and tag keys logged in an experiment: the columns its runs table can show.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useRunColumns(experimentId: number) {
  const trpc = useTRPC();
  return useQuery(trpc.runs.columns.queryOptions({ experimentIds: [experimentId] }));
}
