import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatsInputError } from './errors';
import { ARITHMETIC_RTOL, P_VALUE_RTOL, expectClose, extra, golden, largeSamples, parkMiller } from './fixtures/references';
import { driftKs } from './ks';
import { kstwoSf } from './kstwo';

const { ref_a, cur_a, ref_b, cur_b, ties_1, ties_2 } = golden.datasets;

describe('driftKs against scipy.stats.ks_2samp (golden)', () => {
  const g = golden.ks_2samp['a_shifted(ref_a,cur_a)'];

  it('matches the shifted 200/150 case in every method', () => {
    const auto = driftKs(ref_a, cur_a);
    expect(auto.method).toBe('exact');
    expectClose(auto.statistic, g.statistic, ARITHMETIC_RTOL);
    expectClose(auto.pValue, g.pvalue_auto, P_VALUE_RTOL);
    expect(auto.location).toBe(g.statistic_location);
    expect(auto.sign).toBe(g.statistic_sign);
    expectClose(driftKs(ref_a, cur_a, { method: 'exact' }).pValue, g.pvalue_exact, P_VALUE_RTOL);
    const asymp = driftKs(ref_a, cur_a, { method: 'asymp' });
    expect(asymp.method).toBe('asymp');
    expectClose(asymp.pValue, g.pvalue_asymp, P_VALUE_RTOL);
  });

  it('matches the tiny 5/6 case, where scipy rounds n·m/(n+m) = 2.73 to 3', () => {
    const t = golden.ks_2samp['tiny([1,2,3,4,5],[3,4,5,6,7,8])'];
    const r = driftKs([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    expectClose(r.statistic, t.statistic, ARITHMETIC_RTOL);
    expectClose(r.pValue, t.pvalue_exact, P_VALUE_RTOL);
    expectClose(driftKs([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8], { method: 'asymp' }).pValue, t.pvalue_asymp, P_VALUE_RTOL);
  });
});

describe('driftKs against scipy on further cases (extra.json)', () => {
  const large = largeSamples();
  const cases: Record<string, [number[], number[]]> = {
    b: [ref_b, cur_b],
    ties_equal_n: [ties_1, ties_2],
    ties_40_30: [ties_1, ties_2.slice(0, 30)],
    disjoint: [[1, 2, 3], [4, 5, 6, 7]],
    large_12000_10500: [large.ref, large.cur],
    shifted_3000_2999: [parkMiller(11, 3000), parkMiller(12, 2999, 1, 0.04)],
    equal_n_500: [parkMiller(13, 500), parkMiller(14, 500, 1, 0.12)],
    above_auto_10001_400: [parkMiller(15, 10001), parkMiller(16, 400, 1, 0.05)],
  };
  for (const [name, [ref, cur]] of Object.entries(cases)) {
    for (const method of ['auto', 'exact', 'asymp'] as const) {
      it(`${name}, method ${method}`, () => {
        const want = extra.ks[name as keyof typeof extra.ks][method];
        const got = driftKs(ref, cur, { method });
        expectClose(got.statistic, want.statistic, ARITHMETIC_RTOL);
        expectClose(got.pValue, want.pvalue, P_VALUE_RTOL);
        expect(got.location).toBe(want.location);
        expect(got.sign).toBe(want.sign);
      });
    }
  }

  it('uses the asymptotic distribution above 10,000 values in auto mode', () => {
    expect(driftKs(large.ref, large.cur).method).toBe('asymp');
    expect(driftKs(parkMiller(15, 10001), parkMiller(16, 400)).method).toBe('asymp');
    expect(driftKs(parkMiller(15, 10000), parkMiller(16, 400)).method).toBe('exact');
  });
});

describe('kstwoSf against scipy.stats.kstwo.sf in each of its branches', () => {
  for (const [n, x, want] of extra.kstwo_sf as [number, number, number][]) {
    it(`n = ${n}, x = ${x}`, () => expectClose(kstwoSf(n, x), want, P_VALUE_RTOL));
  }
});

describe('driftKs edge cases', () => {
  it('gives D = 0 and p = 1 for identical constant samples', () => {
    const r = driftKs([5, 5, 5], [5, 5]);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('gives D = 1 for samples on either side of a constant', () => {
    expect(driftKs([1, 1, 1], [2, 2, 2, 2]).statistic).toBe(1);
  });

  it('refuses empty samples, NaN and unknown methods with a typed error', () => {
    expect(() => driftKs([], [1])).toThrow(StatsInputError);
    expect(() => driftKs([1, Number.NaN], [1])).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => driftKs([1], [Infinity])).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => driftKs([1], [2], { method: 'fast' as 'auto' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('driftKs properties', () => {
  const sample = fc.array(fc.integer({ min: -20, max: 20 }).map((v) => v / 4), { minLength: 1, maxLength: 40 });

  it('keeps the statistic and p-value in [0, 1] for every method', () => {
    fc.assert(
      fc.property(sample, sample, fc.constantFrom('auto', 'exact', 'asymp' as const), (a, b, method) => {
        const r = driftKs(a, b, { method });
        return r.statistic >= 0 && r.statistic <= 1 && r.pValue >= 0 && r.pValue <= 1;
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = driftKs(a, b);
        const s = driftKs([...a].reverse(), [...b].sort((x, y) => y - x));
        return r.statistic === s.statistic && r.pValue === s.pValue;
      }),
    );
  });

  it('is symmetric in the two samples (same statistic and p-value)', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = driftKs(a, b);
        const s = driftKs(b, a);
        return r.statistic === s.statistic && Math.abs(r.pValue - s.pValue) <= 1e-12;
      }),
    );
  });
});
