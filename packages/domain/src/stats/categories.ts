// Categorical samples: validation, value counts over the union of categories, and their order.
import { StatsInputError } from './errors';
import type { NumericInput } from './sample';

/** A category value: a label or a number used as a label. */
export type Category = string | number;

/** Counts of each category of the union of two samples, keys in ascending order. */
export interface CategoryCounts {
  keys: Category[];
  ref: Float64Array;
  cur: Float64Array;
}

/** Orders numbers before strings, numbers by value and strings by UTF-16 code units. */
export function categoryCompare(a: Category, b: Category): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Refuses an empty sample and anything that is neither a string nor a finite number. */
export function categoriesChecked(values: ArrayLike<unknown>, name: string): readonly Category[] {
  if (values.length === 0) throw new StatsInputError('EMPTY_SAMPLE', `${name} is empty`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) continue;
      throw new StatsInputError('NOT_FINITE', `${name}[${i}] is ${String(v)}, not a finite number`);
    }
    throw new StatsInputError('INVALID_VALUE', `${name}[${i}] is ${String(v)}, not a string or number`);
  }
  return values as readonly Category[];
}

/** True when every element is a number, i.e. the sample can be treated as numerical. */
export function isNumericSample(values: ArrayLike<unknown>): values is NumericInput {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

/** Value counts of both samples over the union of their categories. */
export function categoryCounts(ref: readonly Category[], cur: readonly Category[]): CategoryCounts {
  const index = new Map<Category, number>();
  const refCounts: number[] = [];
  const curCounts: number[] = [];
  const tally = (values: readonly Category[], own: number[], other: number[]): void => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as Category;
      let k = index.get(v);
      if (k === undefined) {
        k = own.length;
        index.set(v, k);
        own.push(0);
        other.push(0);
      }
      own[k] = (own[k] as number) + 1;
    }
  };
  tally(ref, refCounts, curCounts);
  tally(cur, curCounts, refCounts);
  const keys = [...index.keys()].sort(categoryCompare);
  const refOut = new Float64Array(keys.length);
  const curOut = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const k = index.get(key) as number;
    refOut[i] = refCounts[k] as number;
    curOut[i] = curCounts[k] as number;
  });
  return { keys, ref: refOut, cur: curOut };
}
