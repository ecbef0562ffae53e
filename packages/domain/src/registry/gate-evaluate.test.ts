import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GateCheckResult, type GateContext, gateEvaluate, type GateEvidence, gateEvidenceDigest } from './gate-evaluate';
import type { GateCheck } from './gates';

const APPROVALS = [{ role: 'mlops_engineer' as const, count: 1 }];
function one(check: GateCheck, evidence: GateEvidence, context: GateContext = {}): GateCheckResult {
  const r = gateEvaluate({ checks: [check], approvals: APPROVALS }, evidence, context);
  expect(r.results).toHaveLength(1);
  expect(r.passed).toBe(r.results[0]?.status === 'pass');
  return r.results[0] as GateCheckResult;
}

describe('metric checks', () => {
  const auc: GateCheck = { kind: 'metric', id: 'auc-floor', metric: 'auc', op: '>=', threshold: 0.85 };

  it('passes at or above the threshold and fails below it', () => {
    expect(one(auc, { metrics: { auc: 0.85 } })).toMatchObject({ id: 'auc-floor', kind: 'metric', description: 'auc ≥ 0.85', status: 'pass', value: 0.85, threshold: 0.85 });
    expect(one(auc, { metrics: { auc: 0.8 } })).toMatchObject({ status: 'fail', value: 0.8, detail: 'auc is 0.8, needs ≥ 0.85' });
    expect(one({ ...auc, op: '>' }, { metrics: { auc: 0.85 } }).status).toBe('fail');
    expect(one({ ...auc, metric: 'loss', op: '<', threshold: 0.3 }, { metrics: { loss: 0.29 } }).status).toBe('pass');
  });

  it('shows a value in full when rounding would make it look like the threshold', () => {
    expect(one(auc, { metrics: { auc: 0.8499999999 } }).detail).toBe('auc is 0.8499999999, needs ≥ 0.85');
  });

  it('says exactly what to post when the metric is missing', () => {
    expect(one(auc, {})).toEqual({
      id: 'auc-floor',
      kind: 'metric',
      description: 'auc ≥ 0.85',
      status: 'missing',
      value: null,
      threshold: 0.85,
      detail: 'post metrics.auc on the evaluation set (quorum gate report, or the gates.report API)',
    });
    expect(one(auc, { metrics: { f1: 0.9 } }).status).toBe('missing');
    expect(one(auc, { metrics: { auc: NaN } })).toMatchObject({ status: 'missing', detail: expect.stringMatching(/^metrics\.auc is NaN; post a finite value/) });
  });
});

