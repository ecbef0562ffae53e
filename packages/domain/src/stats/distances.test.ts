import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binEvidentlyNumeric } from './binning';
import { driftJensenShannon, driftKlDiv, driftWasserstein, jensenShannonBinned } from './distances';
import { ARITHMETIC_RTOL, expectClose, extra, golden, largeSamples } from './fixtures/references';
import { sampleSorted } from './sample';

const { ref_a, cur_a, ref_b, cur_b, ties_1, ties_2 } = golden.datasets;
const catRef = [...Array(50).fill('A'), ...Array(30).fill('B'), ...Array(15).fill('C'), ...Array(5).fill('D')];
const catNewE = [...Array(30).fill('A'), ...Array(30).fill('B'), ...Array(25).fill('C'), ...Array(10).fill('D'), ...Array(5).fill('E')];

describe('driftJensenShannon against scipy.spatial.distance.jensenshannon', () => {
  it('matches the golden share vectors in base e and base 2', () => {
    const g = golden.jensenshannon['p=[0.1,0.4,0.5],q=[0.8,0.15,0.05]'];
    expectClose(driftJensenShannon([0.1, 0.4, 0.5], [0.8, 0.15, 0.05]), g.base_e, ARITHMETIC_RTOL);
    expectClose(driftJensenShannon([0.1, 0.4, 0.5], [0.8, 0.15, 0.05], { base: 2 }), g.base_2, ARITHMETIC_RTOL);
  });

  it('reaches its maximum √ln 2 (1 in base 2) on disjoint supports', () => {
    const g = golden.jensenshannon['p=[1,0],q=[0,1]'];
    expectClose(driftJensenShannon([1, 0], [0, 1]), g.base_e, ARITHMETIC_RTOL);
    expectClose(driftJensenShannon([1, 0], [0, 1], { base: 2 }), g.base_2, ARITHMETIC_RTOL);
  });

  it('normalises counts first', () => {
    expectClose(driftJensenShannon([3, 0, 7, 10], [1, 5, 0, 4], { base: 2 }), extra.js.counts_base2, ARITHMETIC_RTOL);
  });

  it("matches Evidently's jensenshannon test on its unfilled Sturges bins", () => {
    const a = jensenShannonBinned(binEvidentlyNumeric(sampleSorted(ref_a, 'ref'), sampleSorted(cur_a, 'cur')));
    expectClose(a, golden.psi_and_binned.a.evidently_jensenshannon.value_base_e, ARITHMETIC_RTOL);
    const b = jensenShannonBinned(binEvidentlyNumeric(sampleSorted(ref_b, 'ref'), sampleSorted(cur_b, 'cur')));
    expectClose(b, extra.js.b_evidently, ARITHMETIC_RTOL);
    const binned = binEvidentlyNumeric(sampleSorted(ref_a, 'ref'), sampleSorted(cur_a, 'cur'));
    const base2 = driftJensenShannon(binned.ref, binned.cur, { base: 2 });
    expectClose(base2, golden.psi_and_binned.a.evidently_jensenshannon.value_base_2_same_bins, ARITHMETIC_RTOL);
  });

  it('refuses mismatched lengths, negative entries, zero totals and a bad base', () => {
    expect(() => driftJensenShannon([1, 2], [1, 2, 3])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => driftJensenShannon([1, -2], [1, 2])).toThrow(expect.objectContaining({ code: 'NEGATIVE_COUNT' }));
    expect(() => driftJensenShannon([0, 0], [1, 2])).toThrow(expect.objectContaining({ code: 'ZERO_TOTAL' }));
    expect(() => driftJensenShannon([1, Number.NaN], [1, 2])).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => driftJensenShannon([1], [1], { base: 1 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => driftJensenShannon([], [])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
  });
});

describe('driftJensenShannon properties', () => {
  const vectors = fc
    .integer({ min: 1, max: 12 })
    .chain((k) => fc.tuple(fc.array(fc.nat(50), { minLength: k, maxLength: k }), fc.array(fc.nat(50), { minLength: k, maxLength: k })))
    .filter(([p, q]) => p.some((x) => x > 0) && q.some((x) => x > 0));

  it('is symmetric', () => {
    fc.assert(fc.property(vectors, ([p, q]) => Math.abs(driftJensenShannon(p, q) - driftJensenShannon(q, p)) <= 1e-15));
  });

  it('lies in [0, √ln 2]', () => {
    fc.assert(
      fc.property(vectors, ([p, q]) => {
        const d = driftJensenShannon(p, q);
        return d >= 0 && d <= Math.sqrt(Math.LN2) + 1e-15;
      }),
    );
  });

  it('does not depend on the order of the bins', () => {
    fc.assert(
      fc.property(vectors, ([p, q]) => Math.abs(driftJensenShannon(p, q) - driftJensenShannon([...p].reverse(), [...q].reverse())) <= 1e-15),
    );
  });
});

describe('driftWasserstein against scipy.stats.wasserstein_distance', () => {
  it('matches the golden values, and the Evidently-normed one', () => {
    expectClose(driftWasserstein([0, 1, 3], [5, 6, 8]), golden.wasserstein['simple([0,1,3],[5,6,8])'], ARITHMETIC_RTOL);
    expectClose(driftWasserstein(ref_a, cur_a), golden.wasserstein['a(ref_a,cur_a)'], ARITHMETIC_RTOL);
    expectClose(driftWasserstein(ref_a, cur_a, { normed: true }), golden.wasserstein.a_evidently_normed.value, ARITHMETIC_RTOL);
  });

  it('matches scipy with ties and on the large integer samples', () => {
    expectClose(driftWasserstein(ref_b, cur_b), extra.wasserstein.b, ARITHMETIC_RTOL);
    expectClose(driftWasserstein(ties_1, ties_2), extra.wasserstein.ties, ARITHMETIC_RTOL);
    const { ref, cur } = largeSamples();
    expectClose(driftWasserstein(ref, cur, { normed: true }), extra.wasserstein.large_normed, ARITHMETIC_RTOL);
  });

  it('divides by 0.001 rather than the std of a constant reference', () => {
    expectClose(driftWasserstein([2, 2, 2], [2, 3], { normed: true }), 0.5 / 0.001, ARITHMETIC_RTOL);
  });

  it('is zero for identical samples, symmetric and order-free', () => {
    const sample = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const w = driftWasserstein(a, b);
        return (
          driftWasserstein(a, [...a].reverse()) === 0 &&
          Math.abs(w - driftWasserstein(b, a)) <= 1e-12 * Math.max(1, w) &&
          w === driftWasserstein([...a].reverse(), [...b].reverse())
        );
      }),
    );
  });
});

describe("driftKlDiv (Evidently's kl_div)", () => {
  it('matches scipy.stats.entropy over the zero-filled bins, which it renormalises', () => {
    expectClose(driftKlDiv(ref_a, cur_a), golden.psi_and_binned.a.evidently_kl_div, ARITHMETIC_RTOL);
    expectClose(driftKlDiv(ref_b, cur_b), extra.kl.b, ARITHMETIC_RTOL);
    expectClose(driftKlDiv(catRef, catNewE), extra.kl.cat_newE, ARITHMETIC_RTOL);
  });
});
