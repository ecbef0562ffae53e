// Distances between distributions: Jensen–Shannon (scipy), Wasserstein-1 (scipy, Evidently's normed form), Evidently's KL.
import { type Binned, binEvidentlyCategorical, binEvidentlyNumeric, binShares, fillEvidently } from './binning';
import { type Category, categoriesChecked, isNumericSample } from './categories';
import { StatsInputError } from './errors';
import { type NumericInput, populationStd, sampleFinite, sampleSorted } from './sample';

/** Evidently divides by the reference's std, but never by less than this. */
const NORM_STD_FLOOR = 0.001;

/** Options of driftJensenShannon. */
export interface DriftJensenShannonOptions {
  /** Logarithm base; natural log by default (maximum √ln 2), base 2 gives a maximum of 1. */
  base?: number;
}

/** Options of driftWasserstein. */
export interface DriftWassersteinOptions {
  /** Divide by max(std_pop(ref), 0.001), as Evidently's wasserstein test does. */
  normed?: boolean;
}

/** Jensen–Shannon distance between two count or share vectors (scipy.spatial.distance.jensenshannon). */
export function driftJensenShannon(p: NumericInput, q: NumericInput, options: DriftJensenShannonOptions = {}): number {
  const base = options.base;
  if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new StatsInputError('OUT_OF_RANGE', `log base ${base} must be positive, finite and not 1`);
  }
  const a = distribution(p, 'p');
  const b = distribution(q, 'q');
  if (a.length !== b.length) {
    throw new StatsInputError('LENGTH_MISMATCH', `p has ${a.length} entries but q has ${b.length}`);
  }
  return jensenShannonShares(a, b, base);
}

/** JS distance of two non-negative vectors with positive sums; they are normalised first. */
export function jensenShannonShares(p: Float64Array, q: Float64Array, base?: number): number {
  const pn = normalised(p);
  const qn = normalised(q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const pi = pn[i] as number;
    const qi = qn[i] as number;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}

/** Wasserstein-1 distance ∫|F_ref − F_cur| dx (scipy.stats.wasserstein_distance), optionally Evidently-normed. */
export function driftWasserstein(ref: NumericInput, cur: NumericInput, options: DriftWassersteinOptions = {}): number {
  const a = sampleSorted(ref, 'ref');
  const b = sampleSorted(cur, 'cur');
  const w = wassersteinSorted(a, b);
  return options.normed ? w / Math.max(populationStd(a), NORM_STD_FLOOR) : w;
}

/** W1 of two ascending samples: Σ |F_a − F_b|·Δx over consecutive pooled values. */
export function wassersteinSorted(a: Float64Array, b: Float64Array): number {
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  let prev = 0;
  let sum = 0;
  while (i < na || j < nb) {
    const takeA = j >= nb || (i < na && (a[i] as number) <= (b[j] as number));
    const x = takeA ? (a[i] as number) : (b[j] as number);
    if (i + j > 0) sum += Math.abs(i / na - j / nb) * (x - prev);
    if (takeA) i++;
    else j++;
    prev = x;
  }
  return sum;
}

/** Evidently's normed Wasserstein of two ascending samples (std of the reference, floored at 0.001). */
export function wassersteinNormedSorted(a: Float64Array, b: Float64Array): number {
  return wassersteinSorted(a, b) / Math.max(populationStd(a), NORM_STD_FLOOR);
}

/** Evidently's kl_div: scipy.stats.entropy(ref, cur) over Evidently's zero-filled bins (renormalised by entropy). */
export function driftKlDiv(ref: NumericInput | readonly Category[], cur: NumericInput | readonly Category[]): number {
  if (isNumericSample(ref) && isNumericSample(cur)) {
    return klDivBinned(binEvidentlyNumeric(sampleSorted(ref, 'ref'), sampleSorted(cur, 'cur')));
  }
  return klDivBinned(binEvidentlyCategorical(categoriesChecked(ref, 'ref'), categoriesChecked(cur, 'cur')));
}

/** KL(ref ‖ cur) over already-binned samples, Evidently style. */
export function klDivBinned(binned: Binned): number {
  const r = normalised(fillEvidently(binShares(binned.ref, binned.nRef)));
  const c = normalised(fillEvidently(binShares(binned.cur, binned.nCur)));
  let kl = 0;
  for (let i = 0; i < r.length; i++) kl += relEntr(r[i] as number, c[i] as number);
  return kl;
}

/** Evidently's jensenshannon test over already-binned samples: shares without zero fill, natural log. */
export function jensenShannonBinned(binned: Binned): number {
  return jensenShannonShares(binShares(binned.ref, binned.nRef), binShares(binned.cur, binned.nCur));
}

// scipy.special.rel_entr: x·ln(x/y), 0 when x = 0, +∞ when x > 0 = y.
function relEntr(x: number, y: number): number {
  if (x === 0) return 0;
  if (y === 0) return Infinity;
  return x * Math.log(x / y);
}

function normalised(v: Float64Array): Float64Array {
  let sum = 0;
  for (const x of v) sum += x;
  return v.map((x) => x / sum);
}

function distribution(values: NumericInput, name: string): Float64Array {
  const v = sampleFinite(values, name);
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    if ((v[i] as number) < 0) throw new StatsInputError('NEGATIVE_COUNT', `${name}[${i}] is negative`);
    sum += v[i] as number;
  }
  if (sum === 0) throw new StatsInputError('ZERO_TOTAL', `${name} sums to zero`);
  return v;
}
