import { describe, expect, it } from 'vitest';
import { chartDurationTicks, chartTickDuration, chartTickNumber, chartTickTime } from './chart-ticks';

describe('chartTickNumber', () => {
  it('abbreviates thousands, millions and billions', () => {
    expect(chartTickNumber(1200)).toBe('1.2k');
    expect(chartTickNumber(20_000)).toBe('20k');
    expect(chartTickNumber(2_500_000)).toBe('2.5M');
    expect(chartTickNumber(-3e9)).toBe('-3B');
  });
  it('keeps small numbers short', () => {
    expect(chartTickNumber(0)).toBe('0');
    expect(chartTickNumber(0.30000000000000004)).toBe('0.3');
    expect(chartTickNumber(0.125)).toBe('0.125');
    expect(chartTickNumber(0.0001)).toBe('1e−4');
  });
});

describe('chartTickDuration', () => {
  it('shows the two largest units', () => {
    expect(chartTickDuration(0)).toBe('0s');
    expect(chartTickDuration(45_000)).toBe('45s');
    expect(chartTickDuration(90_000)).toBe('1m 30s');
    expect(chartTickDuration(7_200_000)).toBe('2h');
    expect(chartTickDuration(100_800_000)).toBe('1d 4h');
  });
});

describe('chartDurationTicks', () => {
  it('steps by round durations', () => {
    expect(chartDurationTicks(0, 100_000)).toEqual([0, 30_000, 60_000, 90_000]);
    expect(chartDurationTicks(0, 3 * 3_600_000, 4)).toEqual([0, 3_600_000, 7_200_000, 10_800_000]);
  });
  it('starts at the first round duration inside the range', () => {
    expect(chartDurationTicks(12_000, 62_000)).toEqual([20_000, 30_000, 40_000, 50_000, 60_000]);
  });
  it('picks the round step that gives about the asked-for count', () => {
    expect(chartDurationTicks(12_000, 85_000)).toEqual([15_000, 30_000, 45_000, 60_000, 75_000]);
  });
});

describe('chartTickTime', () => {
  it('shows a date for long spans and a time of day for short ones', () => {
    const t = new Date(2026, 2, 12, 14, 5, 9).getTime();
    expect(chartTickTime(t, 5 * 86_400_000)).toBe('12 Mar');
    expect(chartTickTime(t, 3_600_000)).toBe('14:05');
    expect(chartTickTime(t, 60_000)).toBe('14:05:09');
  });
});
