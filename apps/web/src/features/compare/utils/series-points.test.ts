import { describe, expect, it } from 'vitest';
import { seriesChartPoints, seriesCoverage, seriesNearestPoint, seriesStepRange, seriesValueExtent, type ChartPoint } from './series-points';

const series = {
  steps: [0, 10, 20, 30],
  timestamps: [1_000, 2_000, 3_000, 4_000],
  values: [0.5, Number.NaN, -1, Number.POSITIVE_INFINITY],
};

describe('seriesChartPoints', () => {
  it('puts steps, wall time or time since the run started on x', () => {
    const base = { startTime: 500, smoothing: 0, log: false };
    expect(seriesChartPoints(series, { ...base, xMode: 'step' }).map((p) => p.x)).toEqual([0, 10, 20, 30]);
    expect(seriesChartPoints(series, { ...base, xMode: 'time' }).map((p) => p.x)).toEqual([1_000, 2_000, 3_000, 4_000]);
    expect(seriesChartPoints(series, { ...base, xMode: 'relative' }).map((p) => p.x)).toEqual([500, 1_500, 2_500, 3_500]);
  });

  it('breaks the line at NaN and Infinity but keeps them for the tooltip', () => {
    const points = seriesChartPoints(series, { xMode: 'step', startTime: 0, smoothing: 0, log: false });
    expect(points.map((p) => p.raw)).toEqual([0.5, null, -1, null]);
    expect(points[1]!.value).toBeNaN();
    expect(points[3]!.value).toBe(Number.POSITIVE_INFINITY);
  });

  it('drops values that a log axis cannot show', () => {
    const points = seriesChartPoints(series, { xMode: 'step', startTime: 0, smoothing: 0, log: true });
    expect(points.map((p) => p.raw)).toEqual([0.5, null, null, null]);
  });

  it('smooths into a separate field', () => {
    const points = seriesChartPoints(
      { steps: [0, 1, 2], timestamps: [0, 0, 0], values: [0, 10, 0] },
      { xMode: 'step', startTime: 0, smoothing: 0.9, log: false },
    );
    expect(points.map((p) => p.raw)).toEqual([0, 10, 0]);
    expect(points[1]!.smooth).toBeGreaterThan(0);
    expect(points[1]!.smooth).toBeLessThan(10);
  });
});

describe('seriesNearestPoint', () => {
  const points = seriesChartPoints(series, { xMode: 'step', startTime: 0, smoothing: 0, log: false });
  it('finds the closest step', () => {
    expect(seriesNearestPoint(points, 12, 1)?.step).toBe(10);
    expect(seriesNearestPoint(points, 16, 1)?.step).toBe(20);
    expect(seriesNearestPoint(points, 0, 1)?.step).toBe(0);
  });
  it('has nothing to say beyond the end of a run', () => {
    expect(seriesNearestPoint(points, 100, 5)).toBeUndefined();
    expect(seriesNearestPoint([], 1, 5)).toBeUndefined();
  });
});

describe('seriesStepRange', () => {
  const a = seriesChartPoints(series, { xMode: 'time', startTime: 0, smoothing: 0, log: false });
  it('rounds a step selection inwards', () => {
    expect(seriesStepRange([a], 9.4, 20.6, 'step')).toEqual({ fromStep: 10, toStep: 20 });
    expect(seriesStepRange([a], 20.6, 9.4, 'step')).toEqual({ fromStep: 10, toStep: 20 });
  });
  it('maps a time selection to the steps logged inside it', () => {
    expect(seriesStepRange([a], 1_500, 3_200, 'time')).toEqual({ fromStep: 10, toStep: 20 });
    expect(seriesStepRange([a], 4_100, 5_000, 'time')).toBeNull();
  });
});

describe('seriesValueExtent', () => {
  it('spans the drawable values only', () => {
    const points = seriesChartPoints(series, { xMode: 'step', startTime: 0, smoothing: 0, log: false });
    expect(seriesValueExtent([points], 'raw')).toEqual([-1, 0.5]);
    expect(seriesValueExtent([[]], 'raw')).toBeNull();
  });
});

describe('seriesChartPoints on a clock that stepped back', () => {
  it('orders points by time', () => {
    const points = seriesChartPoints(
      { steps: [0, 1, 2], timestamps: [10, 30, 20], values: [1, 2, 3] },
      { xMode: 'time', startTime: 0, smoothing: 0, log: false },
    );
    expect(points.map((p) => p.step)).toEqual([0, 2, 1]);
  });
});

describe('seriesCoverage', () => {
  const at = (...xs: number[]) => xs.map((x): ChartPoint => ({ x, step: 0, value: 0, smoothed: 0, raw: 0, smooth: 0 }));
  it('is small when runs ran far apart', () => {
    expect(seriesCoverage([at(0, 10), at(990, 1000)])).toBeCloseTo(0.02, 10);
  });
  it('counts overlapping runs once', () => {
    expect(seriesCoverage([at(0, 60), at(40, 100)])).toBe(1);
    expect(seriesCoverage([at(0, 50), at(10, 20), at(75, 100)])).toBe(0.75);
  });
});