describe('champion checks', () => {
  const beat: GateCheck = { kind: 'champion', id: 'beat-prod', metric: 'auc', alias: 'production', minDelta: 0.01, higherIsBetter: true };
  const prod = (auc: number | undefined, evalDatasetId: number | null = 4): GateContext => ({
    champions: { production: { version: 3, metrics: auc === undefined ? {} : { auc }, evalDatasetId } },
  });

  it('passes when nobody holds the alias yet', () => {
    expect(one(beat, {}, { champions: { production: null } })).toMatchObject({ status: 'pass', value: null, detail: 'no champion under alias production yet' });
  });

  it('is missing, not passed, when the server did not look the alias up', () => {
    expect(one(beat, { metrics: { auc: 0.9 } }, {}).status).toBe('missing');
    expect(one(beat, { metrics: { auc: 0.9 } }, { champions: { staging: null } }).status).toBe('missing');
  });

  it('compares candidate minus champion when higher is better', () => {
    const r = one(beat, { metrics: { auc: 0.9 }, evalDatasetId: 4 }, prod(0.85));
    expect(r.status).toBe('pass');
    expect(r.value).toBeCloseTo(0.05, 12);
    expect(r.threshold).toBe(0.01);
    expect(r.detail).toBe('auc 0.9 vs 0.85 for v3 under production: better by 0.05; needs auc at least 0.01 above production');
    expect(one(beat, { metrics: { auc: 0.855 }, evalDatasetId: 4 }, prod(0.85)).status).toBe('fail');
    expect(one(beat, { metrics: { auc: 0.8 }, evalDatasetId: 4 }, prod(0.85)).detail).toMatch(/worse by 0\.05/);
  });

  it('passes a candidate exactly minDelta better despite floating-point subtraction', () => {
    expect(0.57 - 0.56).toBeLessThan(0.01);
    expect(one(beat, { metrics: { auc: 0.57 }, evalDatasetId: 4 }, prod(0.56)).status).toBe('pass');
    expect(one(beat, { metrics: { auc: 0.5699 }, evalDatasetId: 4 }, prod(0.56)).status).toBe('fail');
  });

  it('compares champion minus candidate when lower is better, and allows a bounded regression', () => {
    const rmse: GateCheck = { kind: 'champion', id: 'rmse', metric: 'rmse', alias: 'production', minDelta: 0.5, higherIsBetter: false };
    const ctx = { champions: { production: { version: 2, metrics: { rmse: 1.5 }, evalDatasetId: 4 } } };
    expect(one(rmse, { metrics: { rmse: 1.0 }, evalDatasetId: 4 }, ctx)).toMatchObject({ status: 'pass', value: 0.5 });
    expect(one(rmse, { metrics: { rmse: 1.2 }, evalDatasetId: 4 }, ctx).status).toBe('fail');
    const tolerant = { ...rmse, minDelta: -0.1 };
    expect(one(tolerant, { metrics: { rmse: 1.55 }, evalDatasetId: 4 }, ctx).status).toBe('pass');
    expect(one(tolerant, { metrics: { rmse: 1.7 }, evalDatasetId: 4 }, ctx).status).toBe('fail');
  });

  it('fails when the champion was evaluated on a different dataset, or on an unknown one', () => {
    const r = one(beat, { metrics: { auc: 0.99 }, evalDatasetId: 5 }, prod(0.85, 4));
    expect(r).toMatchObject({ status: 'fail', value: null });
    expect(r.detail).toBe('this version was evaluated on dataset #5 but v3 under production on dataset #4; auc on different data is not comparable, so evaluate both on the same dataset');
    expect(one(beat, { metrics: { auc: 0.99 }, evalDatasetId: 5 }, prod(0.85, null))).toMatchObject({ status: 'fail', detail: expect.stringMatching(/has no recorded evaluation dataset/) });
  });

  it('is missing when the candidate has no metric or dataset, or the champion has no metric', () => {
    expect(one(beat, { evalDatasetId: 4 }, prod(0.85)).detail).toBe('post metrics.auc on the evaluation set (quorum gate report, or the gates.report API) to compare with v3 under production');
    expect(one(beat, { metrics: { auc: 0.9 } }, prod(0.85)).detail).toBe('post evalDatasetId, the dataset metrics.auc was measured on, to compare with v3 under production');
    expect(one(beat, { metrics: { auc: 0.9 }, evalDatasetId: 4 }, prod(undefined))).toMatchObject({
      status: 'missing',
      detail: 'v3 under production has no auc; post metrics.auc for version 3 on dataset #4',
    });
  });
});

