// One monitoring window of a deployed model: prediction volume, latency percentiles, feature drift
// against the training data, and a summary of what the model predicted.
import { type DriftColumnKind, type DriftTest, driftDataset } from '../stats/column';
import { StatsInputError } from '../stats/errors';
import { type HistogramBucket, histogramQuantile, quantileLinearSorted } from '../stats/percentile';
import { sampleSorted } from '../stats/sample';
import {
  type MonitorFeatureInput,
  type MonitorFeatureSource,
  type MonitorReferenceColumn,
  type MonitorUnmatched,
  monitorFeaturesMatch,
} from './features';

/** What a deployed model predicted: a number (score, regression) or a label. */
export type MonitorPrediction = number | string | boolean;

/** Latency in milliseconds: raw samples, or Prometheus cumulative buckets whose `le` is in ms (+Infinity last). */
export type MonitorLatencyInput = { samplesMs: ArrayLike<number> } | { buckets: readonly HistogramBucket[] };

/** Everything logged for one (model version, alias, time window). */
export interface MonitorWindowInput {
  latency?: MonitorLatencyInput | null;
  /** Predicted values; may be a sample of the window, or empty when only `predictionCount` is known. */
  predictions: readonly MonitorPrediction[];
  /** Predictions served in the window; defaults to `predictions.length` and may not be below it. */
  predictionCount?: number;
  /** Per feature: raw samples, `{ histogram: { edges, counts } }` or `{ counts: { category: n } }`. */
  features: Readonly<Record<string, MonitorFeatureInput>>;
  /** The training dataset's stored samples, one entry per column. */
  reference: readonly MonitorReferenceColumn[];
}

/** Options of monitorWindowCompute. */
export interface MonitorWindowOptions {
  /** The window has drifted when at least this share of compared features drifted (Evidently's default 0.5). */
  driftShare?: number;
  /** Summarise numeric predictions as labels (e.g. 0/1 classes) instead of mean/min/max. */
  predictionKind?: DriftColumnKind;
}

/** Latency percentiles in ms; 'samples' is numpy's linear percentile, 'histogram' Prometheus' histogram_quantile. */
export interface MonitorLatency {
  p50: number;
  p95: number;
  p99: number;
  count: number;
  method: 'samples' | 'histogram';
}

/**
 * One feature's drift test. `score` is the number the test compares with `threshold`:
 * - `scoreKind: 'p_value'` (ks, chisquare, z): drift when the score is *below* the threshold
 *   (ks: score ≤ threshold, chisquare and z: score < threshold, as Evidently decides);
 * - `scoreKind: 'distance'` (wasserstein, jensenshannon, psi, kl_div): drift when score ≥ threshold.
 */
export interface MonitorDriftColumn {
  name: string;
  kind: DriftColumnKind;
  /** 'histogram' means the window's values are bin midpoints: an approximation of the raw samples. */
  source: MonitorFeatureSource;
  test: DriftTest;
  scoreKind: 'p_value' | 'distance';
  score: number;
  /** The p-value, for p-value tests only (the same number as `score`). */
  pValue?: number;
  threshold: number;
  drifted: boolean;
  /** Present (non-missing) values compared on each side. */
  referenceCount: number;
  currentCount: number;
}

/** The window's drift verdict over the features both sides hold with the same kind. */
export interface MonitorDrift {
  columns: MonitorDriftColumn[];
  driftedCount: number;
  /** driftedCount / columns.length; null when no feature could be compared. */
  driftedShare: number | null;
  /** driftedShare ≥ driftShare; null when no feature could be compared. */
  datasetDrift: boolean | null;
  driftShare: number;
  unmatched: MonitorUnmatched[];
}

/** What the model predicted: mean/min/max of numbers, or the most frequent labels. */
export type MonitorPredictionSummary =
  | { kind: 'numerical'; count: number; mean: number; min: number; max: number }
  | { kind: 'categorical'; count: number; distinct: number; top: { value: string; count: number }[]; otherCount: number };

/** A computed window, as the server stores it. */
export interface MonitorWindow {
  predictionCount: number;
  latency: MonitorLatency | null;
  drift: MonitorDrift;
  /** Null when no predicted values were sent. */
  predictionSummary: MonitorPredictionSummary | null;
}

/** Labels listed in a categorical prediction summary; the rest are counted in `otherCount`. */
export const MONITOR_TOP_LABELS = 20;

const P_VALUE_TESTS: ReadonlySet<DriftTest> = new Set(['ks', 'chisquare', 'z']);

/** Whether a drift test's score is a p-value (drift below the threshold) or a distance (drift at or above it). */
export const monitorScoreKind = (test: DriftTest): 'p_value' | 'distance' => (P_VALUE_TESTS.has(test) ? 'p_value' : 'distance');

