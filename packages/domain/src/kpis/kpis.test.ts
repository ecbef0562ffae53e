import { describe, expect, it } from 'vitest';
import { KPI_DAY_MS, type KpiObservation, kpiBeforeAfter, kpiStatus, kpiTrend, kpiVerdict } from './kpis';

const day = (n: number) => Date.UTC(2026, 10, 1) + n * KPI_DAY_MS;
const series = (values: number[], firstDay = 0): KpiObservation[] => values.map((value, i) => ({ at: day(firstDay + i), value }));
const code = (c: string) => expect.objectContaining({ code: c });

describe('kpiStatus', () => {
  it('signs the gap so that positive is good, whichever way is better', () => {
    expect(kpiStatus({ direction: 'higher', target: 100, latest: 105 })).toEqual({ status: 'on_target', gap: 5 });
    expect(kpiStatus({ direction: 'higher', target: 100, latest: 96 })).toEqual({ status: 'off_target', gap: -4 });
    expect(kpiStatus({ direction: 'lower', target: 0.05, latest: 0.02 })).toEqual({ status: 'on_target', gap: 0.05 - 0.02 });
    expect(kpiStatus({ direction: 'lower', target: 100, latest: 105 })).toEqual({ status: 'off_target', gap: -5 });
  });

  it('counts meeting the target exactly as on target', () => {
    expect(kpiStatus({ direction: 'higher', target: 100, latest: 100 })).toEqual({ status: 'on_target', gap: 0 });
    expect(kpiStatus({ direction: 'lower', target: 100, latest: 100 })).toEqual({ status: 'on_target', gap: 0 });
  });

  it('has no data without a latest value', () => {
    expect(kpiStatus({ direction: 'higher', target: 100, latest: null })).toEqual({ status: 'no_data', gap: null });
    expect(kpiStatus({ direction: 'lower', target: 100, latest: undefined })).toEqual({ status: 'no_data', gap: null });
  });

  it('refuses a direction other than higher/lower and numbers that are not finite', () => {
    expect(() => kpiStatus({ direction: 'up' as never, target: 1, latest: 1 })).toThrow('direction is "up"; it is "higher" or "lower" (which way is good)');
    expect(() => kpiStatus({ direction: 'higher', target: Number.NaN, latest: 1 })).toThrow(code('NOT_FINITE'));
    expect(() => kpiStatus({ direction: 'higher', target: 1, latest: Infinity })).toThrow(/latest is Infinity/);
  });
});

describe('kpiVerdict', () => {
  it('reads a rise as better for higher and worse for lower', () => {
    expect(kpiVerdict('higher', 5, 100)).toBe('better');
    expect(kpiVerdict('lower', 5, 100)).toBe('worse');
    expect(kpiVerdict('higher', -5, 100)).toBe('worse');
    expect(kpiVerdict('lower', -5, 100)).toBe('better');
  });

  it('calls a change under 0.1% of the starting value unchanged', () => {
    expect(kpiVerdict('higher', 0.099, 100)).toBe('unchanged');
    expect(kpiVerdict('higher', -0.099, -100)).toBe('unchanged');
    expect(kpiVerdict('higher', 0.1, 100)).toBe('better');
    expect(kpiVerdict('higher', 0, 0)).toBe('unchanged');
    expect(kpiVerdict('higher', 1e-9, 0)).toBe('better');
  });
});

