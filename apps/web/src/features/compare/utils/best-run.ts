// Which run did best on a metric: higher wins unless the key names a loss or an error.

/** Keys that name something to minimise. */
export const METRIC_LOWER_IS_BETTER = /loss|error|mae|mse|rmse|mape|perplexity|latency/i;

export type MetricGoal = 'min' | 'max';

/** Whether a smaller or a larger value of the metric is better, guessed from its key. */
export function metricGoal(key: string): MetricGoal {
  return METRIC_LOWER_IS_BETTER.test(key) ? 'min' : 'max';
}

/** The rule behind metricGoal, in words, for a tooltip. */
export function metricGoalExplained(key: string): string {
  return metricGoal(key) === 'min'
    ? 'Lower is better: the key looks like a loss or an error (loss, error, mae, mse, rmse, mape, perplexity, latency).'
    : 'Higher is better: the key does not look like a loss or an error.';
}

/**
 * Ids of the runs with the best finite value of the metric (all of them on a tie).
 * Empty when fewer than two runs have a value or all values are equal: there is
 * nothing to single out.
 */
export function metricBestRunIds(key: string, entries: readonly { runId: string; value: number | undefined }[]): string[] {
  const finite = entries.filter((e): e is { runId: string; value: number } => e.value !== undefined && Number.isFinite(e.value));
  if (finite.length < 2) return [];
  const values = finite.map((e) => e.value);
  const best = metricGoal(key) === 'min' ? Math.min(...values) : Math.max(...values);
  if (values.every((v) => v === best)) return [];
  return finite.filter((e) => e.value === best).map((e) => e.runId);
}
