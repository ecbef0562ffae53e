import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DriftDatasetColumn, driftColumn, driftDataset } from './column';
import { ARITHMETIC_RTOL, P_VALUE_RTOL, expectClose, extra, golden, largeSamples, parkMiller } from './fixtures/references';
import { driftZTest } from './ztest';

const { ref_a, cur_a, ref_b, cur_b, ties_1, ties_2 } = golden.datasets;
const repeat = (parts: [string, number][]): string[] => parts.flatMap(([v, n]) => Array<string>(n).fill(v));
const catRef = repeat([['A', 50], ['B', 30], ['C', 15], ['D', 5]]);
const catNewE = repeat([['A', 30], ['B', 30], ['C', 25], ['D', 10], ['E', 5]]);

describe("driftZTest (Evidently's binary Z-test)", () => {
  const g = golden.categorical['evidently_ztest(ref 0*70+1*30, cur 0*55+1*45)'];
  const ref = [...Array<number>(70).fill(0), ...Array<number>(30).fill(1)];
  const cur = [...Array<number>(55).fill(0), ...Array<number>(45).fill(1)];

  it('matches the golden statistic and p-value', () => {
    const r = driftZTest(ref, cur);
    expectClose(r.z, g.z, ARITHMETIC_RTOL);
    expectClose(r.pValue, g.p, P_VALUE_RTOL);
  });

  it('maps the smallest category to 0, so labels behave like 0/1', () => {
    const r = driftZTest(ref.map((v) => (v ? 'yes' : 'no')), cur.map((v) => (v ? 'yes' : 'no')));
    expectClose(r.z, g.z, ARITHMETIC_RTOL);
  });

  it('gives p = 1 when both samples hold the same single value', () => {
    expect(driftZTest(['a', 'a'], ['a'])).toEqual({ z: 0, pValue: 1 });
  });

  it('keeps the p-value in [0, 1] and ignores the order of the values', () => {
    const sample = fc.array(fc.constantFrom('x', 'y'), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = driftZTest(a, b);
        return r.pValue >= 0 && r.pValue <= 1 && r.pValue === driftZTest([...a].reverse(), [...b].reverse()).pValue;
      }),
    );
  });

  it('gives a finite z when each sample is constant on a different value', () => {
    const r = driftZTest(['a', 'a'], ['b', 'b', 'b']);
    expect(Number.isFinite(r.z)).toBe(true);
    expect(r.pValue).toBeLessThan(0.05);
  });
});

describe("driftColumn picks Evidently's default test", () => {
  const large = largeSamples();
  const smallRef = parkMiller(21, 300, 3, 1).map(Math.trunc);
  const smallCur = parkMiller(22, 250, 2.9, 1.1).map(Math.trunc);
  const binRef = parkMiller(23, 400).map((v) => (v < 0.3 ? 1 : 0));
  const binCur = parkMiller(24, 350).map((v) => (v < 0.42 ? 1 : 0));
  const xyz = (lo: number) => (v: number) => (v < lo ? 'x' : v < 0.8 ? 'y' : 'z');
  const columns: DriftDatasetColumn[] = [
    { name: 'a', ref: ref_a, cur: cur_a, kind: 'numerical' },
    { name: 'b', ref: ref_b, cur: cur_b, kind: 'numerical' },
    { name: 'ties', ref: ties_1, cur: ties_2, kind: 'numerical' },
    { name: 'small_u', ref: smallRef, cur: smallCur, kind: 'numerical' },
    { name: 'binary', ref: binRef, cur: binCur, kind: 'numerical' },
    { name: 'cat_new', ref: catRef, cur: catNewE, kind: 'categorical' },
    { name: 'large', ref: large.ref, cur: large.cur, kind: 'numerical' },
    { name: 'cat_large', ref: parkMiller(25, 1500).map(xyz(0.5)), cur: parkMiller(26, 1200).map(xyz(0.35)), kind: 'categorical' },
  ];

  for (const column of columns) {
    it(`column ${column.name}`, () => {
      const want = extra.evidently_columns[column.name as keyof typeof extra.evidently_columns];
      const r = driftColumn(column.ref, column.cur, column);
      expect(r.test).toBe(want.test);
      expectClose(r.score, want.score, P_VALUE_RTOL);
      expect(r.drifted).toBe(want.drift);
      expect(r.threshold).toBe(['ks', 'chisquare', 'z'].includes(want.test) ? 0.05 : 0.1);
    });
  }

  it('reports the dataset as drifted when at least half the columns drifted', () => {
    const r = driftDataset(columns);
    expect(r.driftedCount).toBe(5);
    expect(r.share).toBe(5 / 8);
    expect(r.drifted).toBe(true);
    expect(r.columns.map((c) => c.name)).toEqual(columns.map((c) => c.name));
    expect(driftDataset(columns, { driftShare: 0.7 }).drifted).toBe(false);
    expect(driftDataset(columns, { driftShare: 0.625 }).drifted).toBe(true);
  });
});

