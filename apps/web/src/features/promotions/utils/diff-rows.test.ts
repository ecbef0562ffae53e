import { describe, expect, it } from 'vitest';
import { diffDelta, diffGateRows, diffMetricRows } from './diff-rows';

const r = (id: string, value: number | null, status: 'pass' | 'fail' | 'missing' = 'pass') => ({ id, kind: 'metric' as const, description: id, status, value, threshold: 0, detail: '' });

describe('diffGateRows', () => {
  it('pairs checks by id and keeps checks only one side has', () => {
    const rows = diffGateRows([r('auc', 0.9), r('p95', 30, 'fail')], [r('p95', 20), r('old', 1)]);
    expect(rows.map((x) => [x.key, x.candidate, x.current])).toEqual([
      ['auc', 0.9, null],
      ['p95', 30, 20],
      ['old', null, 1],
    ]);
    expect(rows[1]).toMatchObject({ candidateStatus: 'fail', currentStatus: 'pass' });
  });
});

describe('diffMetricRows', () => {
  it('lists every metric key once, sorted', () => {
    expect(diffMetricRows({ b: { value: 2 }, a: { value: 1 } }, { a: { value: 0.5 } }).map((x) => [x.key, x.candidate, x.current])).toEqual([
      ['a', 1, 0.5],
      ['b', 2, null],
    ]);
  });
});

describe('diffDelta', () => {
  it('is the difference only when both sides are finite', () => {
    expect(diffDelta({ candidate: 3, current: 1 })).toBe(2);
    expect(diffDelta({ candidate: 3, current: null })).toBeNull();
    expect(diffDelta({ candidate: NaN, current: 1 })).toBeNull();
  });
});