describe('fairness checks', () => {
  // F: selects 2 of 5 (0.4); TPR 1/2; FPR 1/3.   M: selects 4 of 5 (0.8); TPR 3/3; FPR 1/2.
  // Demographic parity difference 0.8 − 0.4 = 0.4; equal opportunity difference 1 − 0.5 = 0.5;
  // equalized odds difference max(0.5, 1/2 − 1/3) = 0.5; disparate impact of F = 0.4 / 0.8 = 0.5.
  const gender = {
    yTrue: [1, 1, 0, 0, 0, 1, 1, 1, 0, 0] as (0 | 1)[],
    yPred: [1, 0, 1, 0, 0, 1, 1, 1, 1, 0] as (0 | 1)[],
    group: ['F', 'F', 'F', 'F', 'F', 'M', 'M', 'M', 'M', 'M'],
  };
  const check = (measure: Extract<GateCheck, { kind: 'fairness' }>['measure'], threshold: number): GateCheck => ({
    kind: 'fairness',
    id: measure,
    attribute: 'gender',
    measure,
    op: measure === 'disparate_impact_min' ? '>=' : '<=',
    threshold,
  });

  it('computes each measure and the per-group numbers by hand', () => {
    const dpd = one(check('demographic_parity_difference', 0.1), { fairness: { gender } });
    expect(dpd.status).toBe('fail');
    expect(dpd.value).toBeCloseTo(0.4, 12);
    expect(dpd.detail).toBe('demographic parity difference on gender is 0.4 (selection rate 0.4 for F vs 0.8 for M), needs ≤ 0.1');
    expect(dpd.groups).toHaveLength(2);
    const [f, m] = dpd.groups ?? [];
    expect(f?.group).toBe('F');
    expect(f?.selectionRate).toBeCloseTo(0.4, 12);
    expect(f?.tpr).toBeCloseTo(0.5, 12);
    expect(f?.fpr).toBeCloseTo(1 / 3, 12);
    expect(f?.disparateImpact).toBeCloseTo(0.5, 12);
    expect(m).toEqual({ group: 'M', selectionRate: 0.8, tpr: 1, fpr: 0.5, disparateImpact: 1 });

    expect(one(check('equal_opportunity_difference', 0.5), { fairness: { gender } })).toMatchObject({ status: 'pass', value: 0.5 });
    const eod = one(check('equalized_odds_difference', 0.4), { fairness: { gender } });
    expect(eod).toMatchObject({ status: 'fail', value: 0.5 });
    expect(eod.detail).toMatch(/true positive rate 0\.5 for F vs 1 for M/);
  });

  it('bounds the lowest disparate impact ratio from below', () => {
    const di = one(check('disparate_impact_min', 0.8), { fairness: { gender } });
    expect(di.status).toBe('fail');
    expect(di.value).toBeCloseTo(0.5, 12);
    expect(di.detail).toBe('lowest disparate impact ratio on gender is 0.5 (F is selected at 0.5 times the rate of M), needs ≥ 0.8');
    expect(one(check('disparate_impact_min', 0.5), { fairness: { gender } }).status).toBe('pass');
  });

  it('fails disparate impact when no group is ever selected', () => {
    const none = { ...gender, yPred: gender.yPred.map((): 0 => 0) };
    const r = one(check('disparate_impact_min', 0.8), { fairness: { gender: none } });
    expect(r).toMatchObject({ status: 'fail', value: null, detail: 'no group of gender is ever selected, so disparate impact is undefined' });
    expect(r.groups?.map((g) => g.disparateImpact)).toEqual([null, null]);
  });

  it('is missing without rows, with unusable rows, or with a single group', () => {
    const dpd = check('demographic_parity_difference', 0.1);
    expect(one(dpd, {}).detail).toBe('post fairness.gender: yTrue, yPred and the gender group of every row of the evaluation set (quorum gate report, or the gates.report API)');
    expect(one(dpd, { fairness: { age: gender } }).status).toBe('missing');
    const short = one(dpd, { fairness: { gender: { ...gender, group: ['F'] } } });
    expect(short).toMatchObject({ status: 'missing', detail: expect.stringMatching(/^fairness\.gender is unusable \(group has 1 rows but yTrue has 10\)/) });
    const single = one(dpd, { fairness: { gender: { ...gender, group: gender.group.map(() => 'F') } } });
    expect(single).toMatchObject({ status: 'missing', detail: expect.stringMatching(/only one group \(F\)/) });
  });
});

