import { describe, expect, it } from 'vitest';
import { GATE_POLICY_DEFAULT, type GateCheck, gateCheckDescribe, type GatePolicy, gatePolicyValidate } from './gates';

const FULL: GatePolicy = {
  checks: [
    { kind: 'metric', id: 'auc-floor', metric: 'auc', op: '>=', threshold: 0.85 },
    { kind: 'champion', id: 'beat-prod', metric: 'auc', alias: 'production', minDelta: 0.01, higherIsBetter: true },
    { kind: 'fairness', id: 'dpd-gender', attribute: 'gender', measure: 'demographic_parity_difference', op: '<=', threshold: 0.1 },
    { kind: 'fairness', id: 'di-gender', attribute: 'gender', measure: 'disparate_impact_min', op: '>=', threshold: 0.8 },
    { kind: 'drift', id: 'drift-train', reference: 'training', maxDriftedShare: 0.5 },
    { kind: 'drift', id: 'drift-ref', reference: { datasetId: 12 }, maxDriftedShare: 0.3 },
    { kind: 'latency', id: 'p95', percentile: 95, maxMs: 50 },
  ],
  approvals: [
    { role: 'mlops_engineer', count: 1 },
    { role: 'compliance_lead', count: 2 },
  ],
};

function errorsOf(p: unknown): string[] {
  const r = gatePolicyValidate(p);
  if (r.ok) throw new Error('expected the policy to be refused');
  return r.errors;
}

const withCheck = (check: Record<string, unknown>) => ({ checks: [check], approvals: [{ role: 'admin', count: 1 }] });

describe('gatePolicyValidate', () => {
  it('accepts a policy with every kind of check and returns an equal copy', () => {
    const r = gatePolicyValidate(JSON.parse(JSON.stringify(FULL)));
    expect(r).toEqual({ ok: true, policy: FULL });
  });

  it('accepts the default policy', () => {
    expect(gatePolicyValidate(GATE_POLICY_DEFAULT)).toEqual({ ok: true, policy: { checks: [], approvals: [{ role: 'mlops_engineer', count: 1 }] } });
  });

  it('refuses what is not a policy object', () => {
    expect(errorsOf(null)).toEqual(['A gate policy is an object with "checks" and "approvals" (got null)']);
    expect(errorsOf([])[0]).toMatch(/is an object/);
    expect(errorsOf({ approvals: [{ role: 'admin', count: 1 }] })).toEqual(['checks must be a list of checks, [] for none (got nothing)']);
    expect(errorsOf({ checks: [], approvals: [], extra: 1 })).toEqual([
      'policy: unknown field "extra"',
      'approvals must list at least one role: every promotion needs someone other than the requester to sign off',
    ]);
  });

  it('names the check by index and id in every error', () => {
    expect(errorsOf(withCheck({ kind: 'metric', id: 'auc-floor', metric: 'auc', op: '=>', threshold: '0.8' }))).toEqual([
      'checks[0] "auc-floor": op must be one of >=, >, <=, < (got "=>")',
      'checks[0] "auc-floor": threshold must be a finite number (got "0.8")',
    ]);
    expect(errorsOf(withCheck({ kind: 'metric', metric: 'auc', op: '>=', threshold: 1 }))).toEqual(['checks[0]: id must be a non-empty text (got nothing)']);
    expect(errorsOf(withCheck({ kind: 'gpu', id: 'x' }))).toEqual(['checks[0] "x": kind must be one of metric, champion, fairness, drift, latency (got "gpu")']);
    expect(errorsOf({ checks: [7], approvals: [{ role: 'admin', count: 1 }] })).toEqual(['checks[0]: a check is an object with a kind and an id (got 7)']);
  });

  it('refuses non-finite thresholds and unknown fields', () => {
    expect(errorsOf(withCheck({ kind: 'metric', id: 'm', metric: 'auc', op: '>', threshold: Infinity }))).toEqual(['checks[0] "m": threshold must be a finite number (got Infinity)']);
    expect(errorsOf(withCheck({ kind: 'metric', id: 'm', metric: 'auc', op: '>', threshold: NaN }))[0]).toMatch(/threshold must be a finite number/);
    expect(errorsOf(withCheck({ kind: 'metric', id: 'm', metric: 'auc', op: '>', threshold: 0.8, treshold: 0.9 }))).toEqual(['checks[0] "m": unknown field "treshold"']);
    expect(errorsOf(withCheck({ kind: 'champion', id: 'c', metric: 'auc', alias: 'production', minDelta: NaN, higherIsBetter: 'yes' }))).toEqual([
      'checks[0] "c": minDelta must be a finite number (got NaN)',
      'checks[0] "c": higherIsBetter must be true or false (got "yes")',
    ]);
  });

  it('refuses duplicate check ids', () => {
    const m = { kind: 'metric', id: 'auc', metric: 'auc', op: '>=', threshold: 0.8 };
    expect(errorsOf({ checks: [m, { ...m, threshold: 0.9 }], approvals: [{ role: 'admin', count: 1 }] })).toEqual(['check id "auc" is used twice; ids must be unique']);
  });

  it('keeps latency percentiles in (0, 100] and budgets positive', () => {
    const lat = (percentile: unknown, maxMs: unknown = 50) => withCheck({ kind: 'latency', id: 'lat', percentile, maxMs });
    expect(gatePolicyValidate(lat(100)).ok).toBe(true);
    expect(gatePolicyValidate(lat(99.9)).ok).toBe(true);
    expect(errorsOf(lat(0))).toEqual(['checks[0] "lat": percentile must be a number above 0 and at most 100 (got 0)']);
    expect(errorsOf(lat(101))).toHaveLength(1);
    expect(errorsOf(lat(95, 0))).toEqual(['checks[0] "lat": maxMs must be a positive number of milliseconds (got 0)']);
  });

  it('bounds fairness ratios from below and differences from above', () => {
    const fair = (measure: string, op: string, threshold = 0.8) => withCheck({ kind: 'fairness', id: 'f', attribute: 'gender', measure, op, threshold });
    expect(errorsOf(fair('disparate_impact_min', '<='))).toEqual(['checks[0] "f": op must be ">=" for disparate_impact_min (got "<=")']);
    expect(errorsOf(fair('equalized_odds_difference', '>=', 0.1))).toEqual(['checks[0] "f": op must be "<=" for equalized_odds_difference (got ">=")']);
    expect(errorsOf(fair('equal_opportunity_difference', '<=', 1.5))).toEqual(['checks[0] "f": threshold must be a number from 0 to 1 (got 1.5)']);
    expect(errorsOf(fair('parity', '<='))[0]).toMatch(/measure must be one of demographic_parity_difference/);
  });

  it('refuses a champion alias that could never exist, since it would pass forever', () => {
    const champ = withCheck({ kind: 'champion', id: 'c', metric: 'auc', alias: 'Production', minDelta: 0, higherIsBetter: true });
    expect(errorsOf(champ)).toEqual(['checks[0] "c": alias must be an alias name: lowercase letters, digits, _ or -, starting with a letter (got "Production")']);
  });

  it('checks drift references and shares', () => {
    const drift = (reference: unknown, maxDriftedShare: unknown = 0.5) => withCheck({ kind: 'drift', id: 'd', reference, maxDriftedShare });
    expect(errorsOf(drift('production'))).toEqual(['checks[0] "d": reference must be "training" or { "datasetId": <positive integer> } (got "production")']);
    expect(errorsOf(drift({ datasetId: 0 }))).toHaveLength(1);
    expect(errorsOf(drift({ datasetId: 3, extra: 1 }))).toHaveLength(1);
    expect(errorsOf(drift('training', 1.2))).toEqual(['checks[0] "d": maxDriftedShare must be a share from 0 to 1 (got 1.2)']);
  });

  it('checks approval roles and counts', () => {
    expect(errorsOf({ checks: [], approvals: [{ role: 'ml_engineer', count: 1 }] })).toEqual([
      'approvals[0]: role must be one of data_scientist, mlops_engineer, data_engineer, platform_engineer, product_owner, compliance_lead, admin (got "ml_engineer")',
    ]);
    expect(errorsOf({ checks: [], approvals: [{ role: 'admin', count: 0 }] })).toEqual(['approvals[0]: count must be a whole number of at least 1 (got 0)']);
    expect(errorsOf({ checks: [], approvals: [{ role: 'admin', count: 1.5 }] })).toHaveLength(1);
    expect(errorsOf({ checks: [], approvals: [{ role: 'admin', count: 1 }, { role: 'admin', count: 2 }] })).toEqual(['approvals[1]: admin is listed twice; give one count per role']);
    expect(errorsOf({ checks: [], approvals: ['admin'] })).toEqual(['approvals[0]: an approval is { "role": ..., "count": ... } (got "admin")']);
  });

  it('collects every error at once', () => {
    const errors = errorsOf({
      checks: [
        { kind: 'metric', id: 'a', metric: '', op: '>=', threshold: 1 },
        { kind: 'latency', id: 'b', percentile: 0, maxMs: -1 },
      ],
      approvals: [{ role: 'nobody', count: 0 }],
    });
    expect(errors).toHaveLength(5);
  });
});

