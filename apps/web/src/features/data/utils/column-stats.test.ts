import { describe, expect, it } from 'vitest';
import { columnMissingShare, columnSummary, columnTopShares } from './column-stats';

describe('columnSummary', () => {
  it('reads numerical stats and treats null (JSON for NaN) as unknown', () => {
    expect(columnSummary('numerical', { mean: 28.05, std: 15.4, min: 0, p5: 2, p50: 28, p95: 54, max: 85 })).toEqual({
      kind: 'numerical',
      mean: 28.05,
      std: 15.4,
      min: 0,
      p50: 28,
      p95: 54,
      max: 85,
    });
    expect(columnSummary('numerical', { mean: null })).toMatchObject({ mean: null, max: null });
  });

  it('reads categorical stats and drops malformed top entries', () => {
    const s = columnSummary('categorical', { distinct: 3, top: [{ value: 'basic', count: 5 }, { value: 'x' }, null, { value: 1, count: 2 }] });
    expect(s).toEqual({ kind: 'categorical', distinct: 3, top: [{ value: 'basic', count: 5 }, { value: '1', count: 2 }] });
  });
});

describe('columnTopShares', () => {
  it('gives shares only when the top list covers every value', () => {
    const all = columnTopShares({ kind: 'categorical', distinct: 2, top: [{ value: 'no', count: 3 }, { value: 'yes', count: 1 }] });
    expect(all.map((t) => t.share)).toEqual([0.75, 0.25]);
    const some = columnTopShares({ kind: 'categorical', distinct: 40, top: [{ value: 'a', count: 3 }] });
    expect(some[0]!.share).toBeNull();
  });
});

describe('columnMissingShare', () => {
  it('rounds without hiding a few missing cells', () => {
    expect(columnMissingShare(0, 100)).toBe('0%');
    expect(columnMissingShare(1, 182_340)).toBe('<0.1%');
    expect(columnMissingShare(1_234, 10_000)).toBe('12.3%');
  });
});
