// Per-column drift with Evidently's default test choice and thresholds, and the dataset-level verdict.
import { type Binned, binEvidentlyNumeric, binnedFromCounts } from './binning';
import { type Category, type CategoryCounts, categoryCounts } from './categories';
import { chiSquareCounts } from './chi2';
import { jensenShannonBinned, klDivBinned, wassersteinNormedSorted } from './distances';
import { StatsInputError } from './errors';
import { ksSorted } from './ks';
import { psiEvidently } from './psi';
import { sortFloat64InPlace, sortedDistinctCount, sortedValueCounts } from './sample';
import { zTestFromCounts } from './ztest';

/** Evidently's stattest names. */
export type DriftTest = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi' | 'kl_div';
/** How a column is read: numbers on a scale, or labels. */
export type DriftColumnKind = 'numerical' | 'categorical';
/** A cell of a column; null, undefined, NaN and ±Infinity count as missing and are dropped. */
export type DriftCell = Category | null | undefined;

/** How to test one column; only the kind is required. */
export interface DriftColumnOptions {
  kind: DriftColumnKind;
  /** Defaults to Evidently's choice from the column kind, reference size and unique values. */
  test?: DriftTest;
  /** Defaults to 0.05 for p-value tests and 0.1 for distances. */
  threshold?: number;
}

/** The test that ran, its score and threshold, and the verdict. */
export interface DriftColumnResult {
  test: DriftTest;
  /** A p-value for ks, chisquare and z; a distance for the others. */
  score: number;
  threshold: number;
  drifted: boolean;
}

/** One named column of a dataset, reference and current values. */
export interface DriftDatasetColumn extends DriftColumnOptions {
  name: string;
  ref: ArrayLike<DriftCell>;
  cur: ArrayLike<DriftCell>;
}

/** Options of driftDataset. */
export interface DriftDatasetOptions {
  /** The dataset has drifted when the share of drifted columns is at least this (default 0.5). */
  driftShare?: number;
}

/** Share of drifted columns, the dataset verdict, and each column's result. */
export interface DriftDatasetResult {
  share: number;
  drifted: boolean;
  driftedCount: number;
  columns: (DriftColumnResult & { name: string })[];
}

/** Evidently switches from tests to distances above this many reference rows. */
const SMALL_REFERENCE_N = 1000;
const P_VALUE_THRESHOLD = 0.05;
const DISTANCE_THRESHOLD = 0.1;
const P_VALUE_TESTS: ReadonlySet<DriftTest> = new Set(['ks', 'chisquare', 'z']);
const ALL_TESTS: ReadonlySet<string> = new Set(['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi', 'kl_div']);

/** Drift verdict for one column, choosing the test and threshold as Evidently does by default. */
export function driftColumn(ref: ArrayLike<DriftCell>, cur: ArrayLike<DriftCell>, options: DriftColumnOptions): DriftColumnResult {
  const { kind, test } = options;
  if (kind !== 'numerical' && kind !== 'categorical') {
    throw new StatsInputError('INVALID_OPTION', `unknown column kind ${JSON.stringify(kind)}`);
  }
  if (test !== undefined && !ALL_TESTS.has(test)) {
    throw new StatsInputError('INVALID_OPTION', `unknown drift test ${JSON.stringify(test)}`);
  }
  if (options.threshold !== undefined && !Number.isFinite(options.threshold)) {
    throw new StatsInputError('NOT_FINITE', `threshold is ${options.threshold}`);
  }
  const { test: chosen, score } =
    kind === 'numerical'
      ? numericalScore(numbersPresent(ref, 'ref'), numbersPresent(cur, 'cur'), test)
      : categoricalScore(categoriesPresent(ref, 'ref'), categoriesPresent(cur, 'cur'), test);
  const isPValue = P_VALUE_TESTS.has(chosen);
  const threshold = options.threshold ?? (isPValue ? P_VALUE_THRESHOLD : DISTANCE_THRESHOLD);
  // Evidently's comparisons differ: ks drifts at p ≤ thr, chisquare and z at p < thr, distances at ≥.
  const drifted = chosen === 'ks' ? score <= threshold : isPValue ? score < threshold : score >= threshold;
  return { test: chosen, score, threshold, drifted };
}

