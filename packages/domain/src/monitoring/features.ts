// A window's feature values made ready for drift testing: raw samples, histograms and category
// counts turned into the cells driftColumn reads, and each feature matched with its reference column.
import type { DriftCell, DriftColumnKind } from '../stats/column';
import { StatsInputError } from '../stats/errors';

/** A feature cell as production traffic logs it; null, '' and non-finite numbers are missing. */
export type MonitorFeatureCell = number | string | null;

/** Numerical values summarised as bins: `counts[i]` values fell in [edges[i], edges[i+1]). */
export interface MonitorFeatureHistogram {
  histogram: { edges: readonly number[]; counts: readonly number[] };
}

/** A categorical feature summarised as how often each category occurred. */
export interface MonitorFeatureCounts {
  counts: Readonly<Record<string, number>>;
}

/** One feature of a window: raw samples, a numerical histogram, or categorical counts. */
export type MonitorFeatureInput = readonly MonitorFeatureCell[] | ArrayLike<number> | MonitorFeatureHistogram | MonitorFeatureCounts;

/** A column of the training dataset, as its profile stores it. */
export interface MonitorReferenceColumn {
  name: string;
  kind: DriftColumnKind;
  values: readonly MonitorFeatureCell[] | ArrayLike<number>;
}

/** Where a window's values came from; 'histogram' columns are tested on bin midpoints (an approximation). */
export type MonitorFeatureSource = 'samples' | 'histogram' | 'counts';

/** Why a feature was left out of the drift verdict. */
export type MonitorUnmatchedReason = 'not_in_reference' | 'not_in_window' | 'kind_mismatch' | 'no_values' | 'no_reference_values';

/** A feature that could not be compared, with a sentence saying why. */
export interface MonitorUnmatched {
  name: string;
  reason: MonitorUnmatchedReason;
  message: string;
}

/** A feature ready for driftColumn: cells of the reference's kind, and how many are present. */
export interface MonitorPreparedColumn {
  name: string;
  kind: DriftColumnKind;
  source: MonitorFeatureSource;
  ref: ArrayLike<DriftCell>;
  cur: ArrayLike<DriftCell>;
  refCount: number;
  curCount: number;
}

/** Expanding a histogram or counts beyond this many values would take more memory than a window deserves. */
export const MONITOR_EXPAND_LIMIT = 5_000_000;

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Cells = { cells: ArrayLike<DriftCell>; present: number } | { mismatch: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v));

/** Pairs each window feature with its reference column, or records why it cannot be compared. */
export function monitorFeaturesMatch(
  features: Readonly<Record<string, MonitorFeatureInput>>,
  reference: readonly MonitorReferenceColumn[],
): { columns: MonitorPreparedColumn[]; unmatched: MonitorUnmatched[] } {
  if (!isRecord(features)) throw new StatsInputError('INVALID_VALUE', 'features must be an object of feature name → values');
  if (!Array.isArray(reference)) throw new StatsInputError('INVALID_VALUE', 'reference must be a list of { name, kind, values } columns');
  const columns: MonitorPreparedColumn[] = [];
  const unmatched: MonitorUnmatched[] = [];
  const seen = new Set<string>();
  reference.forEach((col, i) => {
    if (!isRecord(col) || typeof col.name !== 'string' || col.name === '') {
      throw new StatsInputError('INVALID_VALUE', `reference[${i}] must be { name, kind, values } with a non-empty name`);
    }
    const { name, kind } = col;
    if (kind !== 'numerical' && kind !== 'categorical') {
      throw new StatsInputError('INVALID_OPTION', `reference[${i}] "${name}": kind must be numerical or categorical (got ${shown(kind)})`);
    }
    if (seen.has(name)) throw new StatsInputError('INVALID_VALUE', `reference lists the column "${name}" twice`);
    seen.add(name);
    const input = Object.hasOwn(features, name) ? features[name] : undefined;
    if (input === undefined) {
      unmatched.push({ name, reason: 'not_in_window', message: `"${name}" is in the reference dataset but the window has no values for it` });
      return;
    }
    const ref = cellsOf(col.values as ArrayLike<unknown>, kind, `reference[${i}].values`);
    if ('mismatch' in ref) throw new StatsInputError('INVALID_VALUE', `reference column "${name}" is numerical but holds ${ref.mismatch}`);
    const cur = windowCells(input, kind, `features.${name}`);
    if ('mismatch' in cur) {
      unmatched.push({ name, reason: 'kind_mismatch', message: `"${name}" is ${kind} in the reference dataset but the window holds ${cur.mismatch}` });
      return;
    }
    if (ref.present === 0) {
      unmatched.push({ name, reason: 'no_reference_values', message: `the reference column "${name}" has no values once missing ones are dropped` });
      return;
    }
    if (cur.present === 0) {
      unmatched.push({ name, reason: 'no_values', message: `every value of "${name}" in the window is missing` });
      return;
    }
    columns.push({ name, kind, source: cur.source, ref: ref.cells, cur: cur.cells, refCount: ref.present, curCount: cur.present });
  });
  for (const name of Object.keys(features)) {
    if (!seen.has(name)) unmatched.push({ name, reason: 'not_in_reference', message: `"${name}" is not a column of the reference dataset, so it has nothing to drift from` });
  }
  return { columns, unmatched };
}

