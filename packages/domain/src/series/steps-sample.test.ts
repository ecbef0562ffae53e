import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesStepsSample } from './steps-sample';

const range = (n: number, from = 0, every = 1) => Array.from({ length: n }, (_, i) => from + i * every);

describe('seriesStepsSample', () => {
  it('keeps every step when they fit', () => {
    expect(seriesStepsSample([0, 5, 9], [], { from: 0, to: 9 }, 3)).toEqual([0, 5, 9]);
  });

  it('picks floor(i * n / max) positions plus the last step, as MLflow does', () => {
    // n = 10, max = 4: interval 2.5 → positions 0, 2, 5, 7, then the last (9).
    expect(seriesStepsSample(range(10, 0, 10), [], { from: 0, to: 90 }, 4)).toEqual([0, 20, 50, 70, 90]);
    expect(seriesStepsSample(range(100), [], { from: 0, to: 99 }, 1)).toEqual([0, 99]);
  });

  it("adds each run's first and last step when they fall in the range", () => {
    expect(seriesStepsSample(range(10), [3, 7, -5, 42], { from: 0, to: 9 }, 2)).toEqual([0, 3, 5, 7, 9]);
  });

  it('returns at most max + 1 sampled steps plus the extremes, ascending, from the input only', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1_000, max: 1_000 }), { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (raw, max) => {
        const steps = [...raw].sort((a, b) => a - b);
        const out = seriesStepsSample(steps, [], { from: -1_000, to: 1_000 }, max);
        expect(out.length).toBeLessThanOrEqual(Math.min(steps.length, max + 1));
        expect(out).toEqual([...out].sort((a, b) => a - b));
        for (const s of out) expect(steps).toContain(s);
        if (steps.length > 0) expect([out[0], out.at(-1)]).toEqual([steps[0], steps.at(-1)]);
      }),
    );
  });
});
