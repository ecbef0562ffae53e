// Two-sided two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp.
import { StatsInputError } from './errors';
import { gcd, ksExactPValue } from './ks-exact';
import { kstwoSf } from './kstwo';
import { type NumericInput, sampleSorted } from './sample';

/** scipy's 'auto' runs the exact test only while both samples have at most this many values. */
const MAX_AUTO_EXACT_N = 10000;
const INT32_MAX = 2147483647;

/** How the KS p-value is computed; 'auto' picks exact for max(n1, n2) ≤ 10,000. */
export type DriftKsMethod = 'auto' | 'exact' | 'asymp';

/** Options of driftKs. */
export interface DriftKsOptions {
  method?: DriftKsMethod;
}

/** KS statistic, p-value and where the statistic is attained. */
export interface DriftKsResult {
  /** sup |F_ref − F_cur|; snapped to h/lcm(n1, n2) when the exact method ran, as scipy does. */
  statistic: number;
  pValue: number;
  /** The method that produced the p-value. */
  method: 'exact' | 'asymp';
  /** The pooled value at which the statistic is attained. */
  location: number;
  /** +1 when F_ref − F_cur attains the statistic, −1 when F_cur − F_ref does. */
  sign: 1 | -1;
}

/** Two-sided two-sample KS test of `cur` against `ref` (scipy.stats.ks_2samp). */
export function driftKs(ref: NumericInput, cur: NumericInput, options: DriftKsOptions = {}): DriftKsResult {
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'asymp') {
    throw new StatsInputError('INVALID_OPTION', `unknown KS method ${JSON.stringify(method)}`);
  }
  return ksSorted(sampleSorted(ref, 'ref'), sampleSorted(cur, 'cur'), method);
}

/** KS test on samples already validated and sorted ascending. */
export function ksSorted(a: Float64Array, b: Float64Array, method: DriftKsMethod): DriftKsResult {
  const n1 = a.length;
  const n2 = b.length;
  const { maxDiff, maxAt, minDiff, minAt } = ecdfExtremes(a, b);
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  let d = maxDiff;
  let location = maxAt;
  let sign: 1 | -1 = 1;
  if (minS > maxDiff) {
    d = minS;
    location = minAt;
    sign = -1;
  }
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let mode: 'exact' | 'asymp';
  if (method === 'auto') mode = Math.max(n1, n2) <= MAX_AUTO_EXACT_N ? 'exact' : 'asymp';
  // scipy gives up on exact when lcm(n1, n2) would not fit in an int32.
  else if (method === 'exact') mode = n1g >= INT32_MAX / n2g ? 'asymp' : 'exact';
  else mode = 'asymp';

  let pValue: number;
  if (mode === 'exact') {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    pValue = h === 0 ? 1 : ksExactPValue(n1, n2, h);
  } else {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    pValue = kstwoSf(roundHalfEven((m * n) / (m + n)), d);
  }
  return { statistic: d, pValue: Math.min(Math.max(pValue, 0), 1), method: mode, location, sign };
}

// Walks the pooled values in scipy's order (all of a, then all of b), evaluating
// cdf_a − cdf_b at each; the first maximum and minimum win, as numpy's argmax does.
function ecdfExtremes(a: Float64Array, b: Float64Array) {
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  let maxAt = 0;
  let minAt = 0;
  const visit = (own: Float64Array, other: Float64Array, ownIsA: boolean): void => {
    const nOwn = own.length;
    const nOther = other.length;
    let j = 0;
    let i = 0;
    while (i < nOwn) {
      const v = own[i] as number;
      let end = i + 1;
      while (end < nOwn && own[end] === v) end++;
      while (j < nOther && (other[j] as number) <= v) j++;
      const diff = ownIsA ? end / nOwn - j / nOther : j / nOther - end / nOwn;
      if (diff > maxDiff) {
        maxDiff = diff;
        maxAt = v;
      }
      if (diff < minDiff) {
        minDiff = diff;
        minAt = v;
      }
      i = end;
    }
  };
  visit(a, b, true);
  visit(b, a, false);
  return { maxDiff, maxAt, minDiff, minAt };
}

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
