import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARITHMETIC_RTOL, expectClose, extra, golden, largeSamples } from './fixtures/references';
import { driftPsi } from './psi';

const { ref_a, cur_a, ref_b, cur_b, ties_1, ties_2 } = golden.datasets;
const gA = golden.psi_and_binned.a;
const catRef = [...Array(50).fill('A'), ...Array(30).fill('B'), ...Array(15).fill('C'), ...Array(5).fill('D')];
const catNewE = [...Array(30).fill('A'), ...Array(30).fill('B'), ...Array(25).fill('C'), ...Array(10).fill('D'), ...Array(5).fill('E')];

describe('driftPsi with decile bins of the reference (quantile10)', () => {
  const want = gA['quantile10_eps1e-4'];

  it('matches the golden edges, counts, terms and total for set a', () => {
    const r = driftPsi(ref_a, cur_a);
    expectClose(r.psi, want.psi, ARITHMETIC_RTOL);
    expect(r.bins.map((b) => b.refCount)).toEqual(want.ref_counts);
    expect(r.bins.map((b) => b.curCount)).toEqual(want.cur_counts);
    r.bins.forEach((b, i) => expectClose(b.term, want.terms[i] as number, ARITHMETIC_RTOL));
    const uppers = r.bins.slice(0, -1).map((b) => (b.kind === 'range' ? b.upper : NaN));
    uppers.forEach((u, i) => expectClose(u, want.edges[i] as number, ARITHMETIC_RTOL));
    expect(r.bins[0]).toMatchObject({ kind: 'range', lower: -Infinity });
    expect(r.bins[9]).toMatchObject({ kind: 'range', upper: Infinity });
  });

  it('matches set b, where the current sample leaves no bin empty', () => {
    const w = extra.psi.b_quantile10;
    const r = driftPsi(ref_b, cur_b, { binning: 'quantile10' });
    expectClose(r.psi, w.psi, ARITHMETIC_RTOL);
    expect(r.bins.map((b) => b.curCount)).toEqual(w.cur_counts);
  });

  it('drops duplicate edges when the reference has ties', () => {
    const r = driftPsi(ties_1, ties_2);
    const uppers = r.bins.map((b) => (b.kind === 'range' ? b.upper : NaN));
    expect(new Set(uppers).size).toBe(uppers.length);
    expect(r.bins.length).toBeLessThan(10);
  });

  it('fills an empty bin with 1e-4 without renormalising', () => {
    const r = driftPsi([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [100, 100, 100]);
    const empty = r.bins.filter((b) => b.curCount === 0);
    expect(empty.length).toBe(9);
    for (const b of empty) expect(b.curShare).toBe(1e-4);
    expect(r.bins.reduce((s, b) => s + b.curShare, 0)).toBeGreaterThan(1);
  });

  it('matches numpy on the large integer samples', () => {
    const { ref, cur } = largeSamples();
    expectClose(driftPsi(ref, cur).psi, extra.psi.large_quantile10, ARITHMETIC_RTOL);
  });
});

describe("driftPsi with Evidently's binning", () => {
  it('uses 10 Sturges bins over the pooled sample of set a and fills zeros', () => {
    const w = gA.evidently_psi;
    const r = driftPsi(ref_a, cur_a, { binning: 'evidently' });
    expectClose(r.psi, w.psi, ARITHMETIC_RTOL);
    expect(r.bins.length).toBe(w.n_bins_sturges);
    r.bins.forEach((b, i) => {
      expectClose(b.refShare, w.ref_props_after_fill[i] as number, ARITHMETIC_RTOL);
      expectClose(b.curShare, w.cur_props_after_fill[i] as number, ARITHMETIC_RTOL);
      expect(b).toMatchObject({ kind: 'range' });
      if (b.kind === 'range') expectClose(b.lower, w.edges[i] as number, ARITHMETIC_RTOL);
    });
  });

  it('matches set b', () => {
    expectClose(driftPsi(ref_b, cur_b, { binning: 'evidently' }).psi, extra.psi.b_evidently, ARITHMETIC_RTOL);
  });

  it('bins by value when the reference has at most 20 unique values', () => {
    const r = driftPsi(ties_1, ties_2, { binning: 'evidently' });
    expectClose(r.psi, extra.psi.ties_evidently_value_bins, ARITHMETIC_RTOL);
    expect(r.bins.every((b) => b.kind === 'value')).toBe(true);
  });

  it('bins categories by value, a new category getting the zero fill in the reference', () => {
    const r = driftPsi(catRef, catNewE);
    expectClose(r.psi, extra.psi.cat_newE_evidently, ARITHMETIC_RTOL);
    const e = r.bins.find((b) => b.kind === 'value' && b.value === 'E');
    expect(e).toMatchObject({ refCount: 0, curCount: 5, refShare: 1e-4 });
  });

  it('refuses decile bins for categories', () => {
    expect(() => driftPsi(catRef, catNewE, { binning: 'quantile10' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('driftPsi input checks', () => {
  it('refuses empty samples, NaN, missing categories and unknown binning', () => {
    expect(() => driftPsi([], [1])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => driftPsi([1, Number.NaN], [1])).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => driftPsi(['a', null as unknown as string], ['a'])).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => driftPsi([1], [1], { binning: 'deciles' as 'quantile10' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('driftPsi properties', () => {
  const sample = fc.array(fc.integer({ min: -50, max: 50 }).map((v) => v / 8), { minLength: 1, maxLength: 60 });
  const binning = fc.constantFrom('quantile10', 'evidently' as const);

  it('is never negative', () => {
    fc.assert(fc.property(sample, sample, binning, (a, b, m) => driftPsi(a, b, { binning: m }).psi >= 0));
  });

  it('is zero for identical samples', () => {
    fc.assert(fc.property(sample, binning, (a, m) => driftPsi(a, [...a], { binning: m }).psi === 0));
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(sample, sample, binning, (a, b, m) => {
        const r = driftPsi(a, b, { binning: m }).psi;
        return r === driftPsi([...a].reverse(), [...b].reverse(), { binning: m }).psi;
      }),
    );
  });
});
