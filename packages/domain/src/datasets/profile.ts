// Dataset profiles: per column a uniform sample of present values, true counts and
// summary statistics. Drift between two dataset versions runs on these samples.
import { percentile } from '../stats/percentile';

/** Present values kept per column. Columns up to this size are stored whole. */
export const DATASET_SAMPLE_LIMIT = 10_000;

export type ProfileCell = number | string | null;
export type ProfileKind = 'numerical' | 'categorical';

export interface NumericalStats {
  mean: number;
  std: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

export interface CategoricalStats {
  distinct: number;
  top: { value: string; count: number }[];
}

export interface ColumnProfile {
  name: string;
  kind: ProfileKind;
  /** Rows in the dataset (not only the sample). */
  rowCount: number;
  /** Rows where the value is missing (null, NaN, ±Infinity, empty). */
  missingCount: number;
  numbers: number[] | null;
  categories: string[] | null;
  stats: NumericalStats | CategoricalStats;
}

/** Missing cells: null, empty text, NaN and ±Infinity. */
export const profileCellMissing = (v: ProfileCell | undefined): boolean => v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v));

/** Numerical when every present value is a number (or numeric text), else categorical. */
export function profileKindOf(values: readonly ProfileCell[]): ProfileKind {
  let seen = false;
  for (const v of values) {
    if (profileCellMissing(v)) continue;
    seen = true;
    if (typeof v === 'number') continue;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) continue;
    return 'categorical';
  }
  return seen ? 'numerical' : 'categorical';
}

/**
 * A uniform sample of at most `limit` items, deterministic for a given seed
 * (Algorithm R with a small LCG), in their original order.
 */
export function profileSample<T>(values: readonly T[], limit = DATASET_SAMPLE_LIMIT, seed = 1): T[] {
  if (values.length <= limit) return [...values];
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const picked = Array.from({ length: limit }, (_, i) => i);
  for (let i = limit; i < values.length; i++) {
    const j = Math.floor(next() * (i + 1));
    if (j < limit) picked[j] = i;
  }
  return picked.sort((a, b) => a - b).map((i) => values[i]!);
}

/**
 * Profiles one column from its values (the whole column or a sample of it). `rowCount` and
 * `missingCount` give the true counts when the values are a sample.
 */
export function profileColumn(
  name: string,
  values: readonly ProfileCell[],
  options: { kind?: ProfileKind; rowCount?: number; missingCount?: number; limit?: number } = {},
): ColumnProfile {
  const kind = options.kind ?? profileKindOf(values);
  const present = values.filter((v) => !profileCellMissing(v));
  const sampled = profileSample(present, options.limit ?? DATASET_SAMPLE_LIMIT);
  const rowCount = options.rowCount ?? values.length;
  const missingCount = options.missingCount ?? values.length - present.length;
  if (kind === 'numerical') {
    const numbers = sampled.map((v) => (typeof v === 'number' ? v : Number(v))).filter((v) => Number.isFinite(v));
    return { name, kind, rowCount, missingCount, numbers, categories: null, stats: numericalStats(numbers) };
  }
  const categories = sampled.map(String);
  return { name, kind, rowCount, missingCount, numbers: null, categories, stats: categoricalStats(categories) };
}

function numericalStats(xs: number[]): NumericalStats {
  if (xs.length === 0) return { mean: NaN, std: NaN, min: NaN, p5: NaN, p25: NaN, p50: NaN, p75: NaN, p95: NaN, max: NaN };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let sq = 0;
  for (const x of xs) sq += (x - mean) ** 2;
  const q = (p: number) => percentile(xs, p);
  return { mean, std: xs.length > 1 ? Math.sqrt(sq / (xs.length - 1)) : 0, min: q(0), p5: q(5), p25: q(25), p50: q(50), p75: q(75), p95: q(95), max: q(100) };
}

function categoricalStats(xs: string[]): CategoricalStats {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([value, count]) => ({ value, count }));
  return { distinct: counts.size, top };
}
