import { describe, expect, it } from 'vitest';
import type { RunValues } from './run-values';
import { scatterAxes, scatterValue } from './scatter-axes';

const runs: RunValues[] = [
  { id: 'a', params: { lr: '0.1', optimizer: 'adam', horizon: '7' }, metrics: { auc: { value: 0.8 }, mape: { value: 0.3 } } },
  { id: 'b', params: { lr: '0.01', optimizer: 'sgd' }, metrics: { auc: { value: 0.9 } } },
];

describe('scatterAxes', () => {
  it('offers numeric params, then metrics', () => {
    expect(scatterAxes(runs, null, null).options.map((o) => `${o.source}:${o.key}`)).toEqual(['param:horizon', 'param:lr', 'metric:auc', 'metric:mape']);
  });

  it('defaults to the param and metric most runs have', () => {
    const { x, y } = scatterAxes(runs, null, null);
    expect(x).toEqual({ source: 'param', key: 'lr' });
    expect(y).toEqual({ source: 'metric', key: 'auc' });
  });

  it('keeps a choice that exists and replaces one that does not', () => {
    const { x, y } = scatterAxes(runs, { source: 'metric', key: 'mape' }, { source: 'param', key: 'gone' });
    expect(x).toEqual({ source: 'metric', key: 'mape' });
    expect(y).toEqual({ source: 'metric', key: 'auc' });
  });

  it('has nothing to plot for runs without numbers', () => {
    expect(scatterAxes([{ id: 'a', params: { opt: 'adam' }, metrics: {} }], null, null)).toEqual({ options: [], x: null, y: null });
  });
});

describe('scatterValue', () => {
  it('reads params as numbers and skips non-finite metrics', () => {
    expect(scatterValue(runs[0]!, { source: 'param', key: 'lr' })).toBe(0.1);
    expect(scatterValue(runs[0]!, { source: 'param', key: 'optimizer' })).toBeUndefined();
    expect(scatterValue({ id: 'c', params: {}, metrics: { auc: { value: Number.NaN } } }, { source: 'metric', key: 'auc' })).toBeUndefined();
  });
});
