// SageMaker Clarify's pre-training (label) and post-training (prediction) bias metrics for one facet.
import type { Category } from './categories';
import { categoryCompare } from './categories';
import { StatsInputError } from './errors';
import { type BinaryLabel, labelBit, labelsCheckLengths } from './labels';

/** Labels, predictions and the sensitive attribute, one entry per row. */
export interface ClarifyInput {
  yTrue: ArrayLike<BinaryLabel>;
  yPred: ArrayLike<BinaryLabel>;
  /** The sensitive attribute of each row. */
  facet: ArrayLike<Category>;
  /** Rows whose facet equals this value (or one of these values) form facet d; the rest form a. */
  facetValue: Category | readonly Category[];
  /** Optional subgroup of each row, for the conditional demographic disparities CDDL and CDDPL. */
  strata?: ArrayLike<Category>;
}

/** Counts behind the metrics: n, observed positives (1), predicted positives (1Hat), confusion cells. */
export interface ClarifyCounts {
  na: number;
  nd: number;
  na1: number;
  nd1: number;
  na1Hat: number;
  nd1Hat: number;
  tpA: number;
  fpA: number;
  fnA: number;
  tnA: number;
  tpD: number;
  fpD: number;
  fnD: number;
  tnD: number;
}

/** Metrics on the labels. KL…KS are null when no label value occurs in both facets, CDDL without strata or with one label class. */
export interface ClarifyPretraining {
  CI: number;
  DPL: number;
  KL: number | null;
  /** Jensen–Shannon divergence (no square root, unlike driftJensenShannon). */
  JS: number | null;
  LP: number | null;
  TVD: number | null;
  KS: number | null;
  CDDL: number | null;
}

/** Metrics on the predictions; ±Infinity where Clarify divides a positive count by zero. */
export interface ClarifyPosttraining {
  DPPL: number;
  DI: number;
  DCA: number;
  DCR: number;
  RD: number;
  SD: number;
  DAR: number;
  DRR: number;
  AD: number;
  TE: number;
  /** Generalised entropy (α = 2); null when every prediction is a false negative. */
  GE: number | null;
  CDDPL: number | null;
}

/** Clarify metrics with the counts they were computed from. */
export interface ClarifyResult {
  counts: ClarifyCounts;
  pretraining: ClarifyPretraining;
  posttraining: ClarifyPosttraining;
}

/** Clarify's bias metrics for facet d (rows with `facetValue`) against the rest, a. */
export function fairnessClarify(input: ClarifyInput): ClarifyResult {
  const { yTrue, yPred, facet, strata } = input;
  const n = labelsCheckLengths(strata === undefined ? { yTrue, yPred, facet } : { yTrue, yPred, facet, strata });
  const chosen = new Set<Category>(Array.isArray(input.facetValue) ? input.facetValue : [input.facetValue as Category]);
  const isD = new Uint8Array(n);
  const truth = new Uint8Array(n);
  const pred = new Uint8Array(n);
  // Cells indexed by 4·d + 2·truth + prediction.
  const cells = new Float64Array(8);
  for (let i = 0; i < n; i++) {
    const d = chosen.has(facet[i] as Category) ? 1 : 0;
    const t = labelBit(yTrue[i], 'yTrue', i);
    const p = labelBit(yPred[i], 'yPred', i);
    isD[i] = d;
    truth[i] = t;
    pred[i] = p;
    cells[4 * d + 2 * t + p] = (cells[4 * d + 2 * t + p] as number) + 1;
  }
  const [tnA, fpA, fnA, tpA, tnD, fpD, fnD, tpD] = Array.from(cells) as [number, number, number, number, number, number, number, number];
  const na = tnA + fpA + fnA + tpA;
  const nd = tnD + fpD + fnD + tpD;
  if (nd === 0) throw new StatsInputError('EMPTY_FACET', 'no row has the facet value (facet d is empty)');
  if (na === 0) throw new StatsInputError('EMPTY_FACET', 'every row has the facet value (facet a is empty)');
  const counts: ClarifyCounts = {
    na, nd, na1: tpA + fnA, nd1: tpD + fnD, na1Hat: tpA + fpA, nd1Hat: tpD + fpD,
    tpA, fpA, fnA, tnA, tpD, fpD, fnD, tnD,
  };
  const groups = strata === undefined ? null : strataIndex(strata);
  return {
    counts,
    pretraining: { ...pretraining(counts), CDDL: groups === null ? null : conditionalDisparity(isD, truth, groups) },
    posttraining: { ...posttraining(counts), CDDPL: groups === null ? null : conditionalDisparity(isD, pred, groups) },
  };
}

function pretraining(c: ClarifyCounts): Omit<ClarifyPretraining, 'CDDL'> {
  // Label distributions over the label values present (non-zero) in both facets, each share of its own facet.
  const pa: number[] = [];
  const pd: number[] = [];
  for (const [a, d] of [[c.na - c.na1, c.nd - c.nd1], [c.na1, c.nd1]] as const) {
    if (a !== 0 && d !== 0) {
      pa.push(a / c.na);
      pd.push(d / c.nd);
    }
  }
  const common = pa.length > 0;
  let kl = 0;
  let jsA = 0;
  let jsD = 0;
  let l2 = 0;
  let l1 = 0;
  let linf = 0;
  pa.forEach((a, i) => {
    const d = pd[i] as number;
    const m = (1 / 2) * (a + d);
    kl += a * Math.log(a / d);
    jsA += a * Math.log(a / m);
    jsD += d * Math.log(d / m);
    const diff = a - d;
    l2 += diff * diff;
    l1 += Math.abs(diff);
    linf = Math.max(linf, Math.abs(diff));
  });
  return {
    CI: (c.na - c.nd) / (c.na + c.nd),
    DPL: c.na1 / c.na - c.nd1 / c.nd,
    KL: common ? kl : null,
    JS: common ? 0.5 * (jsA + jsD) : null,
    LP: common ? Math.sqrt(l2) : null,
    TVD: common ? 0.5 * l1 : null,
    KS: common ? linf : null,
  };
}