describe('kpiTrend', () => {
  const daily = series([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

  it('compares the first and last observations of the last N days, both ends included', () => {
    expect(kpiTrend(daily, 7, day(10), 'higher')).toEqual({
      from: { at: day(3), value: 13 },
      to: { at: day(10), value: 20 },
      n: 8,
      change: 7,
      relativeChange: 7 / 13,
      movement: 'up',
      verdict: 'better',
    });
    expect(kpiTrend(daily, 7, day(10), 'lower')).toMatchObject({ change: 7, movement: 'up', verdict: 'worse' });
  });

  it('ignores observations after now, and works on unsorted input', () => {
    const shuffled = [...daily].reverse();
    expect(kpiTrend(shuffled, 2, day(5), 'higher')).toMatchObject({ from: { at: day(3) }, to: { at: day(5) }, n: 3, change: 2 });
  });

  it('gives the movement and no verdict without a direction', () => {
    expect(kpiTrend(series([5, 4]), 7, day(1))).toMatchObject({ change: -1, movement: 'down', verdict: null });
    expect(kpiTrend(series([5, 5]), 7, day(1))).toMatchObject({ change: 0, movement: 'flat', verdict: null });
  });

  it('has no relative change from 0', () => {
    expect(kpiTrend(series([0, 3]), 7, day(1), 'higher')).toMatchObject({ change: 3, relativeChange: null, verdict: 'better' });
    expect(kpiTrend(series([-4, -2]), 7, day(1), 'higher')).toMatchObject({ change: 2, relativeChange: 0.5, verdict: 'better' });
  });

  it('is null with fewer than two observations in the period', () => {
    expect(kpiTrend([], 7, day(10), 'higher')).toBeNull();
    expect(kpiTrend(daily, 0.5, day(10), 'higher')).toBeNull();
    expect(kpiTrend(series([1, 2]), 7, day(30), 'higher')).toBeNull();
    expect(kpiTrend([{ at: day(1), value: 1 }, { at: day(1), value: 2 }], 7, day(1), 'higher')).toBeNull();
  });

  it('refuses a period that is not positive and observations that are not finite', () => {
    expect(() => kpiTrend(daily, 0, day(10), 'higher')).toThrow('days is 0; it is a number of days above 0');
    expect(() => kpiTrend([{ at: day(1), value: Number.NaN }], 7, day(10))).toThrow('observations[0].value is NaN; it must be a finite number');
    expect(() => kpiTrend(daily, 7, Number.NaN)).toThrow(code('NOT_FINITE'));
    expect(() => kpiTrend(daily, 7, day(1), 'sideways' as never)).toThrow(code('INVALID_OPTION'));
  });
});

describe('kpiBeforeAfter', () => {
  // Days 0–13; the promotion lands at the start of day 7.
  const values = series([1, 1, 1, 10, 12, 14, 16, 20, 22, 27, 1, 1, 1, 1]);

  it('averages [at − days, at) against [at, at + days)', () => {
    expect(kpiBeforeAfter(values, day(7), 3, 'higher')).toEqual({
      before: { mean: 14, n: 3 },
      after: { mean: 23, n: 3 },
      change: 9,
      relativeChange: 9 / 14,
      verdict: 'better',
    });
    expect(kpiBeforeAfter(values, day(7), 3, 'lower').verdict).toBe('worse');
  });

  it('puts an observation exactly at the moment after it, and one a whole period earlier before it', () => {
    const r = kpiBeforeAfter([{ at: day(4), value: 2 }, { at: day(7), value: 4 }, { at: day(10), value: 100 }], day(7), 3, 'higher');
    expect(r).toMatchObject({ before: { mean: 2, n: 1 }, after: { mean: 4, n: 1 }, change: 2 });
  });

  it('works on fractions of days', () => {
    const r = kpiBeforeAfter(values, day(7), 0.5, 'higher');
    expect(r).toMatchObject({ before: { mean: null, n: 0 }, after: { mean: 20, n: 1 }, change: null, verdict: 'insufficient' });
  });

  it('is insufficient when a side has fewer observations than asked for', () => {
    expect(kpiBeforeAfter(values, day(20), 3, 'higher')).toEqual({ before: { mean: null, n: 0 }, after: { mean: null, n: 0 }, change: null, relativeChange: null, verdict: 'insufficient' });
    const thin = kpiBeforeAfter(values, day(7), 3, 'higher', { minPoints: 4 });
    expect(thin).toMatchObject({ before: { n: 3 }, change: 9, verdict: 'insufficient' });
    expect(() => kpiBeforeAfter(values, day(7), 3, 'higher', { minPoints: 0 })).toThrow(code('OUT_OF_RANGE'));
  });

  it('calls a change within 0.1% unchanged, and has no relative change from a mean of 0', () => {
    const flat = [{ at: day(6), value: 1000 }, { at: day(7), value: 1000.5 }];
    expect(kpiBeforeAfter(flat, day(7), 1, 'higher')).toMatchObject({ change: 0.5, verdict: 'unchanged' });
    const fromZero = [{ at: day(6), value: 0 }, { at: day(7), value: 2 }];
    expect(kpiBeforeAfter(fromZero, day(7), 1, 'lower')).toMatchObject({ change: 2, relativeChange: null, verdict: 'worse' });
  });

  it('refuses bad observations, moment and period', () => {
    expect(() => kpiBeforeAfter([{ at: Number.NaN, value: 1 }], day(7), 3, 'higher')).toThrow('observations[0].at is NaN; it must be a finite number');
    expect(() => kpiBeforeAfter(values, Infinity, 3, 'higher')).toThrow(code('NOT_FINITE'));
    expect(() => kpiBeforeAfter(values, day(7), -1, 'higher')).toThrow(code('OUT_OF_RANGE'));
    expect(() => kpiBeforeAfter('x' as never, day(7), 1, 'higher')).toThrow(code('INVALID_VALUE'));
  });
});