function windowCells(input: MonitorFeatureInput, kind: DriftColumnKind, path: string): (Cells & { source: MonitorFeatureSource }) | { mismatch: string } {
  if (Array.isArray(input) || ArrayBuffer.isView(input)) {
    const c = cellsOf(input as ArrayLike<unknown>, kind, path);
    return 'mismatch' in c ? c : { ...c, source: 'samples' };
  }
  if (isRecord(input) && 'histogram' in input) {
    if (kind === 'categorical') return { mismatch: 'a numerical histogram' };
    return { ...histogramMidpoints(input.histogram, `${path}.histogram`), source: 'histogram' };
  }
  if (isRecord(input) && 'counts' in input) {
    if (kind === 'numerical') return { mismatch: 'category counts' };
    return { ...countsExpanded(input.counts, `${path}.counts`), source: 'counts' };
  }
  throw new StatsInputError('INVALID_VALUE', `${path} must be a list of values, { histogram: { edges, counts } } or { counts: { category: n } }`);
}

// Cells in the reference's kind. Numerical columns take numbers and numeric text (as dataset
// profiles do); other text there is a kind mismatch. Categorical columns compare as text, so the
// number 3 and the label "3" are one category, as in a profile's stored categories.
function cellsOf(values: ArrayLike<unknown>, kind: DriftColumnKind, path: string): Cells {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new StatsInputError('INVALID_VALUE', `${path} must be a list of values`);
  return kind === 'numerical' ? numericalCells(values, path) : categoricalCells(values, path);
}

function numericalCells(values: ArrayLike<unknown>, path: string): Cells {
  let present = 0;
  let converted: (number | null)[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let cell: number | null;
    if (typeof v === 'number') cell = v;
    else if (v === null || v === undefined || v === '') cell = null;
    else if (typeof v === 'string' && NUMERIC_TEXT.test(v.trim())) cell = Number(v);
    else if (typeof v === 'string' || typeof v === 'boolean') return { mismatch: `the value ${shown(v)} at ${path}[${i}]` };
    else throw new StatsInputError('INVALID_VALUE', `${path}[${i}] is ${shown(v)}; a value is a number, a text or null`);
    if (cell !== null && Number.isFinite(cell)) present++;
    // Most windows hold only numbers and nulls: copy only once a text needs converting.
    if (converted === null && typeof v === 'string') {
      converted = new Array<number | null>(values.length);
      for (let j = 0; j < i; j++) converted[j] = values[j] as number | null;
    }
    if (converted !== null) converted[i] = cell;
  }
  return { cells: converted ?? (values as ArrayLike<number | null>), present };
}

