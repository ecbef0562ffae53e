import { describe, expect, it } from 'vitest';
import { differenceRows } from './differences';
import { runBestCoveredKey, runNumericParamKeys, type RunValues } from './run-values';

const runs: RunValues[] = [
  { id: 'a', params: { lr: '0.1', optimizer: 'adam', seed: '1' }, metrics: { val_loss: { value: 0.3 }, acc: { value: 0.9 } } },
  { id: 'b', params: { lr: '0.01', optimizer: 'adam', seed: '1' }, metrics: { val_loss: { value: 0.2 }, acc: { value: 0.9 } } },
  { id: 'c', params: { lr: '0.5', optimizer: 'adam' }, metrics: { val_loss: { value: Number.NaN } } },
];

describe('differenceRows', () => {
  it('lists params before metrics, each sorted by key', () => {
    const rows = differenceRows(runs, false);
    expect(rows.map((r) => `${r.kind}:${r.key}`)).toEqual(['param:lr', 'param:optimizer', 'param:seed', 'metric:acc', 'metric:val_loss']);
  });

  it('keeps only what differs, a missing value counting as a difference', () => {
    const rows = differenceRows(runs, true);
    expect(rows.map((r) => r.key)).toEqual(['lr', 'seed', 'acc', 'val_loss']);
    expect(rows.find((r) => r.key === 'seed')!.values).toEqual(['1', '1', undefined]);
  });

  it('marks the best run of each metric', () => {
    const rows = differenceRows(runs, false);
    expect(rows.find((r) => r.key === 'val_loss')!.best).toEqual(['b']);
    expect(rows.find((r) => r.key === 'acc')!.best).toEqual([]);
  });

  it('treats two NaN values as equal', () => {
    const nan: RunValues[] = [
      { id: 'a', params: {}, metrics: { loss: { value: Number.NaN } } },
      { id: 'b', params: {}, metrics: { loss: { value: Number.NaN } } },
    ];
    expect(differenceRows(nan, true)).toEqual([]);
  });
});

describe('runNumericParamKeys', () => {
  it('keeps params that parse as numbers wherever they are present', () => {
    expect(runNumericParamKeys(runs)).toEqual(['lr', 'seed']);
  });
});

describe('runBestCoveredKey', () => {
  const mixed: RunValues[] = [
    { id: 'a', params: { lr: '0.1', depth: '3' }, metrics: { auc: { value: 0.9 }, mape: { value: Number.NaN } } },
    { id: 'b', params: { depth: '4' }, metrics: { mape: { value: Number.NaN } } },
    { id: 'c', params: { depth: '5' }, metrics: { mape: { value: 0.2 } } },
  ];
  it('prefers the key most runs have a finite value for', () => {
    expect(runBestCoveredKey(mixed, 'param', ['lr', 'depth'])).toBe('depth');
    expect(runBestCoveredKey(mixed, 'metric', ['auc', 'mape'])).toBe('auc');
  });
  it('keeps the first key on a tie and has nothing for no keys', () => {
    expect(runBestCoveredKey(mixed.slice(0, 1), 'param', ['lr', 'depth'])).toBe('lr');
    expect(runBestCoveredKey(mixed, 'param', [])).toBeUndefined();
  });
});
