// Metric history of one run for its charts, at most 500 points per key.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { LIVE_INTERVAL_MS } from './use-run-search';

/** Most keys one series request may ask for (the API's limit). */
export const SERIES_MAX_KEYS = 50;

export function useMetricSeries(runId: string, keys: string[], live: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.metrics.series.queryOptions(
      { runIds: [runId], keys: keys.slice(0, SERIES_MAX_KEYS), maxPoints: 500 },
      { enabled: keys.length > 0, refetchInterval: live ? LIVE_INTERVAL_MS : false, placeholderData: keepPreviousData },
    ),
  );
}