describe('gateCheckDescribe', () => {
  const cases: [GateCheck, string][] = [
    [{ kind: 'metric', id: 'a', metric: 'auc', op: '>=', threshold: 0.85 }, 'auc ≥ 0.85'],
    [{ kind: 'metric', id: 'a', metric: 'log_loss', op: '<', threshold: 0.3 }, 'log_loss < 0.3'],
    [{ kind: 'champion', id: 'c', metric: 'auc', alias: 'champion', minDelta: 0.01, higherIsBetter: true }, 'auc at least 0.01 above champion'],
    [{ kind: 'champion', id: 'c', metric: 'rmse', alias: 'production', minDelta: 0.5, higherIsBetter: false }, 'rmse at least 0.5 below production'],
    [{ kind: 'champion', id: 'c', metric: 'auc', alias: 'production', minDelta: -0.005, higherIsBetter: true }, 'auc at most 0.005 below production'],
    [{ kind: 'champion', id: 'c', metric: 'auc', alias: 'production', minDelta: 0, higherIsBetter: true }, 'auc no worse than production'],
    [{ kind: 'fairness', id: 'f', attribute: 'gender', measure: 'demographic_parity_difference', op: '<=', threshold: 0.1 }, 'demographic parity difference on gender ≤ 0.1'],
    [{ kind: 'fairness', id: 'f', attribute: 'age', measure: 'disparate_impact_min', op: '>=', threshold: 0.8 }, 'lowest disparate impact ratio on age ≥ 0.8'],
    [{ kind: 'drift', id: 'd', reference: 'training', maxDriftedShare: 0.5 }, 'at most 50% of columns drifted vs training data'],
    [{ kind: 'drift', id: 'd', reference: { datasetId: 7 }, maxDriftedShare: 1 / 3 }, 'at most 33.3% of columns drifted vs dataset #7'],
    [{ kind: 'latency', id: 'l', percentile: 95, maxMs: 50 }, 'p95 latency ≤ 50 ms'],
    [{ kind: 'latency', id: 'l', percentile: 99.9, maxMs: 250 }, 'p99.9 latency ≤ 250 ms'],
  ];
  it.each(cases)('describes %j', (check, text) => {
    expect(gateCheckDescribe(check)).toBe(text);
  });
});
