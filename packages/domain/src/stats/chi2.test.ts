import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftChi2Contingency, driftChiSquare } from './chi2';
import { ARITHMETIC_RTOL, P_VALUE_RTOL, expectClose, extra, golden } from './fixtures/references';
import { chi2Sf } from './special-functions';

const cat = golden.categorical;

describe('driftChiSquare against scipy.stats.chisquare', () => {
  it('tests against a uniform expectation when none is given', () => {
    const g = cat['chisquare_gof_uniform([16,18,16,14,12,12])'];
    const r = driftChiSquare([16, 18, 16, 14, 12, 12]);
    expectClose(r.statistic, g.stat, ARITHMETIC_RTOL);
    expectClose(r.pValue, g.p, P_VALUE_RTOL);
    expect(r.dof).toBe(g.df);
  });

  it("matches Evidently's use: expected = reference counts scaled to the current total", () => {
    // cat_ref A50 B30 C15 D5 against cat_cur2 A70 B40 C30 D10 (150 rows).
    const r = driftChiSquare([70, 40, 30, 10], [50 * 1.5, 30 * 1.5, 15 * 1.5, 5 * 1.5]);
    expectClose(r.statistic, extra.chi2.evidently_cur2.stat, ARITHMETIC_RTOL);
    expectClose(r.pValue, extra.chi2.evidently_cur2.p, P_VALUE_RTOL);
  });

  it('gives an infinite statistic and p = 0 for a category expected never to occur', () => {
    const r = driftChiSquare([30, 30, 25, 10, 5], [50, 30, 15, 5, 0]);
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
  });

  it('keeps precision far in the tail', () => {
    expectClose(driftChiSquare([300, 10, 5], [105, 105, 105]).pValue, extra.chi2.gof_far_tail.p, P_VALUE_RTOL);
  });

  it('refuses negative counts, mismatched totals or lengths, and empty input', () => {
    expect(() => driftChiSquare([1, -1, 3])).toThrow(expect.objectContaining({ code: 'NEGATIVE_COUNT' }));
    expect(() => driftChiSquare([1, 2, 3], [1, 2, 4])).toThrow(expect.objectContaining({ code: 'SUM_MISMATCH' }));
    expect(() => driftChiSquare([1, 2, 3], [3, 3])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => driftChiSquare([])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => driftChiSquare([0, 0])).toThrow(expect.objectContaining({ code: 'ZERO_TOTAL' }));
  });
});

describe('driftChi2Contingency against scipy.stats.chi2_contingency', () => {
  const g = cat['chi2_contingency_2x2 [[12,5],[7,9]]'];

  it("applies Yates' correction to a 2×2 table by default", () => {
    const r = driftChi2Contingency([[12, 5], [7, 9]]);
    expectClose(r.statistic, g.yates_default.stat, ARITHMETIC_RTOL);
    expectClose(r.pValue, g.yates_default.p, P_VALUE_RTOL);
    expect(r.dof).toBe(1);
    r.expected.forEach((row, i) => row.forEach((e, j) => expectClose(e, g.yates_default.expected[i]?.[j] as number, ARITHMETIC_RTOL)));
  });

  it('skips the correction when asked', () => {
    const r = driftChi2Contingency([[12, 5], [7, 9]], { correction: false });
    expectClose(r.statistic, g.no_correction.stat, ARITHMETIC_RTOL);
    expectClose(r.pValue, g.no_correction.p, P_VALUE_RTOL);
  });

  it('never corrects tables with more than one degree of freedom', () => {
    const r = driftChi2Contingency([[10, 20, 30], [6, 9, 17], [25, 5, 12]]);
    expectClose(r.statistic, extra.chi2.contingency_3x3.stat, ARITHMETIC_RTOL);
    expectClose(r.pValue, extra.chi2.contingency_3x3.p, P_VALUE_RTOL);
    expect(r.dof).toBe(4);
    const wide = driftChi2Contingency([[100, 0, 7, 3000], [90, 12, 9, 2700]]);
    expectClose(wide.statistic, extra.chi2.contingency_2x4.stat, ARITHMETIC_RTOL);
    expectClose(wide.pValue, extra.chi2.contingency_2x4.p, P_VALUE_RTOL);
  });

  it('returns statistic 0 and p = 1 for a single row (no degrees of freedom)', () => {
    expect(driftChi2Contingency([[3, 4, 5]])).toMatchObject({ statistic: 0, pValue: 1, dof: 0 });
  });

  it('refuses negative counts, ragged rows and empty margins', () => {
    expect(() => driftChi2Contingency([[1, -2], [3, 4]])).toThrow(expect.objectContaining({ code: 'NEGATIVE_COUNT' }));
    expect(() => driftChi2Contingency([[1, 2], [3]])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => driftChi2Contingency([[0, 2], [0, 4]])).toThrow(expect.objectContaining({ code: 'ZERO_EXPECTED' }));
    expect(() => driftChi2Contingency([])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => driftChi2Contingency([[1, Number.NaN], [1, 2]])).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
  });
});

describe('chi2Sf against scipy.stats.chi2.sf', () => {
  for (const [x, dof, want] of extra.chi2.sf_large_dof as [number, number, number][]) {
    it(`x = ${x}, dof = ${dof}`, () => expectClose(chi2Sf(x, dof), want, P_VALUE_RTOL));
  }
});

describe('chi-square properties', () => {
  const table = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

  it('keeps every p-value in [0, 1] and does not depend on the order of the cells', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (t, correction) => {
        const r = driftChi2Contingency(t, { correction });
        const flipped = driftChi2Contingency([...t].reverse().map((row) => [...row].reverse()), { correction });
        const gof = driftChiSquare(t.flat());
        const inRange = r.pValue >= 0 && r.pValue <= 1 && gof.pValue >= 0 && gof.pValue <= 1;
        return inRange && Math.abs(r.statistic - flipped.statistic) <= 1e-9 * Math.max(1, r.statistic);
      }),
    );
  });
});