describe('latency checks', () => {
  const latencyMs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('uses numpy linear percentiles', () => {
    // (n − 1)·0.95 = 8.55: 90 + 0.55·(100 − 90) = 95.5; numpy.percentile gives 95.49999999999999 too.
    const p95 = one({ kind: 'latency', id: 'p95', percentile: 95, maxMs: 96 }, { latencyMs });
    expect(p95).toMatchObject({ status: 'pass', value: 95.49999999999999, threshold: 96 });
    expect(one({ kind: 'latency', id: 'p95', percentile: 95, maxMs: 95 }, { latencyMs })).toMatchObject({
      status: 'fail',
      detail: 'p95 latency is 95.5 ms over 10 requests, needs ≤ 95 ms',
    });
    expect(one({ kind: 'latency', id: 'p50', percentile: 50, maxMs: 60 }, { latencyMs }).value).toBe(55);
  });

  it('is missing without usable samples', () => {
    const p95: GateCheck = { kind: 'latency', id: 'p95', percentile: 95, maxMs: 50 };
    expect(one(p95, {}).detail).toMatch(/^post latencyMs: one response time in milliseconds per request/);
    expect(one(p95, { latencyMs: [] }).status).toBe('missing');
    expect(one(p95, { latencyMs: [1, NaN] })).toMatchObject({ status: 'missing', detail: expect.stringMatching(/^latencyMs is unusable/) });
  });
});

describe('drift checks', () => {
  const drift: GateCheck = { kind: 'drift', id: 'drift-train', reference: 'training', maxDriftedShare: 0.5 };

  it('passes at or under the allowed share and fails above it', () => {
    expect(one(drift, { evalDatasetId: 4 }, { drift: { 'drift-train': { share: 0.5, driftedCount: 5, columns: 10 } } })).toMatchObject({
      status: 'pass',
      value: 0.5,
      detail: '5 of 10 columns drifted vs the training data (50%), needs at most 50%',
    });
    expect(one(drift, { evalDatasetId: 4 }, { drift: { 'drift-train': { share: 0.6, driftedCount: 6, columns: 10 } } }).status).toBe('fail');
  });

  it('is missing when drift was not or could not be computed', () => {
    expect(one(drift, {}, {}).detail).toBe('post evalDatasetId, the dataset the version was evaluated on: drift compares it with the training data');
    expect(one(drift, { evalDatasetId: 4 }, {}).detail).toBe('drift vs the training data has not been computed; run the gate check again');
    const other: GateCheck = { ...drift, id: 'drift-ref', reference: { datasetId: 9 } };
    expect(one(other, { evalDatasetId: 4 }, { drift: { 'drift-ref': { error: 'dataset #9 has no profile' } } })).toMatchObject({
      status: 'missing',
      detail: 'drift vs dataset #9 could not be computed: dataset #9 has no profile',
    });
  });
});

