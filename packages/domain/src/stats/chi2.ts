// Pearson chi-square tests: goodness of fit (scipy.stats.chisquare) and contingency tables (chi2_contingency).
import { StatsInputError } from './errors';
import { type NumericInput, sampleFinite } from './sample';
import { chi2Sf } from './special-functions';

/** scipy 1.10 refuses observed and expected totals further apart than this, relatively. */
const SUM_RTOL = 1e-8;

/** Pearson statistic, its chi-square p-value and the degrees of freedom. */
export interface DriftChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

/** Options of driftChi2Contingency. */
export interface DriftChi2ContingencyOptions {
  /** Yates' continuity correction, applied only when dof = 1 (scipy's default: true). */
  correction?: boolean;
}

/** Contingency test result, with the table expected under independence. */
export interface DriftChi2ContingencyResult extends DriftChiSquareResult {
  /** Expected counts row_i·col_j/total under independence. */
  expected: number[][];
}

/**
 * Goodness-of-fit test of `observed` counts against `expected` (uniform when omitted); the totals
 * must agree. An expected 0 where something was observed gives statistic ∞ and p = 0.
 */
export function driftChiSquare(observed: NumericInput, expected?: NumericInput): DriftChiSquareResult {
  const obs = counts(observed, 'observed');
  if (obs.every((x) => x === 0)) throw new StatsInputError('ZERO_TOTAL', 'observed counts sum to zero');
  let exp: Float64Array;
  if (expected === undefined) {
    const mean = obs.reduce((s, x) => s + x, 0) / obs.length;
    exp = new Float64Array(obs.length).fill(mean);
  } else {
    exp = counts(expected, 'expected');
    if (exp.length !== obs.length) {
      throw new StatsInputError('LENGTH_MISMATCH', `observed has ${obs.length} entries but expected has ${exp.length}`);
    }
    const so = obs.reduce((s, x) => s + x, 0);
    const se = exp.reduce((s, x) => s + x, 0);
    if (se === 0) throw new StatsInputError('ZERO_TOTAL', 'expected counts sum to zero');
    if (Math.abs(so - se) / Math.min(so, se) > SUM_RTOL) {
      throw new StatsInputError('SUM_MISMATCH', `observed total ${so} and expected total ${se} differ`);
    }
  }
  return chiSquareCounts(obs, exp);
}

/** Pearson's statistic and p-value with dof = k − 1, for validated counts with matching totals. */
export function chiSquareCounts(obs: Float64Array, exp: Float64Array): DriftChiSquareResult {
  let statistic = 0;
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i] as number;
    const e = exp[i] as number;
    // A cell expected and observed empty carries no evidence; scipy would make the sum NaN.
    if (e === 0 && o === 0) continue;
    statistic += ((o - e) * (o - e)) / e;
  }
  const dof = obs.length - 1;
  // One category: observed equals expected, nothing to test (scipy's p would be NaN).
  const pValue = dof === 0 ? 1 : chi2Sf(statistic, dof);
  return { statistic, pValue, dof };
}

/** Chi-square test of independence of a contingency table of counts (scipy.stats.chi2_contingency). */
export function driftChi2Contingency(
  table: readonly (readonly number[])[],
  options: DriftChi2ContingencyOptions = {},
): DriftChi2ContingencyResult {
  const correction = options.correction ?? true;
  const rows = table.length;
  if (rows === 0) throw new StatsInputError('EMPTY_SAMPLE', 'table has no rows');
  const cols = (table[0] as readonly number[]).length;
  if (cols === 0) throw new StatsInputError('EMPTY_SAMPLE', 'table has no columns');
  const obs = table.map((row, i) => {
    if (row.length !== cols) {
      throw new StatsInputError('LENGTH_MISMATCH', `table row ${i} has ${row.length} cells, row 0 has ${cols}`);
    }
    return Array.from(counts(row, `table[${i}]`));
  });
  const rowSums = obs.map((row) => row.reduce((s, x) => s + x, 0));
  const colSums = Array.from({ length: cols }, (_, j) => obs.reduce((s, row) => s + (row[j] as number), 0));
  const total = rowSums.reduce((s, x) => s + x, 0);
  const expected = rowSums.map((r, i) =>
    colSums.map((c, j) => {
      const e = (r * c) / total;
      if (e === 0) throw new StatsInputError('ZERO_EXPECTED', `expected count at [${i}][${j}] is zero (an empty row or column)`);
      return e;
    }),
  );
  const dof = (rows - 1) * (cols - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected };
  let statistic = 0;
  obs.forEach((row, i) =>
    row.forEach((o, j) => {
      const e = (expected[i] as number[])[j] as number;
      let adjusted = o;
      if (dof === 1 && correction) {
        // Yates: move each cell toward its expectation by 0.5, but never past it.
        const diff = e - o;
        adjusted = o + Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((adjusted - e) * (adjusted - e)) / e;
    }),
  );
  return { statistic, pValue: chi2Sf(statistic, dof), dof, expected };
}

function counts(values: NumericInput, name: string): Float64Array {
  const v = sampleFinite(values, name);
  for (let i = 0; i < v.length; i++) {
    if ((v[i] as number) < 0) throw new StatsInputError('NEGATIVE_COUNT', `${name}[${i}] is negative`);
  }
  return v;
}
