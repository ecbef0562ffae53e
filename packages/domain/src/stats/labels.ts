// Binary labels and group columns for the fairness metrics: validated once, counted in one pass.
import type { Category } from './categories';
import { categoryCompare } from './categories';
import { StatsInputError } from './errors';

/** A binary label: 1/true is the positive class, 0/false the negative one. */
export type BinaryLabel = number | boolean;

/** Confusion counts of one slice of the rows. */
export interface ConfusionCounts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Confusion counts per group, groups in ascending order. */
export interface GroupedConfusion {
  groups: Category[];
  counts: ConfusionCounts[];
}

/** Refuses empty or mismatched columns. */
export function labelsCheckLengths(columns: Record<string, ArrayLike<unknown>>): number {
  const entries = Object.entries(columns);
  const [firstName, first] = entries[0] as [string, ArrayLike<unknown>];
  for (const [name, values] of entries) {
    if (values.length !== first.length) {
      throw new StatsInputError('LENGTH_MISMATCH', `${name} has ${values.length} rows but ${firstName} has ${first.length}`);
    }
  }
  if (first.length === 0) throw new StatsInputError('EMPTY_SAMPLE', `${firstName} is empty`);
  return first.length;
}

/** 1 for a positive label, 0 for a negative one; anything else is refused. */
export function labelBit(v: unknown, name: string, i: number): 0 | 1 {
  if (v === 1 || v === true) return 1;
  if (v === 0 || v === false) return 0;
  throw new StatsInputError('INVALID_LABEL', `${name}[${i}] is ${String(v)}; labels must be 0/1 or false/true`);
}

/** Confusion counts per distinct value of `group`, in a single pass over the rows. */
export function labelsConfusionByGroup(
  yTrue: ArrayLike<BinaryLabel>,
  yPred: ArrayLike<BinaryLabel>,
  group: ArrayLike<Category>,
): GroupedConfusion {
  const n = labelsCheckLengths({ yTrue, yPred, group });
  const index = new Map<Category, number>();
  // Four cells per group, indexed by 2·truth + prediction: tn, fp, fn, tp.
  let cells = new Float64Array(64);
  let lastGroup: Category | undefined;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const g = group[i] as Category;
    let gi: number;
    if (g === lastGroup) {
      gi = lastIndex;
    } else {
      const found = index.get(g);
      if (found === undefined) {
        if (!(typeof g === 'string' || (typeof g === 'number' && Number.isFinite(g)))) {
          throw new StatsInputError('INVALID_VALUE', `group[${i}] is ${String(g)}, not a string or finite number`);
        }
        gi = index.size;
        index.set(g, gi);
        if (4 * (gi + 1) > cells.length) {
          const grown = new Float64Array(cells.length * 2);
          grown.set(cells);
          cells = grown;
        }
      } else {
        gi = found;
      }
      lastGroup = g;
      lastIndex = gi;
    }
    const cell = 4 * gi + 2 * labelBit(yTrue[i], 'yTrue', i) + labelBit(yPred[i], 'yPred', i);
    cells[cell] = (cells[cell] as number) + 1;
  }
  const groups = [...index.keys()].sort(categoryCompare);
  const counts = groups.map((g) => {
    const base = 4 * (index.get(g) as number);
    const tn = cells[base] as number;
    const fp = cells[base + 1] as number;
    const fn = cells[base + 2] as number;
    const tp = cells[base + 3] as number;
    return { n: tn + fp + fn + tp, tp, fp, fn, tn };
  });
  return { groups, counts };
}

/** Sum of confusion counts. */
export function labelsConfusionTotal(parts: readonly ConfusionCounts[]): ConfusionCounts {
  const total = { n: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of parts) {
    total.n += p.n;
    total.tp += p.tp;
    total.fp += p.fp;
    total.fn += p.fn;
    total.tn += p.tn;
  }
  return total;
}
