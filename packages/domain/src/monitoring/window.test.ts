import { describe, expect, it } from 'vitest';
import { driftColumn } from '../stats/column';
import { P_VALUE_RTOL, expectClose, extra, golden, largeSamples, parkMiller } from '../stats/fixtures/references';
import { MONITOR_EXPAND_LIMIT, type MonitorReferenceColumn } from './features';
import { monitorLatency, monitorPredictionSummary, monitorScoreKind, monitorWindowCompute } from './window';

const { ref_a, cur_a, ref_b, cur_b, ties_1, ties_2 } = golden.datasets;
const latencies = golden.percentiles.latencies_s;
const repeat = (parts: [string, number][]): string[] => parts.flatMap(([v, n]) => Array<string>(n).fill(v));
const code = (c: string) => expect.objectContaining({ code: c });
const empty = { predictions: [], features: {}, reference: [] };

describe('monitorWindowCompute: latency', () => {
  it('takes p50/p95/p99 from samples exactly as numpy.percentile (linear)', () => {
    const w = monitorWindowCompute({ ...empty, latency: { samplesMs: latencies } });
    expect(w.latency).toEqual({
      p50: golden.percentiles.p50['numpy_linear(default)'],
      p95: golden.percentiles.p95['numpy_linear(default)'],
      p99: golden.percentiles.p99['numpy_linear(default)'],
      count: 100,
      method: 'samples',
    });
  });

  it("takes them from Prometheus buckets with histogram_quantile, which reads p99 as the bucket's bound", () => {
    const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Infinity];
    const buckets = bounds.map((le) => ({ le, count: latencies.filter((x) => x <= le).length }));
    const l = monitorLatency({ buckets });
    // 22 latencies ≤ 0.1 and 96 ≤ 0.25: the 50th lies 28/74 of the way through (0.1, 0.25].
    expect(l).toEqual({ p50: 0.1 + 0.15 * (28 / 74), p95: expect.any(Number), p99: 2, count: 100, method: 'histogram' });
    expectClose(l?.p95 ?? NaN, 0.1 + 0.15 * (73 / 74), 1e-15);
  });

  it('counts a histogram the way histogram_quantile reads it: equal bounds summed', () => {
    const l = monitorLatency({ buckets: [{ le: 10, count: 3 }, { le: Infinity, count: 4 }, { le: Infinity, count: 1 }] });
    expect(l?.count).toBe(5);
  });

  it('is null when there is no latency, no sample or an all-zero histogram', () => {
    expect(monitorWindowCompute(empty).latency).toBeNull();
    expect(monitorWindowCompute({ ...empty, latency: null }).latency).toBeNull();
    expect(monitorLatency({ samplesMs: [] })).toBeNull();
    expect(monitorLatency({ buckets: [{ le: 5, count: 0 }, { le: Infinity, count: 0 }] })).toBeNull();
  });

  it('refuses negative or non-finite samples and malformed histograms', () => {
    expect(() => monitorLatency({ samplesMs: [3, -1] })).toThrow(code('OUT_OF_RANGE'));
    expect(() => monitorLatency({ samplesMs: [3, Number.NaN] })).toThrow(/latency\.samplesMs\[1\]/);
    expect(() => monitorLatency({ buckets: [{ le: 5, count: 2 }] })).toThrow(code('BAD_BUCKETS'));
    expect(() => monitorLatency({ buckets: [{ le: 5, count: -1 }, { le: Infinity, count: 2 }] })).toThrow(code('NEGATIVE_COUNT'));
    expect(() => monitorLatency({ p50: 3 } as never)).toThrow(code('INVALID_VALUE'));
  });
});

