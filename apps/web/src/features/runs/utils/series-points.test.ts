import { expect, it } from 'vitest';
import { seriesPoints } from './series-points';

it('skips NaN and ±Infinity and counts them', () => {
  const { points, skipped } = seriesPoints({ steps: [0, 1, 2, 3], values: [1.5, NaN, Infinity, 0.5], timestamps: [10, 11, 12, 13] });
  expect(points).toEqual([
    { step: 0, value: 1.5, timestamp: 10 },
    { step: 3, value: 0.5, timestamp: 13 },
  ]);
  expect(skipped).toBe(2);
});
