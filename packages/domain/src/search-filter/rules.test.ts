import { describe, it, expect } from 'vitest';
import { filterDateMillis, ruleOperators } from './rules';

describe('filterDateMillis', () => {
  it.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T12:34:56Z', Date.UTC(2024, 4, 1, 12, 34, 56)],
    ['2024-05-01t12:34:56z', Date.UTC(2024, 4, 1, 12, 34, 56)],
    ['2024-05-01 12:34', Date.UTC(2024, 4, 1, 12, 34)],
    ['2024-05-01T12:34:56.789Z', Date.UTC(2024, 4, 1, 12, 34, 56, 789)],
    ['2024-05-01T12:34:56.7', Date.UTC(2024, 4, 1, 12, 34, 56, 700)],
    ['2024-05-01T12:34:56,5', Date.UTC(2024, 4, 1, 12, 34, 56, 500)],
    ['2024-05-01T12:34:56.123999999Z', Date.UTC(2024, 4, 1, 12, 34, 56, 123)],
    ['2024-05-01T12:00+02:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00-0530', Date.UTC(2024, 4, 1, 17, 30)],
    ['2024-05-01T12:00+02', Date.UTC(2024, 4, 1, 10)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['1969-12-31T23:59:59.999Z', -1],
    ['0099-01-01', Date.parse('0099-01-01T00:00:00Z')],
  ])('reads %s as UTC unless it names an offset', (text, ms) => {
    expect(filterDateMillis(text)).toBe(ms);
  });

  it.each([
    '',
    'yesterday',
    'May 1, 2024',
    '2024-5-1',
    '20240501',
    '2024-05-01Z',
    '2024-05-01T12',
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-05-00',
    '2024-05-01T24:00',
    '2024-05-01T12:60',
    '2024-05-01T12:00:60',
    '2024-05-01T12:00+24:00',
    '2024-05-01T12:00+02:60',
    ' 2024-05-01',
    '2024-05-01T12:00:00.1234567890Z',
  ])('rejects %j', (text) => {
    expect(filterDateMillis(text)).toBeNull();
  });
});

describe('ruleOperators', () => {
  const all = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE', 'IN', 'NOT IN', 'IS NULL', 'IS NOT NULL'];
  const without = (...ops: string[]) => all.filter((op) => !ops.includes(op));

  it('offers every operator for params and tags', () => {
    expect(ruleOperators({ kind: 'param', key: 'x' })).toEqual(all);
    expect(ruleOperators({ kind: 'tag', key: 'x' })).toEqual(all);
  });

  it('offers no LIKE for numeric fields', () => {
    const numeric = without('LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE');
    expect(ruleOperators({ kind: 'metric', key: 'x' })).toEqual(numeric);
    expect(ruleOperators({ kind: 'attribute', name: 'start_time' })).toEqual(numeric);
    expect(ruleOperators({ kind: 'attribute', name: 'experiment_id' })).toEqual(numeric);
  });

  it('offers no ordering for text attributes and status', () => {
    const text = without('<', '<=', '>', '>=');
    expect(ruleOperators({ kind: 'attribute', name: 'run_name' })).toEqual(text);
    expect(ruleOperators({ kind: 'attribute', name: 'status' })).toEqual(text);
  });
});
