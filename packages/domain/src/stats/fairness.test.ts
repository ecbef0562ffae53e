import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessMetrics } from './fairness';
import { ARITHMETIC_RTOL, expectClose, extra, golden } from './fixtures/references';

const f = golden.fairness;
const data = { yTrue: f.data.y_true, yPred: f.data.y_pred, group: f.data.group };

type Aggregates = (typeof extra.fairness.golden_data)['between_groups'];
function expectAggregates(r: ReturnType<typeof fairnessMetrics>, want: Aggregates): void {
  expectClose(r.demographicParityDifference, want.dpd, ARITHMETIC_RTOL);
  expectClose(r.demographicParityRatio, want.dpr, ARITHMETIC_RTOL);
  expectClose(r.equalizedOddsDifference, want.eod_worst, ARITHMETIC_RTOL);
  expectClose(r.equalizedOddsDifferenceMean, want.eod_mean, ARITHMETIC_RTOL);
  expectClose(r.equalizedOddsRatio, want.eor, ARITHMETIC_RTOL);
  expectClose(r.equalOpportunityDifference, want.eopd, ARITHMETIC_RTOL);
  expectClose(r.equalOpportunityRatio, want.eopr, ARITHMETIC_RTOL);
}

describe('fairnessMetrics against fairlearn (golden)', () => {
  const r = fairnessMetrics(data);

  it('counts and rates each group and the whole', () => {
    for (const g of r.byGroup) {
      const want = f.by_group[g.group as 'A' | 'B' | 'C'];
      expect({ n: g.n, tp: g.tp, fp: g.fp, fn: g.fn, tn: g.tn }).toEqual({ n: want.n, tp: want.tp, fp: want.fp, fn: want.fn, tn: want.tn });
      expectClose(g.selectionRate, want.selection_rate, ARITHMETIC_RTOL);
      expectClose(g.tpr, want.tpr, ARITHMETIC_RTOL);
      expectClose(g.fpr, want.fpr, ARITHMETIC_RTOL);
    }
    expect(r.byGroup.map((g) => g.group)).toEqual(['A', 'B', 'C']);
    expectClose(r.overall.selectionRate, f.overall.selection_rate, ARITHMETIC_RTOL);
    expectClose(r.overall.tpr, f.overall.tpr, ARITHMETIC_RTOL);
    expectClose(r.overall.fpr, f.overall.fpr, ARITHMETIC_RTOL);
  });

  it('aggregates between groups', () => {
    expectClose(r.demographicParityDifference, f['demographic_parity_difference(between_groups)'], ARITHMETIC_RTOL);
    expectClose(r.equalizedOddsDifference, f['equalized_odds_difference(worst_case)'], ARITHMETIC_RTOL);
    expectClose(r.equalOpportunityDifference, f.equal_opportunity_difference, ARITHMETIC_RTOL);
    expect(r.method).toBe('between_groups');
    expectAggregates(r, extra.fairness.golden_data.between_groups);
  });

  it('aggregates to the overall value', () => {
    const o = fairnessMetrics(data, { method: 'to_overall' });
    expect(o.method).toBe('to_overall');
    expectAggregates(o, extra.fairness.golden_data.to_overall);
  });

  it('measures disparate impact against the most-selected group and applies the four-fifths rule', () => {
    const di = f.disparate_impact;
    expect(r.disparateImpact.referenceGroup).toBe('A');
    for (const row of r.disparateImpact.byGroup) {
      const g = row.group as 'A' | 'B' | 'C';
      expectClose(row.ratio, di['impact_ratio_vs_max(four_fifths)'][g], ARITHMETIC_RTOL);
      expect(row.violatesFourFifths).toBe(di['four_fifths_violation(<0.8)'][g]);
    }
    expectClose(r.disparateImpact.byGroup[1]?.difference, di['SPD(B-A)'], ARITHMETIC_RTOL);
    expectClose(r.disparateImpact.byGroup[2]?.difference, di['SPD(C-A)'], ARITHMETIC_RTOL);
    expectClose(r.disparateImpact.byGroup[1]?.ratio, di['DI(B/A)'], ARITHMETIC_RTOL);
    expect(r.disparateImpact.violating).toEqual(['B', 'C']);
  });
});

