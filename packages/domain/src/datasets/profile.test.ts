import { describe, expect, it } from 'vitest';
import { overlayCategorical, overlayNumerical } from './overlay';
import { profileColumn, profileKindOf, profileSample } from './profile';

describe('profileColumn', () => {
  it('keeps small columns whole and counts missing values', () => {
    const p = profileColumn('amount', [1, 2, null, 3, NaN, 4]);
    expect(p.kind).toBe('numerical');
    expect(p.numbers).toEqual([1, 2, 3, 4]);
    expect(p).toMatchObject({ rowCount: 6, missingCount: 2 });
    expect(p.stats).toMatchObject({ min: 1, max: 4, p50: 2.5, mean: 2.5 });
  });

  it('samples large columns uniformly and deterministically', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => i);
    const a = profileColumn('x', values, { limit: 1_000 });
    const b = profileColumn('x', values, { limit: 1_000 });
    expect(a.numbers).toHaveLength(1_000);
    expect(a.numbers).toEqual(b.numbers);
    expect(a.rowCount).toBe(50_000);
    // A uniform sample of 0..49,999 has its median near 25,000.
    expect(Math.abs((a.stats as { p50: number }).p50 - 25_000)).toBeLessThan(2_500);
  });

  it('treats text as categorical and numeric text as numerical', () => {
    expect(profileKindOf(['1.5', '2', null])).toBe('numerical');
    expect(profileKindOf(['gold', '2'])).toBe('categorical');
    const p = profileColumn('plan', ['gold', 'silver', 'gold', '']);
    expect(p.kind).toBe('categorical');
    expect(p.stats).toEqual({ distinct: 2, top: [{ value: 'gold', count: 2 }, { value: 'silver', count: 1 }] });
    expect(p.missingCount).toBe(1);
  });

  it('samples in the original order without repeats', () => {
    const s = profileSample(Array.from({ length: 100 }, (_, i) => i), 10, 7);
    expect(s).toHaveLength(10);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(new Set(s).size).toBe(10);
  });
});

describe('overlays', () => {
  it('puts both samples on shared bins whose shares sum to one', () => {
    const o = overlayNumerical([0, 1, 2, 3], [2, 3, 4, 5], 5);
    expect(o.edges).toHaveLength(6);
    expect(o.ref.reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(o.cur.reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(o.cur[4]).toBeGreaterThan(0); // the maximum lands in the last bin
  });

  it('keeps the top categories and folds the rest into (other)', () => {
    const o = overlayCategorical(['a', 'a', 'b', 'c'], ['a', 'd', 'd', 'e'], 2);
    expect(o.labels).toEqual(['a', 'd', '(other)']);
    expect(o.ref).toEqual([0.5, 0, 0.5]);
    expect(o.cur).toEqual([0.25, 0.5, 0.25]);
  });
});
