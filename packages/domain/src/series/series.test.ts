import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesBucketPlan, seriesDownsample, seriesSummarise, type SeriesPoint } from './index';

const pts = (values: number[]): SeriesPoint[] => values.map((value, step) => ({ step, timestamp: step * 10, value }));

describe('seriesBucketPlan', () => {
  it('never plans more buckets than maxPoints allows, whatever the alignment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 8, max: 5_000 }), (from, span, maxPoints) => {
        const plan = seriesBucketPlan(from, from + span, maxPoints);
        expect((plan.toBucket - plan.fromBucket + 1) * 4).toBeLessThanOrEqual(maxPoints);
        expect(plan.width % plan.source).toBe(0);
      }),
    );
  });
  it('reads a rollup only when the buckets are at least as wide', () => {
    expect(seriesBucketPlan(0, 19_999, 1_000)).toMatchObject({ width: 80, source: 16 });
    expect(seriesBucketPlan(0, 999, 1_000)).toMatchObject({ width: 4, source: 1 });
    expect(seriesBucketPlan(0, 9_999_999, 1_000).source).toBe(4096);
  });
});

describe('seriesDownsample', () => {
  it('keeps every point when they fit', () => {
    const points = pts([3, 1, 4, 1, 5]);
    expect(seriesDownsample(points, { maxPoints: 5 })).toEqual(points);
  });

  it('keeps spikes and the exact first and last points', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 100));
    values[4_321] = 1e9;
    values[8_765] = -1e9;
    const out = seriesDownsample(pts(values), { maxPoints: 100 });
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.map((p) => p.value)).toContain(1e9);
    expect(out.map((p) => p.value)).toContain(-1e9);
    expect(out[0]!.step).toBe(0);
    expect(out[out.length - 1]!.step).toBe(9_999);
  });

  it('ignores NaN for min and max but keeps it as a first or last point', () => {
    const [b] = seriesSummarise(pts([NaN, 2, -1, NaN]), 4);
    expect(b!.count).toBe(4);
    expect(b!.min!.value).toBe(-1);
    expect(b!.max!.value).toBe(2);
    expect(b!.first.value).toBeNaN();
    expect(b!.last.value).toBeNaN();
    const [allNaN] = seriesSummarise(pts([NaN, NaN]), 4);
    expect(allNaN!.min).toBeNull();
  });

  it('has the global min and max of any series among its points (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 3_000 }), fc.integer({ min: 8, max: 200 }), (values, maxPoints) => {
        const out = seriesDownsample(pts(values), { maxPoints });
        expect(out.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
        const got = out.map((p) => p.value);
        expect(got).toContain(Math.min(...values));
        expect(got).toContain(Math.max(...values));
        // Output is in step order and every point is a real input point.
        for (let i = 1; i < out.length; i++) expect(out[i]!.step).toBeGreaterThanOrEqual(out[i - 1]!.step);
        for (const p of out) expect(values[p.step]).toBe(p.value);
      }),
    );
  });
});
