import { describe, expect, it } from 'vitest';
import type { SearchRun } from '../api/types';
import { cellValue, columnParse, columnsDefault, columnsOrdered } from './run-columns';

describe('columns', () => {
  it('splits the group at the first dot only', () => {
    expect(columnParse('tags.mlflow.source.name')).toEqual({ id: 'tags.mlflow.source.name', group: 'tags', key: 'mlflow.source.name' });
    expect(columnParse('nonsense.x')).toBeNull();
    expect(columnParse('metrics.')).toBeNull();
  });

  it('defaults to the first six metrics and params, no tags', () => {
    const many = Array.from({ length: 8 }, (_, i) => `k${i}`);
    const cols = columnsDefault({ metrics: many, params: ['lr'], tags: ['team'] });
    expect(cols).toHaveLength(7);
    expect(cols[0]).toBe('metrics.k0');
    expect(cols).toContain('params.lr');
  });

  it('groups chosen columns metrics, params, tags and drops repeats and junk', () => {
    expect(columnsOrdered(['params.lr', 'tags.t', 'metrics.b', 'metrics.a', 'params.lr', 'bad']).map((c) => c.id)).toEqual([
      'metrics.b',
      'metrics.a',
      'params.lr',
      'tags.t',
    ]);
  });
});

describe('cellValue', () => {
  const run = {
    metrics: { nan: { value: NaN, step: 1, timestamp: 0 }, inf: { value: -Infinity, step: 1, timestamp: 0 } },
    params: { lr: '0.01', opt: 'adam' },
    tags: {},
  } as unknown as SearchRun;

  it('names non-finite metric values', () => {
    expect(cellValue(run, columnParse('metrics.nan')!).text).toBe('NaN');
    expect(cellValue(run, columnParse('metrics.inf')!).text).toBe('−∞');
  });

  it('right-aligns numeric params only, and marks missing values', () => {
    expect(cellValue(run, columnParse('params.lr')!).numeric).toBe(true);
    expect(cellValue(run, columnParse('params.opt')!).numeric).toBe(false);
    expect(cellValue(run, columnParse('metrics.gone')!)).toMatchObject({ text: '—', missing: true });
  });
});
