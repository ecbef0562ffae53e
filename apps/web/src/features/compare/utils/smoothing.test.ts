import { describe, expect, it } from 'vitest';
import { smoothingEma } from './smoothing';

describe('smoothingEma', () => {
  it('returns the values unchanged at weight 0', () => {
    expect(smoothingEma([1, 5, 2], 0)).toEqual([1, 5, 2]);
  });

  it('is unbiased at the start: a constant series stays constant', () => {
    const out = smoothingEma([3, 3, 3, 3], 0.9);
    for (const v of out) expect(v).toBeCloseTo(3, 10);
  });

  it('follows a step change gradually', () => {
    const out = smoothingEma([0, 0, 10, 10, 10], 0.5);
    expect(out[2]).toBeGreaterThan(0);
    expect(out[2]).toBeLessThan(10);
    expect(out[4]).toBeGreaterThan(out[3]!);
  });

  it('lets NaN and Infinity through without poisoning later points', () => {
    const out = smoothingEma([1, Number.NaN, 1, Number.POSITIVE_INFINITY, 1], 0.8);
    expect(out[1]).toBeNaN();
    expect(out[3]).toBe(Number.POSITIVE_INFINITY);
    expect(out[2]).toBeCloseTo(1, 10);
    expect(out[4]).toBeCloseTo(1, 10);
  });

  it('clamps weights outside [0, 0.999]', () => {
    expect(smoothingEma([2, 4], -1)).toEqual([2, 4]);
    expect(smoothingEma([2, 2], 5).every(Number.isFinite)).toBe(true);
  });
});