describe('driftColumn rules', () => {
  it('drifts at p ≤ threshold for ks but only at p < threshold for chisquare and z', () => {
    const ks = driftColumn(ref_a, cur_a, { kind: 'numerical' });
    expect(driftColumn(ref_a, cur_a, { kind: 'numerical', threshold: ks.score }).drifted).toBe(true);
    const chi = driftColumn(catRef, catNewE, { kind: 'categorical', test: 'chisquare' });
    expect(chi.score).toBe(0);
    expect(driftColumn(catRef, catNewE, { kind: 'categorical', test: 'chisquare', threshold: 0 }).drifted).toBe(false);
  });

  it('drifts at distance ≥ threshold', () => {
    const w = driftColumn(ref_a, cur_a, { kind: 'numerical', test: 'wasserstein' });
    expectClose(w.score, golden.wasserstein.a_evidently_normed.value, ARITHMETIC_RTOL);
    expect(w.drifted).toBe(golden.wasserstein.a_evidently_normed.drift);
    expect(driftColumn(ref_a, cur_a, { kind: 'numerical', test: 'wasserstein', threshold: w.score }).drifted).toBe(true);
  });

  it('runs an explicitly chosen test with its Evidently binning', () => {
    const psi = driftColumn(ref_a, cur_a, { kind: 'numerical', test: 'psi' });
    expectClose(psi.score, golden.psi_and_binned.a.evidently_psi.psi, ARITHMETIC_RTOL);
    expect(psi.drifted).toBe(golden.psi_and_binned.a.evidently_psi['drift(>=0.1)']);
    expect(driftColumn(ref_a, cur_a, { kind: 'numerical', test: 'jensenshannon' }).drifted).toBe(
      golden.psi_and_binned.a.evidently_jensenshannon['drift(>=0.1)'],
    );
    const kl = driftColumn(ref_a, cur_a, { kind: 'numerical', test: 'kl_div' });
    expectClose(kl.score, golden.psi_and_binned.a.evidently_kl_div, ARITHMETIC_RTOL);
    const js = driftColumn(catRef, catNewE, { kind: 'categorical', test: 'jensenshannon' });
    expectClose(js.score, extra.js.cat_newE, ARITHMETIC_RTOL);
  });

  it('calls two identical constant columns undrifted (z-test, p = 1)', () => {
    expect(driftColumn([3, 3, 3], [3, 3], { kind: 'numerical' })).toEqual({ test: 'z', score: 1, threshold: 0.05, drifted: false });
    expect(driftColumn(['k', 'k'], ['k'], { kind: 'categorical' })).toEqual({ test: 'z', score: 1, threshold: 0.05, drifted: false });
  });

  it('keeps every score in range and ignores the order of the values', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(sample, sample, fc.constantFrom('ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi', 'kl_div' as const), (a, b, test) => {
        const r = driftColumn(a, b, { kind: 'numerical', test });
        const s = driftColumn([...a].reverse(), [...b].reverse(), { kind: 'numerical', test });
        const inRange = ['ks', 'chisquare', 'z'].includes(test) ? r.score >= 0 && r.score <= 1 : r.score >= 0;
        return inRange && Math.abs(r.score - s.score) <= 1e-12 * Math.max(1, r.score);
      }),
    );
  });

  it('drops null, NaN and ±Infinity before testing', () => {
    const clean = driftColumn(ref_b, cur_b, { kind: 'numerical' });
    const dirty = driftColumn([...ref_b, null, Number.NaN], [Infinity, ...cur_b, undefined, -Infinity], { kind: 'numerical' });
    expect(dirty).toEqual(clean);
    expect(driftColumn([...catRef, null], [...catNewE, Number.NaN], { kind: 'categorical' })).toEqual(
      driftColumn(catRef, catNewE, { kind: 'categorical' }),
    );
  });

  it('refuses a column left empty, text in a numerical column, and numeric-only tests on categories', () => {
    expect(() => driftColumn([null, Number.NaN], [1], { kind: 'numerical' })).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => driftColumn([1, 'x'], [1], { kind: 'numerical' })).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => driftColumn(['a'], ['b'], { kind: 'categorical', test: 'ks' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => driftColumn([1], [1], { kind: 'numerical', test: 't' as 'ks' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => driftColumn([1], [1], { kind: 'numerical', threshold: Number.NaN })).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
  });

  it('names the failing column in dataset errors', () => {
    expect(() => driftDataset([{ name: 'age', ref: [], cur: [1], kind: 'numerical' }])).toThrow(/column "age"/);
    expect(() => driftDataset([])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => driftDataset([{ name: 'x', ref: [1], cur: [1], kind: 'numerical' }], { driftShare: 2 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
  });
});