function categoricalCells(values: ArrayLike<unknown>, path: string): Cells {
  const cells = new Array<string | null>(values.length);
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let cell: string | null;
    if (typeof v === 'string') cell = v === '' ? null : v;
    else if (typeof v === 'number') cell = Number.isFinite(v) ? String(v) : null;
    else if (typeof v === 'boolean') cell = String(v);
    else if (v === null || v === undefined) cell = null;
    else throw new StatsInputError('INVALID_VALUE', `${path}[${i}] is ${shown(v)}; a value is a number, a text or null`);
    if (cell !== null) present++;
    cells[i] = cell;
  }
  return { cells, present };
}

function countChecked(n: unknown, path: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new StatsInputError('NEGATIVE_COUNT', `${path} is ${shown(n)}; a count is a whole number of at least 0`);
  }
  return n;
}

function totalChecked(total: number, path: string): void {
  if (total > MONITOR_EXPAND_LIMIT) {
    throw new StatsInputError('OUT_OF_RANGE', `${path} holds ${total} values; at most ${MONITOR_EXPAND_LIMIT} can be tested, send a sample of the window instead`);
  }
}

// Each bin stands for its midpoint, repeated by its count. The test then sees every value of a
// bin as equal, which is coarser than the raw samples: fine bins keep the approximation close.
function histogramMidpoints(h: unknown, path: string): Cells {
  if (!isRecord(h) || !Array.isArray(h.edges) || !Array.isArray(h.counts)) {
    throw new StatsInputError('INVALID_VALUE', `${path} must be { edges: number[], counts: number[] }`);
  }
  const edges = h.edges as unknown[];
  const counts = h.counts as unknown[];
  if (counts.length === 0 || edges.length !== counts.length + 1) {
    throw new StatsInputError('LENGTH_MISMATCH', `${path} has ${edges.length} edges and ${counts.length} counts; n bins need n + 1 edges (n ≥ 1)`);
  }
  edges.forEach((e, i) => {
    if (typeof e !== 'number' || !Number.isFinite(e)) throw new StatsInputError('NOT_FINITE', `${path}.edges[${i}] is ${shown(e)}; edges are finite numbers`);
    if (i > 0 && e <= (edges[i - 1] as number)) throw new StatsInputError('INVALID_VALUE', `${path}.edges must increase: edges[${i}] = ${e} follows ${String(edges[i - 1])}`);
  });
  let total = 0;
  counts.forEach((c, i) => (total += countChecked(c, `${path}.counts[${i}]`)));
  totalChecked(total, path);
  const cells = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const mid = ((edges[i] as number) + (edges[i + 1] as number)) / 2;
    cells.fill(mid, at, at + (counts[i] as number));
    at += counts[i] as number;
  }
  return { cells, present: total };
}

function countsExpanded(counts: unknown, path: string): Cells {
  if (!isRecord(counts)) throw new StatsInputError('INVALID_VALUE', `${path} must be an object of category → count`);
  let total = 0;
  const entries = Object.entries(counts);
  // An empty category is a missing value, as it is in raw samples.
  for (const [category, n] of entries) if (countChecked(n, `${path}[${JSON.stringify(category)}]`) > 0 && category !== '') total += n as number;
  totalChecked(total, path);
  const cells = new Array<string>(total);
  let at = 0;
  for (const [category, n] of entries) {
    if (category === '') continue;
    cells.fill(category, at, at + (n as number));
    at += n as number;
  }
  return { cells, present: total };
}

/**
 * Predictions sent as a score histogram or as counts per class, expanded the way features are:
 * bin midpoints repeated by their counts, classes repeated by theirs (an empty class is missing).
 */
export function monitorAggregateExpand(input: MonitorFeatureHistogram | MonitorFeatureCounts, path = 'predictions'): (number | string)[] {
  const expanded = 'histogram' in input ? histogramMidpoints(input.histogram, `${path}.histogram`) : countsExpanded(input.counts, `${path}.counts`);
  // Both expansions yield cells (a mismatch only comes from comparing with a reference).
  return 'cells' in expanded ? Array.from(expanded.cells as ArrayLike<number | string>) : [];
}
