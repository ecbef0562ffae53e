import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSorted, sortFloat64InPlace, sortedDistinctCount, sortedValueCounts } from './sample';

describe('sortFloat64InPlace', () => {
  it('orders large arrays (radix path) exactly as a comparison sort does, signs and zeros included', () => {
    const doubles = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(doubles, { minLength: 2048, maxLength: 4000 }), (values) => {
        const got = sortFloat64InPlace(Float64Array.from(values));
        const want = Float64Array.from(values).sort();
        return got.every((v, i) => v === want[i]);
      }),
      { numRuns: 25 },
    );
  });

  it('sorts a subarray view in place', () => {
    const backing = new Float64Array(5000).map((_, i) => ((i * 7919) % 5003) - 2500);
    const view = backing.subarray(0, 4000);
    sortFloat64InPlace(view);
    for (let i = 1; i < view.length; i++) expect(view[i - 1]).toBeLessThanOrEqual(view[i] as number);
  });
});

describe('sorted sample helpers', () => {
  it('counts distinct values of the union and their occurrences in each sample', () => {
    const a = sampleSorted([3, 1, 1, 2], 'a');
    const b = sampleSorted([2, 5, 5], 'b');
    expect(sortedDistinctCount(a, b)).toBe(4);
    const c = sortedValueCounts(a, b);
    expect(Array.from(c.values)).toEqual([1, 2, 3, 5]);
    expect(Array.from(c.ref)).toEqual([2, 1, 1, 0]);
    expect(Array.from(c.cur)).toEqual([0, 1, 0, 2]);
  });
});
