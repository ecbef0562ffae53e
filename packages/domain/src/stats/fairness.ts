// Group fairness of binary predictions: fairlearn's parity metrics, disparate impact and the four-fifths rule.
import type { Category } from './categories';
import { StatsInputError } from './errors';
import { type BinaryLabel, type ConfusionCounts, labelsConfusionByGroup, labelsConfusionTotal } from './labels';

/** fairlearn's aggregation: spread between groups, or each group's distance to the overall value. */
export type FairnessMethod = 'between_groups' | 'to_overall';

/** True labels, predictions and the group of each row. */
export interface FairnessInput {
  yTrue: ArrayLike<BinaryLabel>;
  yPred: ArrayLike<BinaryLabel>;
  group: ArrayLike<Category>;
}

/** Options of fairnessMetrics. */
export interface FairnessOptions {
  method?: FairnessMethod;
}

/** Confusion counts and rates of one slice; a rate with an empty denominator is 0, as sklearn gives. */
export interface FairnessRates extends ConfusionCounts {
  selectionRate: number;
  tpr: number;
  fpr: number;
}

/** One group's selection rate compared with the most-selected group's. */
export interface FairnessDisparateImpact {
  group: Category;
  /** Selection rate over the most-selected group's; null when no group selects anyone. */
  ratio: number | null;
  /** Selection rate minus the most-selected group's (signed, as AIF360's SPD). */
  difference: number;
  /** Four-fifths rule (29 CFR 1607.4(D)): adverse impact when the ratio is below 0.8. */
  violatesFourFifths: boolean;
}

/** Ratios are null where fairlearn's would be NaN (0/0: no group has a positive rate). */
export interface FairnessMetricsResult {
  method: FairnessMethod;
  overall: FairnessRates;
  byGroup: (FairnessRates & { group: Category })[];
  demographicParityDifference: number;
  demographicParityRatio: number | null;
  /** max(TPR difference, FPR difference): fairlearn's agg='worst_case'. */
  equalizedOddsDifference: number;
  /** Mean of the TPR and FPR differences: fairlearn's agg='mean'. */
  equalizedOddsDifferenceMean: number;
  /** min(TPR ratio, FPR ratio), over the ratios that are defined. */
  equalizedOddsRatio: number | null;
  equalOpportunityDifference: number;
  equalOpportunityRatio: number | null;
  disparateImpact: {
    /** The most-selected group (the first in order on a tie). */
    referenceGroup: Category;
    byGroup: FairnessDisparateImpact[];
    /** Groups that fail the four-fifths rule. */
    violating: Category[];
  };
}

const FOUR_FIFTHS = 0.8;

/** Per-group rates and fairlearn's parity metrics of binary predictions across groups. */
export function fairnessMetrics(input: FairnessInput, options: FairnessOptions = {}): FairnessMetricsResult {
  const method = options.method ?? 'between_groups';
  if (method !== 'between_groups' && method !== 'to_overall') {
    throw new StatsInputError('INVALID_OPTION', `unknown fairness method ${JSON.stringify(method)}`);
  }
  const { groups, counts } = labelsConfusionByGroup(input.yTrue, input.yPred, input.group);
  const byGroup = counts.map((c, i) => ({ group: groups[i] as Category, ...fairnessRates(c) }));
  const overall = fairnessRates(labelsConfusionTotal(counts));
  const selection = byGroup.map((g) => g.selectionRate);
  const tpr = byGroup.map((g) => g.tpr);
  const fpr = byGroup.map((g) => g.fpr);
  const tprDiff = difference(tpr, overall.tpr, method);
  const fprDiff = difference(fpr, overall.fpr, method);
  const tprRatio = ratio(tpr, overall.tpr, method);
  const fprRatio = ratio(fpr, overall.fpr, method);
  const definedOddsRatios = [tprRatio, fprRatio].filter((r): r is number => r !== null);
  return {
    method,
    overall,
    byGroup,
    demographicParityDifference: difference(selection, overall.selectionRate, method),
    demographicParityRatio: ratio(selection, overall.selectionRate, method),
    equalizedOddsDifference: Math.max(tprDiff, fprDiff),
    equalizedOddsDifferenceMean: (tprDiff + fprDiff) / 2,
    equalizedOddsRatio: definedOddsRatios.length === 0 ? null : Math.min(...definedOddsRatios),
    equalOpportunityDifference: tprDiff,
    equalOpportunityRatio: tprRatio,
    disparateImpact: disparateImpact(byGroup),
  };
}

/** Selection rate, TPR and FPR of a confusion count; 0/0 rates are 0 (sklearn's normalize='true'). */
export function fairnessRates(c: ConfusionCounts): FairnessRates {
  const positives = c.tp + c.fn;
  const negatives = c.fp + c.tn;
  return {
    ...c,
    selectionRate: (c.tp + c.fp) / c.n,
    tpr: positives === 0 ? 0 : c.tp / positives,
    fpr: negatives === 0 ? 0 : c.fp / negatives,
  };
}

function difference(values: readonly number[], overall: number, method: FairnessMethod): number {
  if (method === 'between_groups') return maxOf(values) - minOf(values);
  return maxOf(values.map((v) => Math.abs(v - overall)));
}

// Loops rather than Math.max(...v): a spread of many groups would overflow the call stack.
function maxOf(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

function minOf(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

function ratio(values: readonly number[], overall: number, method: FairnessMethod): number | null {
  if (method === 'between_groups') {
    const max = maxOf(values);
    return max === 0 ? null : minOf(values) / max;
  }
  // fairlearn: v/overall, folded below 1 as 1/(v/overall); 0/0 groups are skipped as pandas skips NaN.
  let min: number | null = null;
  for (const v of values) {
    if (v === 0 && overall === 0) continue;
    let r = v / overall;
    if (r > 1) r = 1 / r;
    if (min === null || r < min) min = r;
  }
  return min;
}

function disparateImpact(byGroup: readonly (FairnessRates & { group: Category })[]): FairnessMetricsResult['disparateImpact'] {
  let reference = byGroup[0] as FairnessRates & { group: Category };
  for (const g of byGroup) if (g.selectionRate > reference.selectionRate) reference = g;
  const top = reference.selectionRate;
  const rows = byGroup.map((g): FairnessDisparateImpact => {
    const r = top === 0 ? null : g.selectionRate / top;
    return { group: g.group, ratio: r, difference: g.selectionRate - top, violatesFourFifths: r !== null && r < FOUR_FIFTHS };
  });
  return { referenceGroup: reference.group, byGroup: rows, violating: rows.filter((r) => r.violatesFourFifths).map((r) => r.group) };
}
