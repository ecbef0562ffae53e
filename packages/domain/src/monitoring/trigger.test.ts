import { describe, expect, it } from 'vitest';
import type { AlertRule } from './alerts';
import { type RetrainTriggerInput, monitorTimeText, retrainReason, retrainTriggerPayload, triggerAllowed } from './trigger';

const HOUR = 3_600_000;
const nov20 = Date.UTC(2026, 10, 20);
const nov21 = Date.UTC(2026, 10, 21);
const driftRule: AlertRule = { metric: 'feature_drift', feature: 'amount', comparison: '>', threshold: 0.2, consecutive: 1 };

describe('triggerAllowed', () => {
  it('allows the first trigger, then one per cool-down', () => {
    expect(triggerAllowed(null, nov20, 24 * HOUR)).toBe(true);
    expect(triggerAllowed(nov20, nov20 + 23 * HOUR, 24 * HOUR)).toBe(false);
    expect(triggerAllowed(nov20, nov20 + 24 * HOUR, 24 * HOUR)).toBe(true);
    expect(triggerAllowed(nov20, nov20, 0)).toBe(true);
  });

  it('counts a last trigger dated in the future as recent', () => {
    expect(triggerAllowed(nov20 + HOUR, nov20, 0)).toBe(false);
  });

  it('refuses times that are not numbers and a negative cool-down', () => {
    expect(() => triggerAllowed(null, Number.NaN, 0)).toThrow(/now is NaN/);
    expect(() => triggerAllowed(Number.NaN, nov20, 0)).toThrow(/lastTriggeredAt is NaN/);
    expect(() => triggerAllowed(null, nov20, -1)).toThrow(/cooldownMs is -1/);
  });
});

describe('monitorTimeText', () => {
  it('writes UTC to the minute, with seconds and milliseconds only when present', () => {
    expect(monitorTimeText(nov20)).toBe('2026-11-20T00:00Z');
    expect(monitorTimeText(nov20 + 90 * 60_000)).toBe('2026-11-20T01:30Z');
    expect(monitorTimeText(nov20 + 5_000)).toBe('2026-11-20T00:00:05Z');
    expect(monitorTimeText(nov20 + 5_250)).toBe('2026-11-20T00:00:05.250Z');
  });
});

describe('retrainReason', () => {
  it('says which metric crossed which threshold, and its value in the window', () => {
    expect(retrainReason(driftRule, 0.27, { start: nov20, end: nov21 })).toBe('drift on `amount` crossed 0.2 (0.27 in the window 2026-11-20T00:00Z–2026-11-21T00:00Z)');
    expect(retrainReason(driftRule, 0.27)).toBe('drift on `amount` crossed 0.2 (0.27)');
  });

  it('gives units and the run of windows', () => {
    expect(retrainReason({ metric: 'latency_p95', comparison: '>', threshold: 250, consecutive: 3 }, 312.5)).toBe('p95 latency crossed 250 ms for 3 windows in a row (312.5 ms)');
    expect(retrainReason({ metric: 'drifted_share', comparison: '>=', threshold: 0.5, consecutive: 1 }, 2 / 3)).toBe('share of drifted features crossed 50% (66.7%)');
    expect(retrainReason({ metric: 'accuracy', comparison: '<', threshold: 0.9, consecutive: 1 }, 0.8512345678)).toBe('accuracy crossed 0.9 (0.851235)');
    expect(retrainReason({ metric: 'prediction_volume', comparison: '<', threshold: 1000, consecutive: 2 }, 850)).toBe('prediction volume crossed 1000 for 2 windows in a row (850)');
  });
});

describe('retrainTriggerPayload', () => {
  const input: RetrainTriggerInput = {
    alert: { id: 17, value: 0.27, openedAt: nov21 + 60_000 },
    rule: { ...driftRule, id: 4 },
    model: { id: 3, name: 'fraud-detector' },
    version: { id: 12, version: 7 },
    alias: 'production',
    window: { start: nov20, end: nov21 },
    requestedAt: nov21 + 120_000,
  };

  it('builds the Standard Webhooks { type, timestamp, data } body with ids and the reason', () => {
    const payload = retrainTriggerPayload(input);
    expect(payload).toEqual({
      type: 'quorum.retrain.requested',
      timestamp: '2026-11-21T00:02:00.000Z',
      data: {
        alert: { id: 17, openedAt: '2026-11-21T00:01:00.000Z' },
        rule: { id: 4, metric: 'feature_drift', feature: 'amount', comparison: '>', threshold: 0.2, consecutive: 1 },
        model: { id: 3, name: 'fraud-detector' },
        version: { id: 12, version: 7 },
        alias: 'production',
        window: { start: '2026-11-20T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' },
        value: 0.27,
        reason: 'drift on `amount` crossed 0.2 (0.27 in the window 2026-11-20T00:00Z–2026-11-21T00:00Z)',
      },
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('fills absent ids and times with null and keeps a reason given by the caller', () => {
    const payload = retrainTriggerPayload({
      ...input,
      alert: { id: 'a-1', value: 0.9 },
      rule: { metric: 'accuracy', comparison: '<', threshold: 0.95, consecutive: 1 },
      version: { version: '7' },
      reason: 'retraining asked for by hand',
    });
    expect(payload.data).toMatchObject({ alert: { id: 'a-1', openedAt: null }, rule: { id: null, feature: null }, version: { id: null, version: '7' }, reason: 'retraining asked for by hand' });
  });

  it('refuses a window that ends before it starts, and values that JSON cannot carry', () => {
    expect(() => retrainTriggerPayload({ ...input, window: { start: nov21, end: nov20 } })).toThrow(/window ends/);
    expect(() => retrainTriggerPayload({ ...input, alert: { id: 1, value: Number.NaN } })).toThrow(/alert\.value is NaN/);
    expect(() => retrainTriggerPayload({ ...input, requestedAt: Infinity })).toThrow(/requestedAt is Infinity/);
  });
});
