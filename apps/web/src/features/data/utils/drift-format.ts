// Words and order for drift results: the verdict sentence, test names, score kinds, sorting.
export { driftRuleText, driftTestInfo } from '../../../components/drift-tests';

/**
 * A share as a whole percent, with one decimal when rounding would make it look equal to
 * the threshold it was compared with (49.6% is not "50% < 50%").
 */
export function driftPercent(share: number, threshold?: number): string {
  const whole = Math.round(share * 100);
  if (threshold !== undefined && share !== threshold && whole === Math.round(threshold * 100)) return `${(share * 100).toFixed(1)}%`;
  return `${whole}%`;
}

/** "Dataset drift detected — 4 of 6 columns drifted (67%) ≥ 50% share". */
export function driftVerdictText(v: { drifted: boolean; driftedCount: number; columnCount: number; share: number; driftShare: number }): string {
  const counted = `${v.driftedCount} of ${v.columnCount} column${v.columnCount === 1 ? '' : 's'} drifted (${driftPercent(v.share, v.driftShare)})`;
  const rule = driftPercent(v.driftShare);
  return v.drifted ? `Dataset drift detected — ${counted} ≥ ${rule} share` : `No dataset drift — ${counted} < ${rule}`;
}

export type DriftSortKey = 'drifted' | 'name' | 'score';
export interface DriftSort {
  key: DriftSortKey;
  dir: 'asc' | 'desc';
}
/** Drifted columns first, the rest in dataset order. */
export const DRIFT_DEFAULT_SORT: DriftSort = { key: 'drifted', dir: 'desc' };

interface Sortable {
  name: string;
  score: number;
  drifted: boolean;
}

/** Sorted copy; ties keep the server's order, which is the reference dataset's column order. */
export function driftSortColumns<T extends Sortable>(columns: readonly T[], sort: DriftSort): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const by: Record<DriftSortKey, (a: T, b: T) => number> = {
    drifted: (a, b) => Number(a.drifted) - Number(b.drifted),
    name: (a, b) => a.name.localeCompare(b.name),
    score: (a, b) => a.score - b.score,
  };
  const compare = by[sort.key];
  // NaN scores go last in either direction: they say the least.
  const nanLast = (a: T, b: T) => (sort.key === 'score' ? Number(Number.isNaN(a.score)) - Number(Number.isNaN(b.score)) : 0);
  return columns
    .map((c, i) => ({ c, i }))
    .sort((a, b) => nanLast(a.c, b.c) || sign * compare(a.c, b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/** The sort after clicking a header: the same column flips, a new one starts in its natural direction. */
export function driftNextSort(current: DriftSort, key: DriftSortKey): DriftSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' ? 'asc' : 'desc' };
}
