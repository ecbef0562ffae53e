// Population Stability Index over decile bins of the reference, or over Evidently's bins.
import {
  type Binned,
  type DriftBinKey,
  binEvidentlyCategorical,
  binEvidentlyNumeric,
  binQuantile10,
  binShares,
  fillEpsilon,
  fillEvidently,
} from './binning';
import { type Category, categoriesChecked, isNumericSample } from './categories';
import { StatsInputError } from './errors';
import { type NumericInput, sampleSorted } from './sample';

/** 'quantile10': decile edges of ref, zero shares → 1e-4. 'evidently': Evidently's bins and zero fill. */
export type DriftPsiBinning = 'quantile10' | 'evidently';

/** Options of driftPsi. */
export interface DriftPsiOptions {
  /** Defaults to 'quantile10' for numbers; categories are always binned per value ('evidently'). */
  binning?: DriftPsiBinning;
}

/** One bin with its raw counts, the shares used in the sum (after zero fill), and its PSI term. */
export type DriftBin = DriftBinKey & {
  refCount: number;
  curCount: number;
  refShare: number;
  curShare: number;
  term: number;
};

/** PSI with the bins it was summed over. */
export interface DriftPsiResult {
  psi: number;
  bins: DriftBin[];
}

/** PSI = Σ (cur − ref)·ln(cur/ref) over bin shares; ≥ 0, and 0 for identical samples. */
export function driftPsi(
  ref: NumericInput | readonly Category[],
  cur: NumericInput | readonly Category[],
  options: DriftPsiOptions = {},
): DriftPsiResult {
  const binning = options.binning;
  if (binning !== undefined && binning !== 'quantile10' && binning !== 'evidently') {
    throw new StatsInputError('INVALID_OPTION', `unknown PSI binning ${JSON.stringify(binning)}`);
  }
  if (isNumericSample(ref) && isNumericSample(cur)) {
    const a = sampleSorted(ref, 'ref');
    const b = sampleSorted(cur, 'cur');
    return binning === 'evidently' ? psiEvidently(binEvidentlyNumeric(a, b)) : psiQuantile(binQuantile10(a, b));
  }
  if (binning === 'quantile10') {
    throw new StatsInputError('INVALID_OPTION', "quantile10 binning needs numbers; categories are binned per value");
  }
  return psiEvidently(binEvidentlyCategorical(categoriesChecked(ref, 'ref'), categoriesChecked(cur, 'cur')));
}

/** PSI with the quantile variant's ε fill, terms written (c − r)·ln(c/r). */
export function psiQuantile(binned: Binned): DriftPsiResult {
  const r = fillEpsilon(binShares(binned.ref, binned.nRef));
  const c = fillEpsilon(binShares(binned.cur, binned.nCur));
  return psiFrom(binned, r, c, (ri, ci) => (ci - ri) * Math.log(ci / ri));
}

/** PSI with Evidently's fill, terms written (r − c)·ln(r/c) as psi.py does. */
export function psiEvidently(binned: Binned): DriftPsiResult {
  const r = fillEvidently(binShares(binned.ref, binned.nRef));
  const c = fillEvidently(binShares(binned.cur, binned.nCur));
  return psiFrom(binned, r, c, (ri, ci) => (ri - ci) * Math.log(ri / ci));
}

function psiFrom(binned: Binned, r: Float64Array, c: Float64Array, term: (r: number, c: number) => number): DriftPsiResult {
  let psi = 0;
  const bins = binned.keys.map((key, i): DriftBin => {
    const refShare = r[i] as number;
    const curShare = c[i] as number;
    const t = term(refShare, curShare);
    psi += t;
    return { ...key, refCount: binned.ref[i] as number, curCount: binned.cur[i] as number, refShare, curShare, term: t };
  });
  return { psi, bins };
}
