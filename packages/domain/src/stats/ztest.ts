// Evidently's two-proportion Z-test for binary columns.
import { type Category, categoriesChecked, categoryCompare } from './categories';
import { normalTwoSidedP } from './special-functions';

export interface DriftZTestResult {
  /** (p_ref − p_cur)/√(P(1−P)(1/n_ref + 1/n_cur)); 0 when both samples hold the same single value. */
  z: number;
  pValue: number;
}

/**
 * Two-proportion Z-test (Evidently's z stattest): the smallest category maps to 0 and every other
 * value to 1. The p-value is erfc(|z|/√2), equal to Evidently's 2(1 − Φ(|z|)) without its
 * cancellation in the far tail.
 */
export function driftZTest(ref: readonly Category[], cur: readonly Category[]): DriftZTestResult {
  return zTestChecked(categoriesChecked(ref, 'ref'), categoriesChecked(cur, 'cur'));
}

/** Z-test on samples already validated as categories. */
export function zTestChecked(ref: readonly Category[], cur: readonly Category[]): DriftZTestResult {
  let first: Category = ref[0] as Category;
  for (const v of ref) if (categoryCompare(v, first) < 0) first = v;
  for (const v of cur) if (categoryCompare(v, first) < 0) first = v;
  return zTestFromCounts(countOthers(ref, first), ref.length, countOthers(cur, first), cur.length);
}

/** Z-test from the number of values other than the smallest category in each sample. */
export function zTestFromCounts(onesRef: number, n1: number, onesCur: number, n2: number): DriftZTestResult {
  // Both constant on the same value: P is 0, the statistic 0/0; Evidently answers p = 1.
  if (onesRef === 0 && onesCur === 0) return { z: 0, pValue: 1 };
  const p1 = onesRef / n1;
  const p2 = onesCur / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { z, pValue: Math.min(normalTwoSidedP(z), 1) };
}

function countOthers(values: readonly Category[], first: Category): number {
  let n = 0;
  for (const v of values) if (v !== first) n++;
  return n;
}