describe('fairnessMetrics edge cases', () => {
  it('gives a group without positives a TPR of 0, as sklearn does', () => {
    const withD = {
      yTrue: [...data.yTrue, 0, 0, 0, 0, 0],
      yPred: [...data.yPred, 1, 0, 0, 0, 0],
      group: [...data.group, 'D', 'D', 'D', 'D', 'D'],
    };
    const r = fairnessMetrics(withD);
    expect(r.byGroup[3]).toMatchObject({ group: 'D', tp: 0, fn: 0, tpr: 0, fpr: 0.2 });
    expectAggregates(r, extra.fairness.with_group_without_positives.between_groups);
    expectAggregates(fairnessMetrics(withD, { method: 'to_overall' }), extra.fairness.with_group_without_positives.to_overall);
  });

  it('leaves ratios undefined (null) when no group has a positive rate, and flags no group', () => {
    const r = fairnessMetrics({ yTrue: [0, 1, 0, 1], yPred: [0, 0, 0, 0], group: ['a', 'a', 'b', 'b'] });
    expect(r.demographicParityRatio).toBeNull();
    expect(r.equalOpportunityRatio).toBeNull();
    expect(r.equalizedOddsRatio).toBeNull();
    expect(r.demographicParityDifference).toBe(0);
    expect(r.disparateImpact.byGroup.every((g) => g.ratio === null && !g.violatesFourFifths)).toBe(true);
    const toOverall = fairnessMetrics({ yTrue: [0, 1, 0, 1], yPred: [0, 0, 0, 0], group: ['a', 'a', 'b', 'b'] }, { method: 'to_overall' });
    expect(toOverall.demographicParityRatio).toBeNull();
  });

  it('accepts booleans and numeric groups', () => {
    const r = fairnessMetrics({ yTrue: [true, false, true], yPred: [true, true, false], group: [2, 1, 2] });
    expect(r.byGroup.map((g) => g.group)).toEqual([1, 2]);
    expect(r.byGroup[1]).toMatchObject({ tp: 1, fn: 1 });
  });

  it('refuses mismatched lengths, empty input, non-binary labels and missing groups', () => {
    expect(() => fairnessMetrics({ yTrue: [1, 0], yPred: [1], group: ['a', 'b'] })).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => fairnessMetrics({ yTrue: [], yPred: [], group: [] })).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => fairnessMetrics({ yTrue: [2], yPred: [1], group: ['a'] })).toThrow(expect.objectContaining({ code: 'INVALID_LABEL' }));
    expect(() => fairnessMetrics({ yTrue: [1], yPred: [Number.NaN], group: ['a'] })).toThrow(expect.objectContaining({ code: 'INVALID_LABEL' }));
    expect(() => fairnessMetrics({ yTrue: [1], yPred: [1], group: [null as unknown as string] })).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => fairnessMetrics(data, { method: 'pairwise' as 'to_overall' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('fairnessMetrics properties', () => {
  const rows = fc.array(fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 60 });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('between_groups', 'to_overall' as const), (rs, method) => {
        const make = (xs: typeof rs) => ({ yTrue: xs.map((x) => x[0]), yPred: xs.map((x) => x[1]), group: xs.map((x) => x[2]) });
        expect(fairnessMetrics(make([...rs].reverse()), { method })).toEqual(fairnessMetrics(make(rs), { method }));
      }),
    );
  });

  it('keeps rates, differences and ratios in [0, 1]', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const r = fairnessMetrics({ yTrue: rs.map((x) => x[0]), yPred: rs.map((x) => x[1]), group: rs.map((x) => x[2]) });
        const values = [
          r.demographicParityDifference,
          r.equalizedOddsDifference,
          r.equalOpportunityDifference,
          r.demographicParityRatio ?? 0,
          r.equalizedOddsRatio ?? 0,
        ];
        return values.every((v) => v >= 0 && v <= 1);
      }),
    );
  });
});
