import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERT_METRICS,
  ALERT_STATE_INITIAL,
  type AlertEvent,
  type AlertRule,
  type AlertState,
  type AlertStatus,
  type AlertWindow,
  alertBreaches,
  alertNext,
  alertRuleDescribe,
  alertRuleValidate,
  alertRuleValue,
} from './alerts';
import { evaluationMetrics } from './evaluation';
import { monitorWindowCompute } from './window';

describe('alertRuleValidate', () => {
  it('accepts a rule and fills in recoverAfter', () => {
    expect(alertRuleValidate({ metric: 'latency_p95', comparison: '>', threshold: 250, consecutive: 3 })).toEqual({
      ok: true,
      rule: { metric: 'latency_p95', comparison: '>', threshold: 250, consecutive: 3, recoverAfter: 1 },
    });
    expect(alertRuleValidate({ metric: 'feature_drift', feature: 'amount', comparison: '>=', threshold: 0.2, consecutive: 1, recoverAfter: 4 })).toEqual({
      ok: true,
      rule: { metric: 'feature_drift', feature: 'amount', comparison: '>=', threshold: 0.2, consecutive: 1, recoverAfter: 4 },
    });
  });

  it('accepts every metric with a threshold it can reach', () => {
    for (const metric of ALERT_METRICS) {
      const raw = { metric, comparison: '<', threshold: 0.5, consecutive: 1, ...(metric === 'feature_drift' ? { feature: 'f' } : {}) };
      expect(alertRuleValidate(raw).ok).toBe(true);
    }
  });

  it('names each bad field and what it accepts', () => {
    const r = alertRuleValidate({ metric: 'auc', comparison: '=', threshold: '0.9', consecutive: 0, recoverAfter: 1.5, window: 'day' });
    expect(r).toEqual({
      ok: false,
      errors: [
        'unknown field "window"; a rule has metric, feature, comparison, threshold, consecutive, recoverAfter',
        'metric must be one of accuracy, precision, recall, f1, mae, rmse, latency_p50, latency_p95, latency_p99, feature_drift, drifted_share, prediction_volume (got "auc")',
        'comparison must be one of > >= < <= (got "=")',
        'threshold must be a finite number (got "0.9")',
        'consecutive must be a whole number of windows, at least 1 (got 0)',
        'recoverAfter must be a whole number of windows, at least 1, or left out for 1 (got 1.5)',
      ],
    });
  });

  it('needs a feature for feature_drift, and only there', () => {
    expect(alertRuleValidate({ metric: 'feature_drift', comparison: '>', threshold: 0.1, consecutive: 1 })).toEqual({
      ok: false,
      errors: ['feature must name the feature to watch: feature_drift needs it (got nothing)'],
    });
    expect(alertRuleValidate({ metric: 'feature_drift', feature: '  ', comparison: '>', threshold: 0.1, consecutive: 1 }).ok).toBe(false);
    expect(alertRuleValidate({ metric: 'accuracy', feature: 'amount', comparison: '<', threshold: 0.9, consecutive: 1 })).toEqual({
      ok: false,
      errors: ['feature applies only to feature_drift; remove it for accuracy'],
    });
  });

  it('keeps thresholds within what the metric can take', () => {
    expect(alertRuleValidate({ metric: 'accuracy', comparison: '<', threshold: 90, consecutive: 1 })).toEqual({
      ok: false,
      errors: ['threshold must be from 0 to 1 for accuracy, which is a share (got 90)'],
    });
    expect(alertRuleValidate({ metric: 'drifted_share', comparison: '>', threshold: -0.1, consecutive: 1 }).ok).toBe(false);
    expect(alertRuleValidate({ metric: 'latency_p99', comparison: '>', threshold: -5, consecutive: 1 })).toEqual({
      ok: false,
      errors: ['threshold must be at least 0 for latency_p99, which is never negative (got -5)'],
    });
    expect(alertRuleValidate({ metric: 'mae', comparison: '>', threshold: Infinity, consecutive: 1 }).ok).toBe(false);
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, 'accuracy < 0.9', [], 3]) {
      const r = alertRuleValidate(raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]).toMatch(/^An alert rule is an object/);
    }
  });
});

