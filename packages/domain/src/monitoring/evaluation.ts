// Model quality in production, once ground truth arrives: accuracy, precision, recall and F1 for
// classifiers, MAE, RMSE and R² for regressors, with scikit-learn's definitions.
import { StatsInputError } from '../stats/errors';

/** A predicted or actual value: a class label (text, true/false, integer) or a number. */
export type EvaluationLabel = number | string | boolean;

/** One prediction and, once known, what actually happened; pairs missing either side are skipped. */
export interface EvaluationPair {
  predicted: EvaluationLabel | null | undefined;
  actual: EvaluationLabel | null | undefined;
}

/** Which metrics apply. */
export type EvaluationTask = 'classification' | 'regression';

/** Options of evaluationMetrics. */
export interface EvaluationOptions {
  /** Inferred when absent: labels that are text, true/false, or at most 20 distinct integers are classes. */
  task?: EvaluationTask;
  /** The positive class, which makes a two-class problem binary (e.g. 'fraud'). */
  positive?: EvaluationLabel;
}

/**
 * Classification metrics. `averaging: 'binary'` scores the positive class (labels {0,1}, {false,true},
 * or two classes with `positive` given); 'macro' is the unweighted mean over every class seen.
 * A ratio whose denominator is 0 counts as 0 (sklearn's zero_division=0).
 */
export interface EvaluationClassification {
  task: 'classification';
  labelledCount: number;
  accuracy: number;
  averaging: 'binary' | 'macro';
  positive: EvaluationLabel | null;
  precision: number;
  recall: number;
  f1: number;
  /** Distinct labels among predicted and actual values. */
  classCount: number;
}

/** Regression metrics; `r2` is null with fewer than two pairs, where sklearn's R² is undefined (NaN). */
export interface EvaluationRegression {
  task: 'regression';
  labelledCount: number;
  mae: number;
  rmse: number;
  r2: number | null;
}

/** The metrics of one window's labelled predictions. */
export type EvaluationMetrics = EvaluationClassification | EvaluationRegression;

/** All-integer labels with at most this many distinct values are read as classes. */
export const EVALUATION_MAX_INFERRED_CLASSES = 20;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const describe = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Accuracy/precision/recall/F1 or MAE/RMSE/R² of the pairs that have both a prediction and an actual value. */
export function evaluationMetrics(pairs: readonly EvaluationPair[], options: EvaluationOptions = {}): EvaluationMetrics {
  if (!Array.isArray(pairs)) throw new StatsInputError('INVALID_VALUE', 'pairs must be a list of { predicted, actual }');
  const { task, positive } = options;
  if (task !== undefined && task !== 'classification' && task !== 'regression') {
    throw new StatsInputError('INVALID_OPTION', `task is ${describe(task)}; it is classification or regression`);
  }
  if (positive !== undefined && task === 'regression') throw new StatsInputError('INVALID_OPTION', 'positive applies to classification, not regression');
  const predicted: EvaluationLabel[] = [];
  const actual: EvaluationLabel[] = [];
  const origin: number[] = [];
  pairs.forEach((pair, i) => {
    const p = pair?.predicted;
    const a = pair?.actual;
    if (p === null || p === undefined || a === null || a === undefined) return;
    labelChecked(p, `pairs[${i}].predicted`);
    labelChecked(a, `pairs[${i}].actual`);
    predicted.push(p);
    actual.push(a);
    origin.push(i);
  });
  if (predicted.length === 0) throw new StatsInputError('EMPTY_SAMPLE', 'no pair has both a predicted and an actual value yet');
  const chosen = task ?? (positive !== undefined || looksLikeClasses(predicted, actual) ? 'classification' : 'regression');
  return chosen === 'classification' ? classification(predicted, actual, positive) : regression(predicted, actual, origin);
}

