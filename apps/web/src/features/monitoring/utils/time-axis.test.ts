import type { AlertMetric } from '@quorum/domain';
import { describe, expect, it } from 'vitest';
import { alertPanel, monitorAlertSpans, monitorMoveMarkers, monitorTimeDomain, monitorTimeTicks, type AxisAlert, type AxisMove } from './time-axis';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const win = (id: number, day: number) => ({ id, windowStart: T0 + day * DAY, windowEnd: T0 + (day + 1) * DAY });

describe('monitorTimeDomain', () => {
  it('runs from the first window to now, so a feed that stopped shows as empty space', () => {
    const now = T0 + 12 * DAY;
    expect(monitorTimeDomain([win(1, 3), win(2, 4)], [], T0 - 30 * DAY, now)).toEqual([T0 + 3 * DAY, now]);
  });

  it('starts at an earlier alias move in the range, but never before the range', () => {
    const now = T0 + 12 * DAY;
    expect(monitorTimeDomain([win(1, 3)], [T0 + DAY], T0, now)).toEqual([T0 + DAY, now]);
    expect(monitorTimeDomain([win(1, 3)], [T0 - 5 * DAY], T0, now)).toEqual([T0 + 3 * DAY, now]);
  });

  it('ends at the last window when it ends after now, and covers the range when there are no windows', () => {
    expect(monitorTimeDomain([win(1, 3)], [], T0, T0 + 3.5 * DAY)).toEqual([T0 + 3 * DAY, T0 + 4 * DAY]);
    expect(monitorTimeDomain([], [], T0, T0 + 7 * DAY)).toEqual([T0, T0 + 7 * DAY]);
  });
});

describe('monitorTimeTicks', () => {
  it('puts ticks on whole local days inside the domain', () => {
    const ticks = monitorTimeTicks([T0 + 0.5 * DAY, T0 + 30.5 * DAY], 6);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(7);
    for (const t of ticks) {
      const d = new Date(t);
      expect([d.getHours(), d.getMinutes()]).toEqual([0, 0]);
      expect(t).toBeGreaterThanOrEqual(T0 + 0.5 * DAY);
      expect(t).toBeLessThanOrEqual(T0 + 30.5 * DAY);
    }
  });

  it('uses hours for a short span', () => {
    const ticks = monitorTimeTicks([T0, T0 + 12 * 3_600_000], 6);
    expect(ticks[1]! - ticks[0]!).toBe(2 * 3_600_000);
  });
});

describe('monitorMoveMarkers', () => {
  const moves: AxisMove[] = [
    { alias: 'production', version: 1, movedAt: T0 - DAY, reason: 'promotion' },
    { alias: 'production', version: 2, movedAt: T0 + 10 * DAY, reason: 'promotion' },
    { alias: 'production', version: 1, movedAt: T0 + 10.2 * DAY, reason: 'rollback' },
    { alias: 'staging', version: 3, movedAt: T0 + 5 * DAY, reason: 'promotion' },
    { alias: 'production', version: 1, movedAt: T0 + 2 * DAY, reason: 'initial' },
  ];

  it("labels the alias's promotions and rollbacks inside the domain, oldest first", () => {
    const markers = monitorMoveMarkers(moves, 'production', [T0, T0 + 20 * DAY], 1000);
    expect(markers.map((m) => [m.label, m.kind])).toEqual([
      ['v2 → production', 'promotion'],
      ['rollback to v1', 'rollback'],
    ]);
    expect(markers[0]!.at).toBe(T0 + 10 * DAY);
  });

  it('moves a label that would overlap the previous one to the next lane, and back up when there is room', () => {
    const [promo, rollback] = monitorMoveMarkers(moves, 'production', [T0, T0 + 20 * DAY], 1000);
    expect(promo!.lane).toBe(0);
    expect(rollback!.lane).toBe(1);
    const wide = monitorMoveMarkers(moves, 'production', [T0 + 9 * DAY, T0 + 11 * DAY], 20_000);
    expect(wide.map((m) => m.lane)).toEqual([0, 0]);
  });

  it('puts a label that would run off the right edge on the left of its line', () => {
    const markers = monitorMoveMarkers(moves, 'production', [T0, T0 + 10.25 * DAY], 1000);
    expect(markers.map((m) => [m.label, m.anchor])).toEqual([
      ['v2 → production', 'end'],
      ['rollback to v1', 'end'],
    ]);
    const early = monitorMoveMarkers(moves, 'production', [T0 + 9 * DAY, T0 + 30 * DAY], 1000);
    expect(early.map((m) => m.anchor)).toEqual(['start', 'start']);
  });
});

describe('monitorAlertSpans', () => {
  const alert = (over: Partial<AxisAlert>): AxisAlert => ({
    id: 1,
    ruleId: 7,
    alias: 'production',
    state: 'resolved',
    reason: 'drift on `amount` crossed 0.05',
    openedAt: T0 + 40 * DAY,
    openedWindowId: null,
    resolvedAt: null,
    resolvedWindowId: null,
    ...over,
  });
  const windows = [win(3, 3), win(4, 4), win(5, 5), win(6, 6)];
  const domain: [number, number] = [T0, T0 + 10 * DAY];

  it('spans from the window that opened the alert to the window that resolved it', () => {
    const [span] = monitorAlertSpans([alert({ openedWindowId: 4, resolvedWindowId: 6, resolvedAt: T0 + 41 * DAY })], windows, 'production', domain);
    expect(span).toMatchObject({ ruleId: 7, from: T0 + 4 * DAY, to: T0 + 7 * DAY, active: false });
  });

  it('runs an active alert to the end of the domain and clips to the domain', () => {
    const [span] = monitorAlertSpans([alert({ state: 'open', openedWindowId: null, openedAt: T0 - DAY })], windows, 'production', domain);
    expect(span).toMatchObject({ from: T0, to: T0 + 10 * DAY, active: true });
  });

  it("leaves out other aliases' alerts and alerts outside the domain", () => {
    expect(monitorAlertSpans([alert({ alias: 'staging', openedWindowId: 4 }), alert({ openedAt: T0 - 9 * DAY, resolvedAt: T0 - 8 * DAY })], windows, 'production', domain)).toEqual([]);
  });
});

describe('alertPanel', () => {
  it("shades an alert strongest on the panel that draws its rule's metric", () => {
    expect(['accuracy', 'rmse', 'latency_p99', 'prediction_volume', 'feature_drift', 'drifted_share'].map((m) => alertPanel(m as AlertMetric))).toEqual([
      'quality',
      'quality',
      'latency',
      'volume',
      'drift',
      'drift',
    ]);
  });
});