function posttraining(c: ClarifyCounts): Omit<ClarifyPosttraining, 'CDDPL'> {
  const na0 = c.na - c.na1;
  const nd0 = c.nd - c.nd1;
  const na0Hat = c.na - c.na1Hat;
  const nd0Hat = c.nd - c.nd1Hat;
  const n = c.na + c.nd;
  // Benefit b = ŷ − y + 1 is 0 for a false negative, 1 when right, 2 for a false positive.
  const b0 = c.fnA + c.fnD;
  const b1 = c.tpA + c.tnA + c.tpD + c.tnD;
  const b2 = c.fpA + c.fpD;
  const mu = (b1 + 2 * b2) / n;
  const ge = mu === 0 ? null : (b0 * -1 + b1 * ((1 / mu) ** 2 - 1) + b2 * ((2 / mu) ** 2 - 1)) / (n * 2 * 1);
  return {
    DPPL: c.na1Hat / c.na - c.nd1Hat / c.nd,
    DI: divide(c.nd1Hat / c.nd, c.na1Hat / c.na),
    DCA: gap(divide(c.na1, c.na1Hat), divide(c.nd1, c.nd1Hat)),
    DCR: gap(divide(nd0, nd0Hat), divide(na0, na0Hat)),
    RD: gap(divide(c.tpA, c.tpA + c.fnA), divide(c.tpD, c.tpD + c.fnD)),
    SD: gap(divide(c.tnD, c.tnD + c.fpD), divide(c.tnA, c.tnA + c.fpA)),
    DAR: gap(divide(c.tpA, c.na1Hat), divide(c.tpD, c.nd1Hat)),
    DRR: gap(divide(c.tnD, nd0Hat), divide(c.tnA, na0Hat)),
    AD: gap(divide(c.tpA + c.tnA, c.na), divide(c.tpD + c.tnD, c.nd)),
    TE: gap(divide(c.fnD, c.fpD), divide(c.fnA, c.fpA)),
    GE: ge,
  };
}

// Clarify's divide: 0/0 is 0, x/0 is ±∞.
function divide(a: number, b: number): number {
  if (b === 0 && a === 0) return 0;
  if (b === 0) return a < 0 ? -Infinity : Infinity;
  return a / b;
}

// x − y, except that two +∞ terms count as no difference, as Clarify does.
function gap(x: number, y: number): number {
  return x === Infinity && y === Infinity ? 0 : x - y;
}

function strataIndex(strata: ArrayLike<Category>): { index: Uint32Array; count: number } {
  const seen = new Map<Category, number>();
  for (let i = 0; i < strata.length; i++) {
    const s = strata[i] as Category;
    if (!seen.has(s)) seen.set(s, 0);
  }
  // Clarify walks np.unique(strata), i.e. sorted strata; the order fixes the summation order.
  [...seen.keys()].sort(categoryCompare).forEach((s, k) => seen.set(s, k));
  const index = new Uint32Array(strata.length);
  for (let i = 0; i < strata.length; i++) index[i] = seen.get(strata[i] as Category) as number;
  return { index, count: seen.size };
}

// CDD = Σ n_i·DD_i / Σ n_i with DD_i = n_d⁽⁰⁾/n⁽⁰⁾ − n_d⁽¹⁾/n⁽¹⁾ inside stratum i (0 for an empty denominator).
function conditionalDisparity(isD: Uint8Array, label: Uint8Array, groups: { index: Uint32Array; count: number }): number | null {
  // Per stratum: rows, positives, positives in d, negatives, negatives in d.
  const cells = new Float64Array(5 * groups.count);
  let positives = 0;
  for (let i = 0; i < isD.length; i++) {
    const base = 5 * (groups.index[i] as number);
    const d = isD[i] as number;
    const positive = label[i] === 1;
    cells[base] = (cells[base] as number) + 1;
    if (positive) {
      positives++;
      cells[base + 1] = (cells[base + 1] as number) + 1;
      cells[base + 2] = (cells[base + 2] as number) + d;
    } else {
      cells[base + 3] = (cells[base + 3] as number) + 1;
      cells[base + 4] = (cells[base + 4] as number) + d;
    }
  }
  // Clarify raises when the labels have a single class; the disparity is undefined there.
  if (positives === 0 || positives === isD.length) return null;
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < groups.count; k++) {
    const base = 5 * k;
    const rows = cells[base] as number;
    const pos = cells[base + 1] as number;
    const neg = cells[base + 3] as number;
    const accepted = pos !== 0 ? (cells[base + 2] as number) / pos : 0;
    const rejected = neg !== 0 ? (cells[base + 4] as number) / neg : 0;
    weighted += rows * (rejected - accepted);
    total += rows;
  }
  return divide(weighted, total);
}