describe('alertBreaches', () => {
  it.each([
    ['>', 1, false],
    ['>', 1.5, true],
    ['>=', 1, true],
    ['>=', 0.5, false],
    ['<', 1, false],
    ['<', 0.5, true],
    ['<=', 1, true],
    ['<=', 1.5, false],
  ] as const)('value %s 1 with value %s → %s', (comparison, value, want) => {
    expect(alertBreaches({ comparison, threshold: 1 }, value)).toBe(want);
  });
});

describe('alertRuleValue', () => {
  const window = monitorWindowCompute({
    latency: { samplesMs: [10, 20, 30, 40, 50] },
    predictions: [1, 0, 1],
    predictionCount: 1200,
    features: { amount: [5, 6, 7, 8, 9, 10, 11], country: ['fr', 'de'] },
    reference: [
      { name: 'amount', kind: 'numerical', values: [1, 2, 3, 4, 5, 6, 7] },
      { name: 'country', kind: 'categorical', values: ['fr', 'de'] },
    ],
  });
  const classified: AlertWindow = { ...window, evaluation: evaluationMetrics([{ predicted: 1, actual: 1 }, { predicted: 1, actual: 0 }, { predicted: 0, actual: 0 }, { predicted: 0, actual: 1 }]) };
  const regressed: AlertWindow = { ...window, evaluation: evaluationMetrics([{ predicted: 1.5, actual: 1 }, { predicted: 3, actual: 2 }]) };
  const value = (metric: AlertRule['metric'], w: AlertWindow, feature?: string) => alertRuleValue({ metric, feature }, w);

  it('reads latency percentiles, volume and drift from the window', () => {
    expect([value('latency_p50', window), value('latency_p95', window), value('latency_p99', window)]).toEqual([30, 48, 49.6]);
    expect(value('prediction_volume', window)).toBe(1200);
    expect(value('drifted_share', window)).toBe(window.drift.driftedShare);
    expect(value('feature_drift', window, 'amount')).toBe(window.drift.columns[0]?.score);
    expect(window.drift.columns[0]).toMatchObject({ test: 'ks', scoreKind: 'p_value' });
  });

  it('reads classification metrics once labels arrived, regression errors for regressors', () => {
    expect([value('accuracy', classified), value('precision', classified), value('recall', classified), value('f1', classified)]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect([value('mae', regressed), value('rmse', regressed)]).toEqual([0.75, Math.sqrt((0.25 + 1) / 2)]);
  });

  it('is null when the window cannot say', () => {
    expect(value('accuracy', window)).toBeNull();
    expect(value('accuracy', { ...window, evaluation: null })).toBeNull();
    expect(value('mae', classified)).toBeNull();
    expect(value('accuracy', regressed)).toBeNull();
    expect(value('feature_drift', window, 'age')).toBeNull();
    expect(value('latency_p95', { ...window, latency: null })).toBeNull();
    expect(value('drifted_share', { ...window, drift: null })).toBeNull();
    expect(value('drifted_share', { ...window, drift: { driftedShare: null, columns: [] } })).toBeNull();
  });
});

// One step: the state after an event and the effect, or the refusal.
type Step = [AlertStatus, number, number, 'open' | 'resolve' | null] | string;
const rule3x2 = { comparison: '>', threshold: 10, consecutive: 3, recoverAfter: 2 } as const;
const B = 11; // breaches: > 10
const K = 5; // within the threshold

function run(rule: Parameters<typeof alertNext>[2], events: (number | null | 'ack')[], from: AlertState = ALERT_STATE_INITIAL): Step[] {
  let state = from;
  return events.map((e) => {
    const event: AlertEvent = e === 'ack' ? { type: 'acknowledge' } : { type: 'window', value: e };
    const t = alertNext(state, event, rule);
    if (!t.ok) return t.reason;
    state = t.state;
    return [t.state.status, t.state.breachStreak, t.state.recoverStreak, t.effect];
  });
}

describe('alertNext', () => {
  it('from each status, for each kind of event (consecutive 3, recoverAfter 2)', () => {
    const cases: [AlertState, number | null | 'ack', Step][] = [
      [{ status: 'ok', breachStreak: 0, recoverStreak: 0 }, B, ['ok', 1, 0, null]],
      [{ status: 'ok', breachStreak: 2, recoverStreak: 0 }, B, ['open', 3, 0, 'open']],
      [{ status: 'ok', breachStreak: 2, recoverStreak: 0 }, K, ['ok', 0, 0, null]],
      [{ status: 'ok', breachStreak: 2, recoverStreak: 0 }, null, ['ok', 2, 0, null]],
      [{ status: 'ok', breachStreak: 0, recoverStreak: 0 }, 'ack', 'The alert is not firing: there is nothing to acknowledge'],
      [{ status: 'open', breachStreak: 3, recoverStreak: 0 }, B, ['open', 4, 0, null]],
      [{ status: 'open', breachStreak: 3, recoverStreak: 0 }, K, ['open', 0, 1, null]],
      [{ status: 'open', breachStreak: 0, recoverStreak: 1 }, K, ['ok', 0, 0, 'resolve']],
      [{ status: 'open', breachStreak: 0, recoverStreak: 1 }, B, ['open', 1, 0, null]],
      [{ status: 'open', breachStreak: 0, recoverStreak: 1 }, null, ['open', 0, 1, null]],
      [{ status: 'open', breachStreak: 3, recoverStreak: 0 }, 'ack', ['acknowledged', 3, 0, null]],
      [{ status: 'acknowledged', breachStreak: 3, recoverStreak: 0 }, B, ['acknowledged', 4, 0, null]],
      [{ status: 'acknowledged', breachStreak: 3, recoverStreak: 0 }, K, ['acknowledged', 0, 1, null]],
      [{ status: 'acknowledged', breachStreak: 0, recoverStreak: 1 }, K, ['ok', 0, 0, 'resolve']],
      [{ status: 'acknowledged', breachStreak: 0, recoverStreak: 1 }, null, ['acknowledged', 0, 1, null]],
      [{ status: 'acknowledged', breachStreak: 3, recoverStreak: 0 }, 'ack', 'The alert is already acknowledged'],
    ];
    for (const [from, event, want] of cases) expect(run(rule3x2, [event], from), `${from.status} ${from.breachStreak}/${from.recoverStreak} + ${event}`).toEqual([want]);
  });

  it.each<[string, Parameters<typeof alertNext>[2], (number | null | 'ack')[], Step[]]>([
    [
      'opens on the third breach in a row, resolves after two good windows',
      rule3x2,
      [B, B, K, B, B, B, B, K, B, K, K],
      [
        ['ok', 1, 0, null],
        ['ok', 2, 0, null],
        ['ok', 0, 0, null],
        ['ok', 1, 0, null],
        ['ok', 2, 0, null],
        ['open', 3, 0, 'open'],
        ['open', 4, 0, null],
        ['open', 0, 1, null],
        ['open', 1, 0, null],
        ['open', 0, 1, null],
        ['ok', 0, 0, 'resolve'],
      ],
    ],
    [
      'skips unknown windows without breaking either streak',
      rule3x2,
      [B, null, B, null, B, K, null, K],
      [
        ['ok', 1, 0, null],
        ['ok', 1, 0, null],
        ['ok', 2, 0, null],
        ['ok', 2, 0, null],
        ['open', 3, 0, 'open'],
        ['open', 0, 1, null],
        ['open', 0, 1, null],
        ['ok', 0, 0, 'resolve'],
      ],
    ],
    [
      'needs a fresh run of breaches to fire again after resolving',
      { comparison: '<', threshold: 0.9, consecutive: 2, recoverAfter: 1 },
      [0.8, 0.8, 0.95, 0.8, 0.95, 0.8, 0.8],
      [
        ['ok', 1, 0, null],
        ['open', 2, 0, 'open'],
        ['ok', 0, 0, 'resolve'],
        ['ok', 1, 0, null],
        ['ok', 0, 0, null],
        ['ok', 1, 0, null],
        ['open', 2, 0, 'open'],
      ],
    ],
    [
      'fires and resolves on single windows with consecutive 1 and the default recoverAfter',
      { comparison: '>=', threshold: 0.2, consecutive: 1 },
      [0.2, 0.1, 0.3, 0.3, 0.19],
      [
        ['open', 1, 0, 'open'],
        ['ok', 0, 0, 'resolve'],
        ['open', 1, 0, 'open'],
        ['open', 2, 0, null],
        ['ok', 0, 0, 'resolve'],
      ],
    ],
    [
      'keeps an acknowledged alert quiet until it recovers',
      { comparison: '>', threshold: 100, consecutive: 1, recoverAfter: 2 },
      [150, 'ack', 'ack', 150, 50, 150, 50, 50, 'ack'],
      [
        ['open', 1, 0, 'open'],
        ['acknowledged', 1, 0, null],
        'The alert is already acknowledged',
        ['acknowledged', 2, 0, null],
        ['acknowledged', 0, 1, null],
        ['acknowledged', 1, 0, null],
        ['acknowledged', 0, 1, null],
        ['ok', 0, 0, 'resolve'],
        'The alert is not firing: there is nothing to acknowledge',
      ],
    ],
    ['treats NaN as an unknown window', rule3x2, [B, Number.NaN, B], [['ok', 1, 0, null], ['ok', 1, 0, null], ['ok', 2, 0, null]]],
  ])('%s', (_name, rule, events, want) => {
    expect(run(rule, events)).toEqual(want);
  });

  it('alternates open and resolve, and opens only after `consecutive` breaches among known windows', () => {
    const events = fc.array(fc.oneof(fc.constant<number | null>(null), fc.integer({ min: 0, max: 20 })), { maxLength: 80 });
    const rules = fc.record({ consecutive: fc.integer({ min: 1, max: 4 }), recoverAfter: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(events, rules, (values, r) => {
        const rule = { comparison: '>' as const, threshold: 10, ...r };
        let state = ALERT_STATE_INITIAL;
        let firing = false;
        const known: number[] = [];
        for (const value of values) {
          const t = alertNext(state, { type: 'window', value }, rule);
          if (!t.ok) return false;
          if (value !== null) known.push(value);
          if (t.effect === 'open') {
            if (firing || !known.slice(-rule.consecutive).every((v) => v > 10) || known.length < rule.consecutive) return false;
            firing = true;
          }
          if (t.effect === 'resolve') {
            if (!firing || !known.slice(-rule.recoverAfter).every((v) => v <= 10)) return false;
            firing = false;
          }
          if ((t.state.status !== 'ok') !== firing) return false;
          state = t.state;
        }
        return true;
      }),
    );
  });

  it('refuses unknown statuses and events, and rules without a valid count', () => {
    expect(alertNext({ status: 'closed' as AlertStatus, breachStreak: 0, recoverStreak: 0 }, { type: 'window', value: 1 }, rule3x2)).toEqual({
      ok: false,
      reason: 'Unknown alert status "closed"',
    });
    expect(alertNext(ALERT_STATE_INITIAL, { type: 'mute' } as unknown as AlertEvent, rule3x2)).toEqual({ ok: false, reason: 'Unknown alert event "mute"' });
    expect(() => alertNext(ALERT_STATE_INITIAL, { type: 'window', value: 1 }, { ...rule3x2, consecutive: 0 })).toThrow(/consecutive is 0/);
    expect(() => alertNext(ALERT_STATE_INITIAL, { type: 'window', value: 1 }, { ...rule3x2, recoverAfter: 0.5 })).toThrow(/recoverAfter is 0.5/);
  });

  it('does not change the state it was given', () => {
    const state = { status: 'ok' as const, breachStreak: 2, recoverStreak: 0 };
    alertNext(state, { type: 'window', value: B }, rule3x2);
    expect(state).toEqual({ status: 'ok', breachStreak: 2, recoverStreak: 0 });
  });
});

describe('alertRuleDescribe', () => {
  it('reads the rule as a sentence with units', () => {
    expect(alertRuleDescribe({ metric: 'latency_p95', comparison: '>', threshold: 250, consecutive: 3 })).toBe('p95 latency > 250 ms for 3 windows in a row');
    expect(alertRuleDescribe({ metric: 'feature_drift', feature: 'amount', comparison: '>=', threshold: 0.2, consecutive: 1 })).toBe('drift on `amount` >= 0.2');
    expect(alertRuleDescribe({ metric: 'drifted_share', comparison: '>=', threshold: 0.5, consecutive: 1 })).toBe('share of drifted features >= 50%');
    expect(alertRuleDescribe({ metric: 'f1', comparison: '<', threshold: 0.8, consecutive: 2 })).toBe('F1 < 0.8 for 2 windows in a row');
  });
});