function labelChecked(v: unknown, path: string): void {
  if (typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number' && Number.isFinite(v)) return;
  throw new StatsInputError(typeof v === 'number' ? 'NOT_FINITE' : 'INVALID_VALUE', `${path} is ${describe(v)}; a value is a finite number, a text or true/false`);
}

function looksLikeClasses(predicted: readonly EvaluationLabel[], actual: readonly EvaluationLabel[]): boolean {
  const distinct = new Set<EvaluationLabel>();
  for (const list of [predicted, actual]) {
    for (const v of list) {
      if (typeof v !== 'number') return true;
      if (!Number.isInteger(v)) return false;
      distinct.add(v);
    }
  }
  return distinct.size <= EVALUATION_MAX_INFERRED_CLASSES;
}

const isSubset = (classes: ReadonlySet<EvaluationLabel>, allowed: readonly EvaluationLabel[]): boolean => [...classes].every((c) => allowed.includes(c));

function classification(predicted: readonly EvaluationLabel[], actual: readonly EvaluationLabel[], positive: EvaluationLabel | undefined): EvaluationClassification {
  const n = predicted.length;
  const byClass = new Map<EvaluationLabel, Counts>();
  const counts = (c: EvaluationLabel): Counts => {
    let k = byClass.get(c);
    if (k === undefined) byClass.set(c, (k = { tp: 0, fp: 0, fn: 0 }));
    return k;
  };
  let correct = 0;
  const types = { predicted: new Set<string>(), actual: new Set<string>() };
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as EvaluationLabel;
    const a = actual[i] as EvaluationLabel;
    types.predicted.add(typeof p);
    types.actual.add(typeof a);
    if (p === a) {
      correct++;
      counts(p).tp++;
    } else {
      counts(p).fp++;
      counts(a).fn++;
    }
  }
  // Labels compare by value and type: 1, "1" and true are three classes. Predictions and labels
  // of wholly different types are a pipeline bug that would otherwise read as accuracy 0.
  if (![...types.predicted].some((t) => types.actual.has(t))) {
    throw new StatsInputError(
      'INVALID_LABEL',
      `predicted values are ${[...types.predicted].join('/')} but actual values are ${[...types.actual].join('/')}; send both as the same type`,
    );
  }
  const classes = new Set(byClass.keys());
  const accuracy = correct / n;
  let binaryPositive: EvaluationLabel | null = null;
  if (positive !== undefined) {
    if (classes.size > 2) {
      const shown = [...classes].slice(0, 5).map(describe).join(', ');
      throw new StatsInputError('INVALID_OPTION', `positive is ${describe(positive)} but the labels hold ${classes.size} classes (${shown}…); binary metrics need two`);
    }
    binaryPositive = positive;
  } else if (isSubset(classes, [0, 1])) binaryPositive = 1;
  else if (isSubset(classes, [false, true])) binaryPositive = true;
  if (binaryPositive !== null) {
    const s = scores(byClass.get(binaryPositive) ?? { tp: 0, fp: 0, fn: 0 });
    return { task: 'classification', labelledCount: n, accuracy, averaging: 'binary', positive: binaryPositive, ...s, classCount: classes.size };
  }
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  for (const c of byClass.values()) {
    const s = scores(c);
    precision += s.precision;
    recall += s.recall;
    f1 += s.f1;
  }
  const k = byClass.size;
  return { task: 'classification', labelledCount: n, accuracy, averaging: 'macro', positive: null, precision: precision / k, recall: recall / k, f1: f1 / k, classCount: k };
}

// F1 as 2·tp / (2·tp + fp + fn), which is sklearn's formula and equals the harmonic mean of
// precision and recall whenever both are defined; each 0/0 is 0.
function scores({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

function regression(predicted: readonly EvaluationLabel[], actual: readonly EvaluationLabel[], origin: readonly number[]): EvaluationRegression {
  const n = predicted.length;
  let absSum = 0;
  let sqSum = 0;
  let actualSum = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i];
    const a = actual[i];
    if (typeof p !== 'number') throw new StatsInputError('INVALID_VALUE', `pairs[${origin[i]}].predicted is ${describe(p)}; regression needs numbers`);
    if (typeof a !== 'number') throw new StatsInputError('INVALID_VALUE', `pairs[${origin[i]}].actual is ${describe(a)}; regression needs numbers`);
    const d = p - a;
    absSum += Math.abs(d);
    sqSum += d * d;
    actualSum += a;
  }
  const mean = actualSum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += ((actual[i] as number) - mean) ** 2;
  // sklearn's r2_score(force_finite=True): constant actual values give 1 for a perfect fit, else 0.
  const r2 = n < 2 ? null : total === 0 ? (sqSum === 0 ? 1 : 0) : 1 - sqSum / total;
  return { task: 'regression', labelledCount: n, mae: absSum / n, rmse: Math.sqrt(sqSum / n), r2 };
}