describe('monitorWindowCompute: prediction volume and summary', () => {
  it('counts the predictions sent, or takes the count given with a sample or none', () => {
    expect(monitorWindowCompute({ ...empty, predictions: [1, 2, 3] }).predictionCount).toBe(3);
    const onlyCount = monitorWindowCompute({ ...empty, predictionCount: 12_000 });
    expect(onlyCount.predictionCount).toBe(12_000);
    expect(onlyCount.predictionSummary).toBeNull();
    expect(monitorWindowCompute({ ...empty, predictions: [1, 2], predictionCount: 500 }).predictionCount).toBe(500);
  });

  it('refuses a count below the predictions sent, or not a whole number', () => {
    expect(() => monitorWindowCompute({ ...empty, predictions: [1, 2, 3], predictionCount: 2 })).toThrow(/at least the 3 predictions sent/);
    expect(() => monitorWindowCompute({ ...empty, predictionCount: 2.5 })).toThrow(code('OUT_OF_RANGE'));
    expect(() => monitorWindowCompute({ ...empty, predictions: 'abc' as never })).toThrow(code('INVALID_VALUE'));
  });

  it('summarises numbers by mean, min and max', () => {
    expect(monitorPredictionSummary([1, 2, 3, 6])).toEqual({ kind: 'numerical', count: 4, mean: 3, min: 1, max: 6 });
    expect(monitorPredictionSummary([-0.5])).toEqual({ kind: 'numerical', count: 1, mean: -0.5, min: -0.5, max: -0.5 });
  });

  it('counts labels, most frequent first and ties in code-unit order; true/false and numbers among text become labels', () => {
    expect(monitorPredictionSummary(['dog', 'cat', 'dog', 'bird', 'cat', 'ant'])).toEqual({
      kind: 'categorical',
      count: 6,
      distinct: 4,
      top: [{ value: 'cat', count: 2 }, { value: 'dog', count: 2 }, { value: 'ant', count: 1 }, { value: 'bird', count: 1 }],
      otherCount: 0,
    });
    expect(monitorPredictionSummary([true, false, true, 1, 'x'])).toMatchObject({ top: [{ value: 'true', count: 2 }, { value: '1', count: 1 }, { value: 'false', count: 1 }, { value: 'x', count: 1 }] });
  });

  it('lists the top 20 labels and counts the rest', () => {
    const labels = Array.from({ length: 25 }, (_, i) => `c${String(i).padStart(2, '0')}`).flatMap((l, i) => Array<string>(25 - i).fill(l));
    const s = monitorPredictionSummary(labels);
    expect(s).toMatchObject({ kind: 'categorical', count: 325, distinct: 25, otherCount: 5 + 4 + 3 + 2 + 1 });
    expect(s?.kind === 'categorical' && s.top.map((t) => t.value)).toEqual(Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`));
  });

  it('counts numeric classes as labels when told to', () => {
    expect(monitorWindowCompute({ ...empty, predictions: [0, 1, 1] }, { predictionKind: 'categorical' }).predictionSummary).toEqual({
      kind: 'categorical',
      count: 3,
      distinct: 2,
      top: [{ value: '1', count: 2 }, { value: '0', count: 1 }],
      otherCount: 0,
    });
  });

  it('refuses NaN, missing values, and text when numbers were asked for', () => {
    expect(() => monitorPredictionSummary([1, Number.NaN])).toThrow(/predictions\[1\] is NaN/);
    expect(() => monitorPredictionSummary([1, null as never])).toThrow(code('INVALID_VALUE'));
    expect(() => monitorPredictionSummary([1, 'a'], 'numerical')).toThrow(/predictions\[1\] is "a", not a number/);
  });
});

describe('monitorWindowCompute: drift against the reference', () => {
  const large = largeSamples();
  const smallRef = parkMiller(21, 300, 3, 1).map(Math.trunc);
  const smallCur = parkMiller(22, 250, 2.9, 1.1).map(Math.trunc);
  const binRef = parkMiller(23, 400).map((v) => (v < 0.3 ? 1 : 0));
  const binCur = parkMiller(24, 350).map((v) => (v < 0.42 ? 1 : 0));
  const xyz = (lo: number) => (v: number) => (v < lo ? 'x' : v < 0.8 ? 'y' : 'z');
  const reference: MonitorReferenceColumn[] = [
    { name: 'a', kind: 'numerical', values: ref_a },
    { name: 'b', kind: 'numerical', values: ref_b },
    { name: 'ties', kind: 'numerical', values: ties_1 },
    { name: 'small_u', kind: 'numerical', values: smallRef },
    { name: 'binary', kind: 'numerical', values: binRef },
    { name: 'cat_new', kind: 'categorical', values: repeat([['A', 50], ['B', 30], ['C', 15], ['D', 5]]) },
    { name: 'large', kind: 'numerical', values: large.ref },
    { name: 'cat_large', kind: 'categorical', values: parkMiller(25, 1500).map(xyz(0.5)) },
  ];
  const features = {
    a: cur_a,
    b: cur_b,
    ties: ties_2,
    small_u: smallCur,
    binary: binCur,
    // The same 100 values as golden's categorical current sample, sent as counts.
    cat_new: { counts: { A: 30, B: 30, C: 25, D: 10, E: 5 } },
    large: large.cur,
    cat_large: parkMiller(26, 1200).map(xyz(0.35)),
  };

  it("tests each feature with Evidently's default test and matches the reference values", () => {
    const w = monitorWindowCompute({ ...empty, features, reference });
    expect(w.drift.columns.map((c) => c.name)).toEqual(reference.map((r) => r.name));
    for (const c of w.drift.columns) {
      const want = extra.evidently_columns[c.name as keyof typeof extra.evidently_columns];
      expect(c.test).toBe(want.test);
      expectClose(c.score, want.score, P_VALUE_RTOL);
      expect(c.drifted).toBe(want.drift);
      expect(c.scoreKind).toBe(['ks', 'chisquare', 'z'].includes(want.test) ? 'p_value' : 'distance');
      if (c.scoreKind === 'p_value') expect(c.pValue).toBe(c.score);
      else expect(c).not.toHaveProperty('pValue');
    }
    expect(w.drift).toMatchObject({ driftedCount: 5, driftedShare: 5 / 8, datasetDrift: true, driftShare: 0.5, unmatched: [] });
    expect(w.drift.columns.find((c) => c.name === 'cat_new')).toMatchObject({ source: 'counts', referenceCount: 100, currentCount: 100 });
    expect(w.drift.columns.find((c) => c.name === 'a')).toMatchObject({ source: 'samples', referenceCount: ref_a.length, currentCount: cur_a.length });
  });

  it('uses the driftShare option for the window verdict', () => {
    const w = monitorWindowCompute({ ...empty, features, reference }, { driftShare: 0.7 });
    expect(w.drift).toMatchObject({ driftedShare: 5 / 8, datasetDrift: false, driftShare: 0.7 });
    expect(() => monitorWindowCompute(empty, { driftShare: 1.5 })).toThrow(code('OUT_OF_RANGE'));
  });

  it('leaves out features only one side has, or of another kind, and says why', () => {
    const w = monitorWindowCompute({
      ...empty,
      reference: [
        { name: 'a', kind: 'numerical', values: ref_a },
        { name: 'gone', kind: 'numerical', values: [1, 2, 3] },
        { name: 'text', kind: 'numerical', values: [1, 2, 3] },
        { name: 'hist', kind: 'categorical', values: ['x', 'y'] },
        { name: 'counted', kind: 'numerical', values: [1, 2] },
        { name: 'blank', kind: 'categorical', values: ['x'] },
        { name: 'unprofiled', kind: 'numerical', values: [null, null] },
      ],
      features: {
        a: cur_a,
        new_feature: [1, 2],
        text: [1, 'n/a', 3],
        hist: { histogram: { edges: [0, 1], counts: [4] } },
        counted: { counts: { '1': 4 } },
        blank: [null, '', null],
        unprofiled: [1, 2],
      },
    });
    expect(w.drift.columns.map((c) => c.name)).toEqual(['a']);
    expect(w.drift.driftedShare).toBe(1);
    expect(w.drift.unmatched).toEqual([
      { name: 'gone', reason: 'not_in_window', message: '"gone" is in the reference dataset but the window has no values for it' },
      { name: 'text', reason: 'kind_mismatch', message: '"text" is numerical in the reference dataset but the window holds the value "n/a" at features.text[1]' },
      { name: 'hist', reason: 'kind_mismatch', message: '"hist" is categorical in the reference dataset but the window holds a numerical histogram' },
      { name: 'counted', reason: 'kind_mismatch', message: '"counted" is numerical in the reference dataset but the window holds category counts' },
      { name: 'blank', reason: 'no_values', message: 'every value of "blank" in the window is missing' },
      { name: 'unprofiled', reason: 'no_reference_values', message: 'the reference column "unprofiled" has no values once missing ones are dropped' },
      { name: 'new_feature', reason: 'not_in_reference', message: '"new_feature" is not a column of the reference dataset, so it has nothing to drift from' },
    ]);
  });

  it('gives no share and no verdict when nothing could be compared', () => {
    const w = monitorWindowCompute({ ...empty, features: { x: [1] } });
    expect(w.drift).toEqual({
      columns: [],
      driftedCount: 0,
      driftedShare: null,
      datasetDrift: null,
      driftShare: 0.5,
      unmatched: [{ name: 'x', reason: 'not_in_reference', message: expect.any(String) }],
    });
  });

  it('reads numeric text in numerical features, and drops null, empty and non-finite cells', () => {
    const asText = cur_a.map((v) => String(v));
    const withGaps = [...cur_a, null, '', Number.NaN, Infinity];
    const ref = [{ name: 'a', kind: 'numerical' as const, values: ref_a }];
    const plain = monitorWindowCompute({ ...empty, reference: ref, features: { a: cur_a } }).drift.columns[0];
    expect(monitorWindowCompute({ ...empty, reference: ref, features: { a: asText } }).drift.columns[0]).toEqual(plain);
    expect(monitorWindowCompute({ ...empty, reference: ref, features: { a: withGaps } }).drift.columns[0]).toEqual(plain);
    expect(monitorWindowCompute({ ...empty, reference: ref, features: { a: Float64Array.from(cur_a) } }).drift.columns[0]).toEqual(plain);
  });

  it('compares categories as text, so 1 and "1" are one category', () => {
    const ref = [{ name: 'c', kind: 'categorical' as const, values: ['1', '2', '2', 'true'] }];
    const asNumbers = monitorWindowCompute({ ...empty, reference: ref, features: { c: [1, 2, 2, true as never] } }).drift.columns[0];
    const asText = monitorWindowCompute({ ...empty, reference: ref, features: { c: ['1', '2', '2', 'true'] } }).drift.columns[0];
    expect(asNumbers).toEqual(asText);
    expect(asText).toMatchObject({ test: 'chisquare', score: 1, drifted: false });
  });

  it('expands categorical counts exactly: the same result as the raw labels', () => {
    const ref = [{ name: 'c', kind: 'categorical' as const, values: repeat([['A', 50], ['B', 30], ['C', 15], ['D', 5]]) }];
    const raw = repeat([['A', 30], ['B', 30], ['C', 25], ['D', 10], ['E', 5]]);
    const fromCounts = monitorWindowCompute({ ...empty, reference: ref, features: { c: { counts: { E: 5, D: 10, C: 25, B: 30, A: 30, '': 7 } } } });
    const fromRaw = monitorWindowCompute({ ...empty, reference: ref, features: { c: raw } });
    expect({ ...fromCounts.drift.columns[0], source: 'samples' }).toEqual(fromRaw.drift.columns[0]);
    expect(fromCounts.drift.columns[0]?.currentCount).toBe(100);
  });

  it('reads a histogram as its bin midpoints repeated by their counts', () => {
    const ref = [{ name: 'x', kind: 'numerical' as const, values: parkMiller(31, 400, 10) }];
    const histogram = { edges: [0, 2, 4, 6, 8, 10], counts: [10, 30, 50, 30, 10] };
    const midpoints = histogram.counts.flatMap((n, i) => Array<number>(n).fill(2 * i + 1));
    const w = monitorWindowCompute({ ...empty, reference: ref, features: { x: { histogram } } });
    const direct = driftColumn(ref[0]!.values, midpoints, { kind: 'numerical' });
    expect(w.drift.columns[0]).toMatchObject({ source: 'histogram', test: direct.test, score: direct.score, drifted: direct.drifted, currentCount: 130 });
  });

  it('refuses malformed histograms and counts with the path to the problem', () => {
    const ref = [{ name: 'x', kind: 'numerical' as const, values: [1, 2, 3] }];
    const cat = [{ name: 'x', kind: 'categorical' as const, values: ['a'] }];
    const hist = (edges: number[], counts: number[]) => () => monitorWindowCompute({ ...empty, reference: ref, features: { x: { histogram: { edges, counts } } } });
    expect(hist([0, 1], [1, 2])).toThrow(/features\.x\.histogram has 2 edges and 2 counts/);
    expect(hist([0, 2, 1], [1, 2])).toThrow(/edges must increase: edges\[2\] = 1 follows 2/);
    expect(hist([0, Infinity], [1])).toThrow(code('NOT_FINITE'));
    expect(hist([0, 1, 2], [1, -2])).toThrow(/features\.x\.histogram\.counts\[1\] is -2/);
    expect(hist([0, 1], [0.5])).toThrow(code('NEGATIVE_COUNT'));
    expect(hist([0, 1], [MONITOR_EXPAND_LIMIT + 1])).toThrow(/send a sample of the window/);
    expect(() => monitorWindowCompute({ ...empty, reference: cat, features: { x: { counts: { a: -1 } } } })).toThrow(/features\.x\.counts\["a"\]/);
    expect(() => monitorWindowCompute({ ...empty, reference: ref, features: { x: { values: [1] } as never } })).toThrow(code('INVALID_VALUE'));
    expect(() => monitorWindowCompute({ ...empty, reference: ref, features: { x: [1, { v: 2 } as never] } })).toThrow(/features\.x\[1\]/);
  });

  it('refuses a malformed reference', () => {
    const run = (reference: unknown[]) => () => monitorWindowCompute({ ...empty, reference: reference as MonitorReferenceColumn[] });
    expect(run([{ name: 'a', kind: 'numerical', values: [1] }, { name: 'a', kind: 'numerical', values: [2] }])).toThrow('reference lists the column "a" twice');
    expect(run([{ name: 'a', kind: 'ordinal', values: [1] }])).toThrow(code('INVALID_OPTION'));
    expect(run([{ kind: 'numerical', values: [1] }])).toThrow(/reference\[0\] must be/);
    expect(() => monitorWindowCompute({ ...empty, reference: [{ name: 'a', kind: 'numerical', values: [1, 'x'] }], features: { a: [1] } })).toThrow(
      /reference column "a" is numerical but holds the value "x"/,
    );
    expect(() => monitorWindowCompute({ ...empty, reference: 'a' as never })).toThrow(code('INVALID_VALUE'));
  });
});

describe('monitorScoreKind', () => {
  it('calls ks, chisquare and z p-values and the rest distances', () => {
    expect((['ks', 'chisquare', 'z'] as const).map(monitorScoreKind)).toEqual(['p_value', 'p_value', 'p_value']);
    expect((['wasserstein', 'jensenshannon', 'psi', 'kl_div'] as const).map(monitorScoreKind)).toEqual(['distance', 'distance', 'distance', 'distance']);
  });
});