describe('gateEvaluate', () => {
  it('passes a policy with no checks, and keeps results in policy order', () => {
    expect(gateEvaluate({ checks: [], approvals: APPROVALS }, {}, {})).toEqual({ passed: true, results: [] });
    const checks: GateCheck[] = [
      { kind: 'latency', id: 'z', percentile: 50, maxMs: 10 },
      { kind: 'metric', id: 'a', metric: 'auc', op: '>=', threshold: 0.5 },
    ];
    const r = gateEvaluate({ checks, approvals: APPROVALS }, { metrics: { auc: 0.9 }, latencyMs: [5] }, {});
    expect(r.passed).toBe(true);
    expect(r.results.map((x) => x.id)).toEqual(['z', 'a']);
    expect(gateEvaluate({ checks, approvals: APPROVALS }, { metrics: { auc: 0.9 } }, {}).passed).toBe(false);
  });

  const arbCheck: fc.Arbitrary<Omit<GateCheck, 'id'>> = fc.oneof(
    fc.record({ kind: fc.constant('metric' as const), metric: fc.constantFrom('auc', 'f1'), op: fc.constantFrom('>=' as const, '>' as const, '<=' as const, '<' as const), threshold: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('champion' as const), metric: fc.constantFrom('auc', 'f1'), alias: fc.constantFrom('production', 'staging'), minDelta: fc.double({ min: -0.1, max: 0.1, noNaN: true }), higherIsBetter: fc.boolean() }),
    fc.record({ kind: fc.constant('fairness' as const), attribute: fc.constantFrom('gender', 'age'), measure: fc.constantFrom('demographic_parity_difference' as const, 'equalized_odds_difference' as const, 'equal_opportunity_difference' as const), op: fc.constant('<=' as const), threshold: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('fairness' as const), attribute: fc.constantFrom('gender', 'age'), measure: fc.constant('disparate_impact_min' as const), op: fc.constant('>=' as const), threshold: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('drift' as const), reference: fc.constantFrom('training' as const, { datasetId: 3 }), maxDriftedShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('latency' as const), percentile: fc.integer({ min: 1, max: 100 }), maxMs: fc.integer({ min: 1, max: 300 }) }),
  );
  const bit = fc.constantFrom<0 | 1>(0, 1);
  const arbRows = fc
    .array(fc.tuple(bit, bit, fc.constantFrom('a', 'b', 'c')), { maxLength: 30 })
    .map((rows) => ({ yTrue: rows.map((r) => r[0]), yPred: rows.map((r) => r[1]), group: rows.map((r) => r[2]) }));
  const arbMetrics = fc.dictionary(fc.constantFrom('auc', 'f1'), fc.double({ min: 0, max: 1, noNaN: true }));
  const arbEvidence: fc.Arbitrary<GateEvidence> = fc.record(
    {
      metrics: arbMetrics,
      evalDatasetId: fc.option(fc.constantFrom(1, 2)),
      fairness: fc.dictionary(fc.constantFrom('gender', 'age'), arbRows),
      latencyMs: fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 20 }),
    },
    { requiredKeys: [] },
  );
  const arbContext: fc.Arbitrary<GateContext> = fc.record(
    {
      champions: fc.dictionary(fc.constantFrom('production', 'staging'), fc.option(fc.record({ version: fc.nat(9), metrics: arbMetrics, evalDatasetId: fc.option(fc.constantFrom(1, 2)) }))),
      drift: fc.dictionary(
        fc.constantFrom('c0', 'c1', 'c2', 'c3'),
        fc.oneof(fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), driftedCount: fc.nat(10), columns: fc.nat(10) }), fc.record({ error: fc.string() })),
      ),
    },
    { requiredKeys: [] },
  );

  it('passes exactly when every result passes, one result per check, never throwing', () => {
    fc.assert(
      fc.property(fc.array(arbCheck, { maxLength: 6 }), arbEvidence, arbContext, (raw, evidence, context) => {
        const checks = raw.map((c, i) => ({ ...c, id: `c${i}` }) as GateCheck);
        const r = gateEvaluate({ checks, approvals: APPROVALS }, evidence, context);
        expect(r.results.map((x) => x.id)).toEqual(checks.map((c) => c.id));
        expect(r.passed).toBe(r.results.every((x) => x.status === 'pass'));
        for (const x of r.results) if (x.status === 'missing') expect(x.value).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('gateEvidenceDigest', () => {
  it('sorts keys at every level and keeps array order', () => {
    const a: GateEvidence = { metrics: { f1: 0.7, auc: 0.9 }, latencyMs: [3, 1, 2], evalDatasetId: 4 };
    const b: GateEvidence = { evalDatasetId: 4, latencyMs: [3, 1, 2], metrics: { auc: 0.9, f1: 0.7 } };
    expect(gateEvidenceDigest(a)).toBe('{"evalDatasetId":4,"latencyMs":[3,1,2],"metrics":{"auc":0.9,"f1":0.7}}');
    expect(gateEvidenceDigest(b)).toBe(gateEvidenceDigest(a));
    expect(gateEvidenceDigest({ ...a, latencyMs: [1, 2, 3] })).not.toBe(gateEvidenceDigest(a));
  });
});
