import { describe, expect, it } from 'vitest';
import { parallelAxes, parallelAxisTicks, parallelPosition } from './parallel-axes';
import type { RunValues } from './run-values';

const runs: RunValues[] = [
  { id: 'a', params: { lr: '0.001', optimizer: 'sgd', depth: '4', seed: '7' }, metrics: { auc: { value: 0.8 } } },
  { id: 'b', params: { lr: '0.1', optimizer: 'adam', depth: '6', seed: '7' }, metrics: { auc: { value: 0.9 } } },
  { id: 'c', params: { lr: '0.01', optimizer: 'sgd', depth: '8', seed: '7' }, metrics: { auc: { value: Number.NaN } } },
];

describe('parallelAxes', () => {
  it('has an axis per differing param and the metric last', () => {
    const axes = parallelAxes(runs, 'auc');
    expect(axes.map((a) => a.key)).toEqual(['depth', 'lr', 'optimizer', 'auc']);
    expect(axes.map((a) => a.kind)).toEqual(['numeric', 'numeric', 'categorical', 'numeric']);
  });

  it('puts a range spanning orders of magnitude on a log axis', () => {
    const [depth, lr] = parallelAxes(runs, null);
    expect(depth).toMatchObject({ log: false, min: 4, max: 8 });
    expect(lr).toMatchObject({ log: true, min: 0.001, max: 0.1 });
  });

  it('ignores non-finite metric values in the range', () => {
    expect(parallelAxes(runs, 'auc').at(-1)).toMatchObject({ min: 0.8, max: 0.9 });
  });
});

describe('parallelPosition', () => {
  const [depth, lr, optimizer, auc] = parallelAxes(runs, 'auc');
  it('normalises numeric values to [0, 1]', () => {
    expect(runs.map((r) => parallelPosition(depth!, r))).toEqual([0, 0.5, 1]);
    expect(parallelPosition(lr!, runs[2]!)).toBeCloseTo(0.5, 10);
  });
  it('spaces categories evenly in sorted order', () => {
    expect(runs.map((r) => parallelPosition(optimizer!, r))).toEqual([1, 0, 1]);
  });
  it('has no position for a missing or non-finite value', () => {
    expect(parallelPosition(auc!, runs[2]!)).toBeNull();
    expect(parallelPosition(depth!, { id: 'd', params: {}, metrics: {} })).toBeNull();
  });
  it('centres a constant axis', () => {
    const [only] = parallelAxes(runs.slice(0, 1), 'auc');
    expect(parallelPosition(only!, runs[0]!)).toBe(0.5);
  });
});

describe('parallelAxisTicks', () => {
  it('labels min, geometric middle and max on a log axis', () => {
    const many = runs.concat([{ id: 'd', params: { lr: '0.05' }, metrics: {} }, { id: 'e', params: { lr: '0.02' }, metrics: {} }]);
    const lr = parallelAxes(many, null).find((a) => a.key === 'lr')!;
    const ticks = parallelAxisTicks(lr);
    expect(ticks.map((t) => t.position)).toEqual([0, 0.5, 1]);
    expect(ticks[1]!.value).toBeCloseTo(0.01, 10);
  });
});

describe('parallelAxisTicks on a grid search', () => {
  it('labels each of a few values', () => {
    const depth = parallelAxes(runs, null)[0]!;
    expect(parallelAxisTicks(depth).map((t) => t.value)).toEqual([4, 6, 8]);
  });
});
