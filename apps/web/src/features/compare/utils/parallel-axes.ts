// Axes of the parallel coordinates plot and where each run sits on them, in [0, 1].
import { differenceRows } from './differences';
import { runNumericParamKeys, runParamNumber, type RunValues } from './run-values';

export type ParallelAxis =
  | { kind: 'numeric'; key: string; source: 'param' | 'metric'; min: number; max: number; log: boolean; values: number[] }
  | { kind: 'categorical'; key: string; source: 'param'; categories: string[] };

/** A positive range this wide reads better on a log axis (learning rates, batch sizes). */
const LOG_SPAN = 100;

const collator = new Intl.Collator('en', { numeric: true });

function parallelNumericAxis(key: string, source: 'param' | 'metric', values: readonly number[]): ParallelAxis {
  const finite = values.filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const distinct = [...new Set(finite)].sort((a, b) => a - b);
  return { kind: 'numeric', key, source, min, max, log: min > 0 && max / min >= LOG_SPAN, values: distinct };
}

function runMetricValue(run: RunValues, key: string): number | undefined {
  const v = run.metrics[key]?.value;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** One axis per param whose value differs across the runs, then the metric's axis. */
export function parallelAxes(runs: readonly RunValues[], metricKey: string | null): ParallelAxis[] {
  const numeric = new Set(runNumericParamKeys(runs));
  const axes: ParallelAxis[] = differenceRows(runs, true)
    .filter((row) => row.kind === 'param')
    .map((row) => {
      if (numeric.has(row.key)) {
        const values = runs.map((r) => runParamNumber(r, row.key)).filter((v): v is number => v !== undefined);
        return parallelNumericAxis(row.key, 'param', values);
      }
      const categories = [...new Set(runs.map((r) => r.params[row.key]).filter((v): v is string => v !== undefined))];
      return { kind: 'categorical', key: row.key, source: 'param', categories: categories.sort(collator.compare) };
    });
  if (metricKey !== null) {
    const values = runs.map((r) => runMetricValue(r, metricKey)).filter((v): v is number => v !== undefined);
    axes.push(parallelNumericAxis(metricKey, 'metric', values));
  }
  return axes;
}

/** Where a numeric value sits on the axis: 0 at the bottom (min), 1 at the top (max). */
export function parallelNumericPosition(axis: Extract<ParallelAxis, { kind: 'numeric' }>, v: number): number {
  if (axis.max === axis.min) return 0.5;
  if (axis.log) return (Math.log(v) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min));
  return (v - axis.min) / (axis.max - axis.min);
}

/** The run's position on the axis, or null when it has no usable value there. */
export function parallelPosition(axis: ParallelAxis, run: RunValues): number | null {
  if (axis.kind === 'categorical') {
    const value = run.params[axis.key];
    const i = value === undefined ? -1 : axis.categories.indexOf(value);
    if (i < 0) return null;
    return axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1);
  }
  const v = axis.source === 'metric' ? runMetricValue(run, axis.key) : runParamNumber(run, axis.key);
  if (v === undefined || (axis.log && v <= 0)) return null;
  return parallelNumericPosition(axis, v);
}

/** A grid search tries a few values per param; label those rather than an in-between middle. */
const LABEL_EACH_UP_TO = 4;

/** Labelled positions along an axis: every category, each of a few values, or min, middle and max. */
export function parallelAxisTicks(axis: ParallelAxis): { position: number; value: number | string }[] {
  if (axis.kind === 'categorical') {
    return axis.categories.map((c, i) => ({ position: axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1), value: c }));
  }
  if (axis.min === axis.max) return [{ position: 0.5, value: axis.min }];
  if (axis.values.length <= LABEL_EACH_UP_TO) return axis.values.map((v) => ({ position: parallelNumericPosition(axis, v), value: v }));
  const mid = axis.log ? Math.sqrt(axis.min * axis.max) : (axis.min + axis.max) / 2;
  return [
    { position: 0, value: axis.min },
    { position: 0.5, value: mid },
    { position: 1, value: axis.max },
  ];
}
