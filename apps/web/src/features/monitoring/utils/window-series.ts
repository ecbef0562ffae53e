// Windows as chart rows: one row per window at its midpoint, unknown values kept as null so
// the lines break instead of dropping to zero, and a break where windows are missing.
import type { EvaluationMetrics } from '@quorum/domain';
import type { AxisWindow } from './time-axis';

export interface SeriesWindow extends AxisWindow {
  version: number | null;
  predictionCount: number;
  labelledCount: number;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
  /** The evaluation metrics once labels arrived (stored as JSON, so typed loosely). */
  evaluation: unknown;
}

/** A chart row: the window's midpoint `t`, its bounds, the version that served it, and the values. */
export type SeriesRow<K extends string> = { t: number; start: number; end: number; version: number | null } & Record<K, number | null>;

/** The median window length: what "a window" means for this alias. */
export function windowLength(windows: readonly AxisWindow[]): number {
  const lengths = windows.map((w) => w.windowEnd - w.windowStart).sort((a, b) => a - b);
  return lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length / 2)]!;
}

/**
 * Rows in time order with the values `pick` reads (null where the window cannot say). Where
 * the next window starts more than half a window after the last one ended, a row of nulls
 * sits in the hole so lines do not bridge missing windows.
 */
export function windowSeries<K extends string>(windows: readonly SeriesWindow[], keys: readonly K[], pick: (w: SeriesWindow) => Record<K, number | null>): SeriesRow<K>[] {
  const sorted = [...windows].sort((a, b) => a.windowStart - b.windowStart);
  const length = windowLength(sorted);
  const empty = Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>;
  const rows: SeriesRow<K>[] = [];
  sorted.forEach((w, i) => {
    const prev = sorted[i - 1];
    if (prev && w.windowStart > prev.windowEnd + length / 2) {
      const t = (prev.windowEnd + w.windowStart) / 2;
      rows.push({ t, start: prev.windowEnd, end: w.windowStart, version: null, ...empty });
    }
    const values = pick(w);
    const picked = Object.fromEntries(keys.map((k) => [k, finiteOrNull(values[k])])) as Record<K, number | null>;
    rows.push({ t: (w.windowStart + w.windowEnd) / 2, start: w.windowStart, end: w.windowEnd, version: w.version, ...picked });
  });
  return rows;
}

const finiteOrNull = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export type QualityTask = EvaluationMetrics['task'];
export type QualityKey = 'accuracy' | 'precision' | 'recall' | 'f1' | 'mae' | 'rmse';

/** The metrics drawn for each kind of model: shares for classifiers, errors in the target's unit for regressors. */
export const QUALITY_KEYS: Record<QualityTask, readonly QualityKey[]> = {
  classification: ['accuracy', 'precision', 'recall', 'f1'],
  regression: ['mae', 'rmse'],
};

const evaluationOf = (w: SeriesWindow): EvaluationMetrics | null => {
  const e = w.evaluation as EvaluationMetrics | null | undefined;
  return e && (e.task === 'classification' || e.task === 'regression') ? e : null;
};

/** What the newest labelled window says the model is, or null before any label arrived. */
export function qualityTask(windows: readonly SeriesWindow[]): QualityTask | null {
  let latest: SeriesWindow | null = null;
  for (const w of windows) if (evaluationOf(w) && (!latest || w.windowStart > latest.windowStart)) latest = w;
  return latest ? evaluationOf(latest)!.task : null;
}

/** A window's quality metrics for the task; all null while its labels are outstanding. */
export function qualityValues(w: SeriesWindow, task: QualityTask): Record<QualityKey, number | null> {
  const e = evaluationOf(w);
  const c = e?.task === 'classification' && task === 'classification' ? e : null;
  const r = e?.task === 'regression' && task === 'regression' ? e : null;
  return { accuracy: c?.accuracy ?? null, precision: c?.precision ?? null, recall: c?.recall ?? null, f1: c?.f1 ?? null, mae: r?.mae ?? null, rmse: r?.rmse ?? null };
}

/** The newest windows whose labels have not arrived: labels trail predictions by days. */
export interface LabelsAwaited {
  from: number;
  to: number;
  count: number;
}

/** The run of unlabelled windows after the last labelled one, or null (none labelled yet, or none waiting). */
export function labelsAwaited(windows: readonly SeriesWindow[]): LabelsAwaited | null {
  const sorted = [...windows].sort((a, b) => a.windowStart - b.windowStart);
  let last = -1;
  sorted.forEach((w, i) => {
    if (evaluationOf(w)) last = i;
  });
  const waiting = sorted.slice(last + 1);
  if (last === -1 || waiting.length === 0) return null;
  return { from: waiting[0]!.windowStart, to: waiting.at(-1)!.windowEnd, count: waiting.length };
}

/** The labelled windows' labelled share of predictions, for the tooltip: "312 of 400 labelled". */
export function labelledText(w: Pick<SeriesWindow, 'labelledCount' | 'predictionCount'>): string {
  if (w.labelledCount === 0) return 'no labels yet';
  return `${w.labelledCount.toLocaleString('en')} of ${w.predictionCount.toLocaleString('en')} predictions labelled`;
}
