import { describe, expect, it } from 'vitest';
import type { KpiAnnotationLike } from '../../../components/kpi-format';
import { kpiBeforeAfterView, kpiChangeKey, kpiChanges, kpiDefaultChange, kpiWindowShades } from './kpi-before-after';
import { DAY_MS } from './kpi-chart-layout';

const day = (n: number) => Date.UTC(2026, 10, 1) + n * DAY_MS;
const HOUR = 3_600_000;
const daily = (values: number[], first = 0) => values.map((value, i) => ({ at: day(first + i), value }));

const promotion = (at: number): KpiAnnotationLike => ({ kind: 'promotion', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', version: 2, requestId: 4 });
const rollback = (at: number): KpiAnnotationLike => ({ kind: 'rollback', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', version: 1, requestId: null });
const alert = (at: number): KpiAnnotationLike => ({ kind: 'alert', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', alertId: 1, reason: 'drift' });

describe('kpiChanges', () => {
  it('keeps promotions and rollbacks, newest first', () => {
    const changes = kpiChanges([promotion(day(1)), alert(day(2)), rollback(day(3))]);
    expect(changes.map((c) => c.kind)).toEqual(['rollback', 'promotion']);
    expect(kpiChangeKey(changes[0]!)).toBe(`1-${day(3)}`);
  });
});

describe('kpiDefaultChange', () => {
  it('prefers the newest change with values on both sides', () => {
    const changes = kpiChanges([promotion(day(5) + 14 * HOUR), rollback(day(20))]);
    expect(kpiDefaultChange(changes, daily([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))?.kind).toBe('promotion');
    expect(kpiDefaultChange(changes, [])?.kind).toBe('rollback');
    expect(kpiDefaultChange([], [])).toBeNull();
  });
});

describe('kpiWindowShades', () => {
  it('shades N days before and after the change', () => {
    const at = day(30) + 14 * HOUR;
    expect(kpiWindowShades(at, 7, [day(0), day(89)])).toEqual({ before: { x1: at - 7 * DAY_MS, x2: at }, after: { x1: at, x2: at + 7 * DAY_MS } });
  });

  it('clips a window at the edge of the chart and drops one wholly outside it', () => {
    expect(kpiWindowShades(day(3), 7, [day(0), day(89)]).before).toEqual({ x1: day(0), x2: day(3) });
    expect(kpiWindowShades(day(89), 7, [day(0), day(89)]).after).toBeNull();
  });
});

describe('kpiBeforeAfterView', () => {
  it('compares the means and judges the change by the direction', () => {
    const obs = daily([10, 10, 10, 10, 12, 12, 12, 12]);
    const higher = kpiBeforeAfterView(obs, day(4), 4, 'higher', '%', day(20));
    expect(higher).toMatchObject({ changeText: '+2 pp', relativeText: '+20%', verdictText: 'Better', tone: 'good', notes: [] });
    expect(higher.result.before).toEqual({ mean: 10, n: 4 });
    expect(kpiBeforeAfterView(obs, day(4), 4, 'lower', '%', day(20))).toMatchObject({ verdictText: 'Worse', tone: 'bad' });
  });

  it('says when the after window is not over yet', () => {
    // Changed at 14:00 on day 4; values on days 5 and 6; it is now day 6.
    const obs = daily([10, 10, 10, 10, 10, 11, 11]);
    const view = kpiBeforeAfterView(obs, day(4) + 14 * HOUR, 7, 'higher', '', day(6) + 9 * HOUR);
    expect(view.result.after).toEqual({ mean: 11, n: 2 });
    expect(view.notes).toContain('Only 2 of the 7 days after the change have passed; the after mean will move.');
  });

  it('names other changes and alerts inside the windows, whose effect the difference may hold', () => {
    const obs = daily(Array.from({ length: 30 }, () => 10));
    const at = day(10);
    const view = kpiBeforeAfterView(obs, at, 7, 'higher', '', day(40), [promotion(at), promotion(day(5)), rollback(day(12)), alert(day(25))]);
    expect(view.notes).toEqual([
      `The before window also holds a promotion: churn-classifier v2 → production (6 Nov 2026).`,
      `The after window also holds a rollback: churn-classifier production rolled back to v1 (13 Nov 2026).`,
    ]);
  });

  it('names missing days, and has no verdict without values on a side', () => {
    const view = kpiBeforeAfterView(daily([10, 10]), day(5), 7, 'higher', '', day(30));
    expect(view).toMatchObject({ changeText: null, relativeText: null, verdictText: 'Not enough data', tone: 'neutral' });
    expect(view.notes).toEqual(['2 of 7 days before the change have a value.', 'No values in the 7 days after the change.']);
    expect(kpiBeforeAfterView(daily([10, 10, 10]), day(3) + 14 * HOUR, 7, 'higher', '', day(3) + 15 * HOUR).notes).toEqual([
      '3 of 7 days before the change have a value.',
      'The change is this recent: no day after it has passed yet.',
    ]);
  });
});
