// Rows of the params-and-metrics table: which values the runs disagree on, and who is best.
import { metricBestRunIds } from './best-run';
import { runValueKeys, type RunValues } from './run-values';

export interface DifferenceRow {
  kind: 'param' | 'metric';
  key: string;
  /** One per run, in the runs' order; undefined where the run did not log the key. */
  values: (string | number | undefined)[];
  differs: boolean;
  /** Runs holding the best value (metrics only). */
  best: string[];
}

function valuesDiffer(values: readonly (string | number | undefined)[]): boolean {
  // Object.is so that two NaN losses count as the same value.
  return values.some((v) => !Object.is(v, values[0]));
}

/** Params (sorted by key) then metrics (sorted by key); with `onlyDifferences`, only rows that differ. */
export function differenceRows(runs: readonly RunValues[], onlyDifferences: boolean): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  for (const key of runValueKeys(runs, 'params').sort()) {
    const values = runs.map((r) => r.params[key]);
    rows.push({ kind: 'param', key, values, differs: valuesDiffer(values), best: [] });
  }
  for (const key of runValueKeys(runs, 'metrics').sort()) {
    const values = runs.map((r) => r.metrics[key]?.value);
    const best = metricBestRunIds(key, runs.map((r, i) => ({ runId: r.id, value: values[i] })));
    rows.push({ kind: 'metric', key, values, differs: valuesDiffer(values), best });
  }
  return onlyDifferences ? rows.filter((r) => r.differs) : rows;
}
