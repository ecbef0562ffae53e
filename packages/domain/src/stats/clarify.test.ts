import { describe, expect, it } from 'vitest';
import { fairnessClarify } from './clarify';
import { ARITHMETIC_RTOL, expectClose, golden } from './fixtures/references';

const f = golden.fairness;
const g = f['clarify_facet_d=B'];
const input = {
  yTrue: f.data.y_true,
  yPred: f.data.y_pred,
  facet: f.data.group,
  facetValue: 'B',
  strata: f.data.group.map((_, i) => (i % 2 === 0 ? 's1' : 's2')),
};

describe('fairnessClarify against smclarify (golden, facet d = B)', () => {
  const r = fairnessClarify(input);

  it('counts the facets and their confusion cells', () => {
    expect(r.counts).toEqual({
      na: g.counts.na, nd: g.counts.nd, na1: g.counts.na1, nd1: g.counts.nd1, na1Hat: g.counts.na1_hat, nd1Hat: g.counts.nd1_hat,
      tpA: g.counts.TP_a, fpA: g.counts.FP_a, fnA: g.counts.FN_a, tnA: g.counts.TN_a,
      tpD: g.counts.TP_d, fpD: g.counts.FP_d, fnD: g.counts.FN_d, tnD: g.counts.TN_d,
    });
  });

  it('matches every pre-training metric', () => {
    for (const name of ['CI', 'DPL', 'KL', 'JS', 'LP', 'TVD', 'KS', 'CDDL'] as const) {
      expectClose(r.pretraining[name], g.metrics[name], ARITHMETIC_RTOL);
    }
  });

  it('matches every post-training metric', () => {
    for (const name of ['DPPL', 'DI', 'DCA', 'DCR', 'RD', 'SD', 'DAR', 'DRR', 'AD', 'TE', 'GE', 'CDDPL'] as const) {
      expectClose(r.posttraining[name], g.metrics[name], ARITHMETIC_RTOL);
    }
  });

  it('takes several facet values as one facet', () => {
    const both = fairnessClarify({ ...input, facetValue: ['B', 'C'] });
    expect(both.counts.nd).toBe(20);
    expectClose(both.pretraining.CI, -1 / 3, ARITHMETIC_RTOL);
  });
});

describe('fairnessClarify edge cases', () => {
  it('leaves CDDL and CDDPL out without strata', () => {
    const r = fairnessClarify({ ...input, strata: undefined });
    expect(r.pretraining.CDDL).toBeNull();
    expect(r.posttraining.CDDPL).toBeNull();
  });

  it("follows Clarify's divide: x/0 is ∞, 0/0 is 0, and ∞ − ∞ counts as no difference", () => {
    // Facet d has false negatives but no false positives: TE = FN_d/FP_d − FN_a/FP_a = ∞.
    const r = fairnessClarify({ yTrue: [1, 1, 0, 1, 0, 0], yPred: [0, 1, 0, 1, 1, 0], facet: ['d', 'd', 'd', 'a', 'a', 'a'], facetValue: 'd' });
    expect(r.posttraining.TE).toBe(Infinity);
    // Both facets with false negatives and no false positives: ∞ − ∞ → 0.
    const s = fairnessClarify({ yTrue: [1, 0, 1, 0], yPred: [0, 0, 0, 0], facet: ['d', 'd', 'a', 'a'], facetValue: 'd' });
    expect(s.posttraining.TE).toBe(0);
    expect(s.posttraining.DI).toBe(0);
    expect(s.posttraining.DCA).toBe(0);
  });

  it('leaves the label divergences undefined when no label occurs in both facets', () => {
    const r = fairnessClarify({ yTrue: [1, 1, 0, 0], yPred: [1, 0, 1, 0], facet: ['d', 'd', 'a', 'a'], facetValue: 'd' });
    for (const name of ['KL', 'JS', 'LP', 'TVD', 'KS'] as const) expect(r.pretraining[name]).toBeNull();
    expect(r.pretraining.DPL).toBe(-1);
  });

  it('leaves GE undefined when every prediction is a false negative', () => {
    const r = fairnessClarify({ yTrue: [1, 1], yPred: [0, 0], facet: ['d', 'a'], facetValue: 'd' });
    expect(r.posttraining.GE).toBeNull();
  });

  it('refuses an empty facet on either side, mismatched lengths and non-binary labels', () => {
    expect(() => fairnessClarify({ ...input, facetValue: 'Z' })).toThrow(expect.objectContaining({ code: 'EMPTY_FACET' }));
    expect(() => fairnessClarify({ ...input, facetValue: ['A', 'B', 'C'] })).toThrow(expect.objectContaining({ code: 'EMPTY_FACET' }));
    expect(() => fairnessClarify({ ...input, strata: ['s1'] })).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => fairnessClarify({ ...input, yTrue: input.yTrue.map(() => 3) })).toThrow(expect.objectContaining({ code: 'INVALID_LABEL' }));
  });
});
