// Bins shared by PSI, KL and Jensen–Shannon: decile edges of the reference, or Evidently's get_binned_data.
import { type Category, type CategoryCounts, categoryCounts } from './categories';
import { quantileLinearSorted } from './percentile';
import { sortedValueCounts } from './sample';

/** One bin: a numeric interval, or a single value (category, or a number with few distinct values). */
export type DriftBinKey =
  | { kind: 'range'; lower: number; upper: number }
  | { kind: 'value'; value: Category };

/** Counts of both samples per bin. */
export interface Binned {
  keys: DriftBinKey[];
  ref: Float64Array;
  cur: Float64Array;
  nRef: number;
  nCur: number;
}

/** Evidently bins a numerical column by value until its reference has more unique values than this. */
const EVIDENTLY_MAX_VALUE_BINS = 20;
const QUANTILE_EPSILON = 1e-4;

/**
 * Decile bins of the reference: edges at quantile_linear(ref, k/10) for k = 1..9, duplicates
 * dropped, outer bins open to ±∞, a value x in the bin numbered by how many edges are ≤ x.
 */
export function binQuantile10(ref: Float64Array, cur: Float64Array): Binned {
  // k/10 as one division: 3 * 0.1 is not 0.3, and that would move the edge.
  const deciles = Array.from({ length: 9 }, (_, i) => quantileLinearSorted(ref, (i + 1) / 10)).sort((a, b) => a - b);
  const edges = deciles.filter((e, i) => i === 0 || e !== deciles[i - 1]);
  const keys: DriftBinKey[] = [];
  for (let b = 0; b <= edges.length; b++) {
    keys.push({ kind: 'range', lower: b === 0 ? -Infinity : (edges[b - 1] as number), upper: b === edges.length ? Infinity : (edges[b] as number) });
  }
  return { keys, ref: countRightClosed(ref, edges), cur: countRightClosed(cur, edges), nRef: ref.length, nCur: cur.length };
}

// For ascending values: bin b holds edges[b-1] ≤ x < edges[b] (searchsorted side='right').
function countRightClosed(sorted: Float64Array, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let b = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as number;
    while (b < edges.length && (edges[b] as number) <= x) b++;
    counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

/**
 * Evidently's get_binned_data for a numerical column: Sturges equal-width bins over the
 * pooled sample when the reference has more than 20 unique values, else one bin per value.
 */
export function binEvidentlyNumeric(ref: Float64Array, cur: Float64Array): Binned {
  if (distinctSorted(ref) <= EVIDENTLY_MAX_VALUE_BINS) return valueBins(ref, cur);
  const edges = sturgesEdges(ref, cur);
  const keys: DriftBinKey[] = [];
  for (let b = 0; b + 1 < edges.length; b++) keys.push({ kind: 'range', lower: edges[b] as number, upper: edges[b + 1] as number });
  return { keys, ref: histogram(ref, edges), cur: histogram(cur, edges), nRef: ref.length, nCur: cur.length };
}

/** Evidently's get_binned_data for a categorical column: one bin per category of the union. */
export function binEvidentlyCategorical(ref: readonly Category[], cur: readonly Category[]): Binned {
  return binnedFromCounts(categoryCounts(ref, cur), ref.length, cur.length);
}

/** One bin per category, from counts already taken. */
export function binnedFromCounts(counts: CategoryCounts, nRef: number, nCur: number): Binned {
  const keys = counts.keys.map((value): DriftBinKey => ({ kind: 'value', value }));
  return { keys, ref: counts.ref, cur: counts.cur, nRef, nCur };
}

function valueBins(ref: Float64Array, cur: Float64Array): Binned {
  const counts = sortedValueCounts(ref, cur);
  const keys = Array.from(counts.values, (value): DriftBinKey => ({ kind: 'value', value }));
  return { keys, ref: counts.ref, cur: counts.cur, nRef: ref.length, nCur: cur.length };
}

function distinctSorted(a: Float64Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) count++;
  return count;
}

// np.histogram_bin_edges(concat(ref, cur), 'sturges'), operation for operation, so edges match bit for bit.
function sturgesEdges(ref: Float64Array, cur: Float64Array): number[] {
  let first = Math.min(ref[0] as number, cur[0] as number);
  let last = Math.max(ref[ref.length - 1] as number, cur[cur.length - 1] as number);
  let bins = 1;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  } else {
    const width = (last - first) / (Math.log2(ref.length + cur.length) + 1);
    bins = Math.ceil((last - first) / width);
  }
  const step = (last - first) / bins;
  const edges: number[] = [];
  for (let i = 0; i < bins; i++) edges.push(i * step + first);
  edges.push(last);
  return edges;
}

// np.histogram with explicit edges: [e_i, e_{i+1}) and the last bin closed.
function histogram(sorted: Float64Array, edges: readonly number[]): Float64Array {
  const nBins = edges.length - 1;
  const counts = new Float64Array(nBins);
  let b = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as number;
    if (x < (edges[0] as number) || x > (edges[nBins] as number)) continue;
    while (b < nBins - 1 && (edges[b + 1] as number) <= x) b++;
    counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

/** Bin proportions count / n. */
export function binShares(counts: Float64Array, n: number): Float64Array {
  return counts.map((c) => c / n);
}

/** Quantile PSI's fill: a zero share becomes 1e-4; the shares are not renormalised. */
export function fillEpsilon(shares: Float64Array): Float64Array {
  return shares.map((s) => (s === 0 ? QUANTILE_EPSILON : s));
}

/**
 * Evidently's fill: a zero share becomes m/1e6 when the smallest non-zero share m is ≤ 1e-4,
 * else 1e-4; not renormalised.
 */
export function fillEvidently(shares: Float64Array): Float64Array {
  let m = Infinity;
  for (const s of shares) if (s !== 0 && s < m) m = s;
  const fill = m <= 1e-4 ? m / 10 ** 6 : 1e-4;
  return shares.map((s) => (s === 0 ? fill : s));
}
