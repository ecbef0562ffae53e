import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationLabel, evaluationMetrics } from './evaluation';

const zip = <P extends EvaluationLabel | null, A extends EvaluationLabel | null>(predicted: P[], actual: A[]) => predicted.map((p, i) => ({ predicted: p, actual: actual[i] as A }));
const code = (c: string) => expect.objectContaining({ code: c });

describe('evaluationMetrics: binary classification', () => {
  // tp = 2 (rows 0, 4), fp = 2 (rows 1, 6), fn = 1 (row 3), tn = 3.
  const predicted = [1, 1, 0, 0, 1, 0, 1, 0];
  const actual = [1, 0, 0, 1, 1, 0, 0, 0];
  const want = { task: 'classification', labelledCount: 8, accuracy: 5 / 8, averaging: 'binary', precision: 2 / 4, recall: 2 / 3, f1: 4 / 7, classCount: 2 };

  it('scores the class 1 of 0/1 labels', () => {
    expect(evaluationMetrics(zip(predicted, actual))).toEqual({ ...want, positive: 1 });
  });

  it('scores true of true/false labels', () => {
    expect(evaluationMetrics(zip(predicted.map(Boolean), actual.map(Boolean)))).toEqual({ ...want, positive: true });
  });

  it('scores the named positive class of two text labels', () => {
    const label = (v: number) => (v ? 'fraud' : 'ok');
    expect(evaluationMetrics(zip(predicted.map(label), actual.map(label)), { positive: 'fraud' })).toEqual({ ...want, positive: 'fraud' });
    // The other class as positive: tp = 3, fp = 1, fn = 2.
    expect(evaluationMetrics(zip(predicted.map(label), actual.map(label)), { positive: 'ok' })).toMatchObject({ precision: 3 / 4, recall: 3 / 5, f1: 6 / 9 });
  });

  it('gives 0, not NaN, for ratios over nothing (sklearn zero_division=0)', () => {
    expect(evaluationMetrics(zip([0, 0, 0], [0, 0, 0]))).toMatchObject({ accuracy: 1, averaging: 'binary', positive: 1, precision: 0, recall: 0, f1: 0, classCount: 1 });
    // Nothing predicted positive: precision 0/0 = 0; recall 0/2 = 0.
    expect(evaluationMetrics(zip([0, 0, 0], [1, 1, 0]))).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    // Everything predicted positive, nothing actually positive.
    expect(evaluationMetrics(zip([1, 1], [0, 0]))).toMatchObject({ accuracy: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('refuses a positive class when there are more than two classes', () => {
    expect(() => evaluationMetrics(zip(['a', 'b', 'c'], ['a', 'b', 'b']), { positive: 'a' })).toThrow(/positive is "a" but the labels hold 3 classes/);
  });
});

describe('evaluationMetrics: multi-class classification', () => {
  it('averages precision, recall and F1 over the classes (macro)', () => {
    // a: tp 1, fp 1, fn 0 → P ½, R 1, F ⅔; b: tp 2, fp 0, fn 1 → P 1, R ⅔, F ⅘.
    const r = evaluationMetrics(zip(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']));
    expect(r).toEqual({ task: 'classification', labelledCount: 4, accuracy: 3 / 4, averaging: 'macro', positive: null, precision: 0.75, recall: (1 + 2 / 3) / 2, f1: (2 / 3 + 4 / 5) / 2, classCount: 2 });
  });

  it('counts a class that is never predicted with precision 0', () => {
    // x: P ½ R 1 F ⅔; y: P 1 R 1 F 1; z (never predicted): P 0 R 0 F 0.
    const r = evaluationMetrics(zip(['x', 'x', 'y'], ['x', 'z', 'y']));
    expect(r).toMatchObject({ accuracy: 2 / 3, averaging: 'macro', precision: 0.5, recall: 2 / 3, f1: (2 / 3 + 1) / 3, classCount: 3 });
  });

  it('reads integer labels from a small set as classes, macro averaged unless they are 0/1', () => {
    const r = evaluationMetrics(zip([0, 1, 2, 2], [0, 2, 2, 1]));
    expect(r).toMatchObject({ task: 'classification', averaging: 'macro', accuracy: 0.5, classCount: 3 });
  });

  it('keeps every score between 0 and 1 whatever the labels', () => {
    const labels = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(labels, (rows) => {
        const r = evaluationMetrics(rows.map(([p, a]) => ({ predicted: p, actual: a })));
        return r.task === 'classification' && [r.accuracy, r.precision, r.recall, r.f1].every((v) => v >= 0 && v <= 1);
      }),
    );
  });
});

describe('evaluationMetrics: regression', () => {
  it("matches scikit-learn's documented example", () => {
    // sklearn docs: y_true [3, -0.5, 2, 7], y_pred [2.5, 0.0, 2, 8] → MAE 0.5, MSE 0.375, R² 0.948…
    const r = evaluationMetrics(zip([2.5, 0.0, 2, 8], [3, -0.5, 2, 7]));
    expect(r).toEqual({ task: 'regression', labelledCount: 4, mae: 0.5, rmse: Math.sqrt(0.375), r2: 1 - 1.5 / 29.1875 });
    expect(r.task === 'regression' && r.r2).toBeCloseTo(0.9486081370449679, 15);
  });

  it("gives R² 1 for a perfect fit and 0 otherwise when the actual values are constant (sklearn's force_finite)", () => {
    expect(evaluationMetrics(zip([4.5, 4.5], [4.5, 4.5]))).toMatchObject({ task: 'regression', mae: 0, rmse: 0, r2: 1 });
    expect(evaluationMetrics(zip([4.5, 5.5], [4.5, 4.5]))).toMatchObject({ mae: 0.5, r2: 0 });
  });

  it('gives no R² for a single pair', () => {
    expect(evaluationMetrics(zip([1.5], [2.5]))).toEqual({ task: 'regression', labelledCount: 1, mae: 1, rmse: 1, r2: null });
  });

  it('reads fractional values, or integers with many distinct values, as regression', () => {
    expect(evaluationMetrics(zip([1, 2.5], [1, 2])).task).toBe('regression');
    const many = Array.from({ length: 21 }, (_, i) => i);
    expect(evaluationMetrics(zip(many, many)).task).toBe('regression');
    expect(evaluationMetrics(zip(many.slice(0, 20), many.slice(0, 20))).task).toBe('classification');
  });

  it('follows an explicit task over the inference', () => {
    expect(evaluationMetrics(zip([1, 2, 3], [1, 2, 4]), { task: 'regression' })).toMatchObject({ task: 'regression', mae: 1 / 3 });
    expect(evaluationMetrics(zip([0.5, 0.5], [0.5, 1]), { task: 'classification' })).toMatchObject({ task: 'classification', accuracy: 0.5 });
  });

  it('refuses labels a regression cannot use, naming the pair', () => {
    expect(() => evaluationMetrics(zip([1, 'a'], [1, 2]), { task: 'regression' })).toThrow('pairs[1].predicted is "a"; regression needs numbers');
    expect(() => evaluationMetrics(zip([null, 1], [1, true]), { task: 'regression' })).toThrow('pairs[1].actual is true; regression needs numbers');
  });
});

describe('evaluationMetrics: which pairs count', () => {
  it('skips pairs without a prediction or an actual value, and says how many were labelled', () => {
    const r = evaluationMetrics([
      { predicted: 1, actual: 1 },
      { predicted: 0, actual: null },
      { predicted: 1, actual: undefined },
      { predicted: null, actual: 0 },
      { predicted: 0, actual: 1 },
    ]);
    expect(r).toMatchObject({ labelledCount: 2, accuracy: 0.5 });
  });

  it('refuses a batch with no labelled pair, NaN, and values that are not labels', () => {
    expect(() => evaluationMetrics([{ predicted: 1, actual: null }])).toThrow(code('EMPTY_SAMPLE'));
    expect(() => evaluationMetrics([])).toThrow('no pair has both a predicted and an actual value yet');
    expect(() => evaluationMetrics(zip([1, Number.NaN], [1, 1]))).toThrow('pairs[1].predicted is NaN; a value is a finite number, a text or true/false');
    expect(() => evaluationMetrics([{ predicted: 1, actual: {} as never }])).toThrow(code('INVALID_VALUE'));
    expect(() => evaluationMetrics('x' as never)).toThrow(code('INVALID_VALUE'));
  });

  it('refuses predictions and actual values of wholly different types', () => {
    expect(() => evaluationMetrics(zip([0, 1], [false, true]))).toThrow('predicted values are number but actual values are boolean; send both as the same type');
  });

  it('refuses unknown tasks and a positive class for regression', () => {
    expect(() => evaluationMetrics(zip([1], [1]), { task: 'ranking' as never })).toThrow(code('INVALID_OPTION'));
    expect(() => evaluationMetrics(zip([1], [1]), { task: 'regression', positive: 1 })).toThrow('positive applies to classification, not regression');
  });
});