/** Dataset drift: the share of drifted columns, and whether it reaches `driftShare`. */
export function driftDataset(columns: readonly DriftDatasetColumn[], options: DriftDatasetOptions = {}): DriftDatasetResult {
  const driftShare = options.driftShare ?? 0.5;
  if (!(driftShare >= 0 && driftShare <= 1)) {
    throw new StatsInputError('OUT_OF_RANGE', `driftShare ${driftShare} is outside [0, 1]`);
  }
  if (columns.length === 0) throw new StatsInputError('EMPTY_SAMPLE', 'no columns to compare');
  const results = columns.map((c) => {
    try {
      return { name: c.name, ...driftColumn(c.ref, c.cur, c) };
    } catch (e) {
      if (e instanceof StatsInputError) throw new StatsInputError(e.code, `column ${JSON.stringify(c.name)}: ${e.message}`);
      throw e;
    }
  });
  const driftedCount = results.filter((r) => r.drifted).length;
  const share = driftedCount / results.length;
  return { share, drifted: share >= driftShare, driftedCount, columns: results };
}

function numericalScore(a: Float64Array, b: Float64Array, test: DriftTest | undefined): { test: DriftTest; score: number } {
  const unique = sortedDistinctCount(a, b);
  let chosen = test;
  if (chosen === undefined) {
    if (a.length <= SMALL_REFERENCE_N) chosen = unique > 5 ? 'ks' : unique > 2 ? 'chisquare' : 'z';
    else chosen = unique > 5 ? 'wasserstein' : 'jensenshannon';
  }
  if (chosen === 'ks') return { test: chosen, score: ksSorted(a, b, 'auto').pValue };
  if (chosen === 'wasserstein') return { test: chosen, score: wassersteinNormedSorted(a, b) };
  const values = sortedValueCounts(a, b);
  const counts: CategoryCounts = { keys: Array.from(values.values), ref: values.ref, cur: values.cur };
  return { test: chosen, score: countScore(chosen, counts, () => binEvidentlyNumeric(a, b), a.length, b.length) };
}

function categoricalScore(ref: readonly Category[], cur: readonly Category[], test: DriftTest | undefined): { test: DriftTest; score: number } {
  const counts = categoryCounts(ref, cur);
  if (test === 'ks' || test === 'wasserstein') {
    throw new StatsInputError('INVALID_OPTION', `${test} needs a numerical column`);
  }
  const unique = counts.keys.length;
  const chosen: DriftTest = test ?? (ref.length <= SMALL_REFERENCE_N ? (unique > 2 ? 'chisquare' : 'z') : 'jensenshannon');
  return { test: chosen, score: countScore(chosen, counts, () => binnedFromCounts(counts, ref.length, cur.length), ref.length, cur.length) };
}

// Tests that only need counts per value (chisquare, z) or Evidently's bins (the rest).
function countScore(test: DriftTest, c: CategoryCounts, binned: () => Binned, nRef: number, nCur: number): number {
  switch (test) {
    case 'chisquare': {
      // Evidently scales the reference counts to the current total: f_exp = ref · (n_cur / n_ref).
      const scale = nCur / nRef;
      return chiSquareCounts(c.cur, c.ref.map((r) => r * scale)).pValue;
    }
    case 'z':
      return zTestFromCounts(nRef - (c.ref[0] as number), nRef, nCur - (c.cur[0] as number), nCur).pValue;
    case 'jensenshannon':
      return jensenShannonBinned(binned());
    case 'psi':
      return psiEvidently(binned()).psi;
    default:
      return klDivBinned(binned());
  }
}

function numbersPresent(values: ArrayLike<DriftCell>, name: string): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') {
      throw new StatsInputError('INVALID_VALUE', `${name}[${i}] is ${JSON.stringify(v)} in a numerical column`);
    }
    if (Number.isFinite(v)) out[n++] = v;
  }
  if (n === 0) throw new StatsInputError('EMPTY_SAMPLE', `${name} has no values once missing ones are dropped`);
  return sortFloat64InPlace(out.subarray(0, n));
}

function categoriesPresent(values: ArrayLike<DriftCell>, name: string): Category[] {
  const out: Category[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out.push(v);
    else if (v !== null && v !== undefined && typeof v !== 'number') {
      throw new StatsInputError('INVALID_VALUE', `${name}[${i}] is ${String(v)}, not a category`);
    }
  }
  if (out.length === 0) throw new StatsInputError('EMPTY_SAMPLE', `${name} has no values once missing ones are dropped`);
  return out;
}
