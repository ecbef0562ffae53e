// Latency percentiles: numpy's linear interpolation, exact nearest rank, and Prometheus' histogram_quantile.
import { StatsInputError } from './errors';
import { type NumericInput, sampleSorted } from './sample';

/** 'linear' is numpy's default (Hyndman–Fan type 7); 'nearest_rank' is s[⌈p·n/100⌉ − 1]. */
export type PercentileMethod = 'linear' | 'nearest_rank';

/** Options of percentile. */
export interface PercentileOptions {
  method?: PercentileMethod;
}

/** One cumulative Prometheus bucket: observations ≤ `le`. */
export interface HistogramBucket {
  le: number;
  count: number;
}

/** The p-th percentile (0 ≤ p ≤ 100) of `values`; 'linear' matches numpy.percentile bit for bit. */
export function percentile(values: NumericInput, p: number, options: PercentileOptions = {}): number {
  const method = options.method ?? 'linear';
  if (!(p >= 0 && p <= 100)) throw new StatsInputError('OUT_OF_RANGE', `percentile ${p} is outside [0, 100]`);
  const sorted = sampleSorted(values, 'values');
  if (method === 'linear') return quantileLinearSorted(sorted, p / 100);
  if (method === 'nearest_rank') return sorted[nearestRank(p, sorted.length) - 1] as number;
  throw new StatsInputError('INVALID_OPTION', `unknown percentile method ${JSON.stringify(method)}`);
}

/** numpy's quantile(method='linear') on ascending values, with numpy's _lerp rounding. */
export function quantileLinearSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * q;
  if (h >= n - 1) return sorted[n - 1] as number;
  const lo = Math.floor(h);
  const t = h - lo;
  const a = sorted[lo] as number;
  const b = sorted[lo + 1] as number;
  const diff = b - a;
  // numpy interpolates from the nearer end: from b when t ≥ 0.5.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// ⌈p·n/100⌉ in exact arithmetic: p is a dyadic rational m/2^k, so the rank is
// ⌈m·n / (100·2^k)⌉ in BigInt. Floating point can land one rank high (n = 100, p = 7).
function nearestRank(p: number, n: number): number {
  let m = p;
  let k = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    k += 1n;
  }
  const num = BigInt(m) * BigInt(n);
  const den = 100n << k;
  const rank = Number((num + den - 1n) / den);
  return Math.max(rank, 1);
}

/**
 * Prometheus' histogram_quantile(q, buckets) for classic cumulative buckets: q < 0 gives −Infinity,
 * q > 1 gives +Infinity; buckets with equal `le` are merged and decreasing counts flattened.
 */
export function histogramQuantile(q: number, buckets: readonly HistogramBucket[]): number {
  if (Number.isNaN(q)) throw new StatsInputError('NOT_FINITE', 'q is NaN');
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  buckets.forEach((b, i) => {
    if (Number.isNaN(b.le)) throw new StatsInputError('NOT_FINITE', `buckets[${i}].le is NaN`);
    if (!Number.isFinite(b.count)) throw new StatsInputError('NOT_FINITE', `buckets[${i}].count is ${b.count}`);
    if (b.count < 0) throw new StatsInputError('NEGATIVE_COUNT', `buckets[${i}].count is negative`);
  });
  const sorted = [...buckets].sort((a, b) => a.le - b.le || 0);
  const top = sorted[sorted.length - 1];
  if (top === undefined || top.le !== Infinity) {
    throw new StatsInputError('BAD_BUCKETS', 'histogram has no +Inf bucket');
  }
  const merged: HistogramBucket[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.le === b.le) last.count += b.count;
    else merged.push({ le: b.le, count: b.count });
  }
  for (let i = 1; i < merged.length; i++) {
    const prev = (merged[i - 1] as HistogramBucket).count;
    const cur = merged[i] as HistogramBucket;
    if (cur.count < prev) cur.count = prev;
  }
  if (merged.length < 2) throw new StatsInputError('BAD_BUCKETS', 'histogram needs a finite bucket besides +Inf');
  const observations = (merged[merged.length - 1] as HistogramBucket).count;
  if (observations === 0) throw new StatsInputError('EMPTY_SAMPLE', 'histogram has no observations');
  let rank = q * observations;
  let b = 0;
  while (b < merged.length - 1 && (merged[b] as HistogramBucket).count < rank) b++;
  if (b === merged.length - 1) return (merged[merged.length - 2] as HistogramBucket).le;
  const bucket = merged[b] as HistogramBucket;
  if (b === 0 && bucket.le <= 0) return bucket.le;
  let start = 0;
  let count = bucket.count;
  if (b > 0) {
    const below = merged[b - 1] as HistogramBucket;
    start = below.le;
    count -= below.count;
    rank -= below.count;
  }
  // Only q = 0 over an empty first bucket gets here with count 0; Prometheus answers 0/0 = NaN,
  // the lower bound is the honest answer.
  if (count === 0) return start;
  return start + (bucket.le - start) * (rank / count);
}