/** Computes one monitoring window: volume, latency percentiles, drift against the reference, prediction summary. */
export function monitorWindowCompute(input: MonitorWindowInput, options: MonitorWindowOptions = {}): MonitorWindow {
  const driftShare = options.driftShare ?? 0.5;
  if (!(driftShare >= 0 && driftShare <= 1)) throw new StatsInputError('OUT_OF_RANGE', `driftShare is ${driftShare}; it is a share from 0 to 1`);
  if (!Array.isArray(input.predictions)) throw new StatsInputError('INVALID_VALUE', 'predictions must be a list ([] when only predictionCount is known)');
  const predictionCount = input.predictionCount ?? input.predictions.length;
  if (!Number.isSafeInteger(predictionCount) || predictionCount < input.predictions.length) {
    throw new StatsInputError(
      'OUT_OF_RANGE',
      `predictionCount is ${predictionCount}; it is a whole number of at least the ${input.predictions.length} predictions sent`,
    );
  }
  return {
    predictionCount,
    latency: monitorLatency(input.latency ?? null),
    drift: monitorDrift(input.features, input.reference, driftShare),
    predictionSummary: monitorPredictionSummary(input.predictions, options.predictionKind),
  };
}

/** Latency percentiles from samples or buckets; null when nothing was observed. */
export function monitorLatency(latency: MonitorLatencyInput | null): MonitorLatency | null {
  if (latency === null) return null;
  if ('samplesMs' in latency) {
    if (latency.samplesMs.length === 0) return null;
    // One sort serves the three percentiles.
    const sorted = sampleSorted(latency.samplesMs, 'latency.samplesMs');
    if ((sorted[0] as number) < 0) throw new StatsInputError('OUT_OF_RANGE', `latency.samplesMs holds ${sorted[0]}; a latency cannot be negative`);
    const q = (p: number) => quantileLinearSorted(sorted, p / 100);
    return { p50: q(50), p95: q(95), p99: q(99), count: sorted.length, method: 'samples' };
  }
  if ('buckets' in latency && Array.isArray(latency.buckets)) {
    const buckets = latency.buckets;
    const q = (p: number) => histogramQuantile(p, buckets);
    let p50: number;
    try {
      p50 = q(0.5);
    } catch (e) {
      // Buckets that are well formed but all zero: nothing was served in the window.
      if (e instanceof StatsInputError && e.code === 'EMPTY_SAMPLE') return null;
      throw e;
    }
    return { p50, p95: q(0.95), p99: q(0.99), count: bucketsTotal(buckets), method: 'histogram' };
  }
  throw new StatsInputError('INVALID_VALUE', 'latency must be { samplesMs: number[] } or { buckets: { le, count }[] }');
}

// The +Inf bucket's count as histogram_quantile reads it: equal bounds summed, counts made monotonic.
function bucketsTotal(buckets: readonly HistogramBucket[]): number {
  const byBound = new Map<number, number>();
  for (const b of buckets) byBound.set(b.le, (byBound.get(b.le) ?? 0) + b.count);
  return Math.max(...byBound.values());
}

function monitorDrift(
  features: Readonly<Record<string, MonitorFeatureInput>>,
  reference: readonly MonitorReferenceColumn[],
  driftShare: number,
): MonitorDrift {
  const { columns: prepared, unmatched } = monitorFeaturesMatch(features, reference);
  if (prepared.length === 0) return { columns: [], driftedCount: 0, driftedShare: null, datasetDrift: null, driftShare, unmatched };
  const result = driftDataset(prepared, { driftShare });
  const columns = result.columns.map((r, i): MonitorDriftColumn => {
    const p = prepared[i] as (typeof prepared)[number];
    const scoreKind = monitorScoreKind(r.test);
    return {
      name: r.name,
      kind: p.kind,
      source: p.source,
      test: r.test,
      scoreKind,
      score: r.score,
      ...(scoreKind === 'p_value' ? { pValue: r.score } : {}),
      threshold: r.threshold,
      drifted: r.drifted,
      referenceCount: p.refCount,
      currentCount: p.curCount,
    };
  });
  return { columns, driftedCount: result.driftedCount, driftedShare: result.share, datasetDrift: result.drifted, driftShare, unmatched };
}

/** Mean/min/max when every prediction is a number (unless `kind` says labels), else label counts. */
export function monitorPredictionSummary(predictions: readonly MonitorPrediction[], kind?: DriftColumnKind): MonitorPredictionSummary | null {
  const n = predictions.length;
  if (n === 0) return null;
  let numeric = kind !== 'categorical';
  for (let i = 0; i < n; i++) {
    const v = predictions[i];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new StatsInputError('NOT_FINITE', `predictions[${i}] is ${v}; a prediction is a finite number, a text or true/false`);
    } else if (typeof v === 'string' || typeof v === 'boolean') {
      if (kind === 'numerical') throw new StatsInputError('INVALID_VALUE', `predictions[${i}] is ${JSON.stringify(v)}, not a number`);
      numeric = false;
    } else {
      throw new StatsInputError('INVALID_VALUE', `predictions[${i}] is ${String(v)}; a prediction is a finite number, a text or true/false`);
    }
  }
  if (numeric) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = predictions[i] as number;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { kind: 'numerical', count: n, mean: sum / n, min, max };
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = String(predictions[i]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Most frequent first; equal counts in code-unit order so the summary is the same every time.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = ranked.slice(0, MONITOR_TOP_LABELS).map(([value, count]) => ({ value, count }));
  const listed = top.reduce((s, t) => s + t.count, 0);
  return { kind: 'categorical', count: n, distinct: counts.size, top, otherCount: n - listed };
}
