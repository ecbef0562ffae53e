// The experiment a runs table belongs to, for its header.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useExperiment(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.experiments.get.queryOptions({ id }));
}
