import { describe, expect, it } from 'vitest';
import { csvCell, csvColumnNames, csvDatasetName, csvProfile, csvProgressText } from './csv-profile';

describe('csvProfile', () => {
  it('counts missing cells and samples only the present values', () => {
    const rows = [{ age: 31 }, { age: null }, { age: '' }, { age: '  ' }, { age: 44 }, { age: Number.NaN }];
    const { columns } = csvProfile(['age'], rows);
    expect(columns).toEqual([{ name: 'age', kind: 'numerical', values: [31, 44], rowCount: 6, missingCount: 4 }]);
  });

  it('reads numeric text as numbers and keeps labels categorical', () => {
    const rows = [
      { spend: '12.5', plan: 'basic', zip: '02139' },
      { spend: ' 3 ', plan: 'premium', zip: 'SW1A' },
      { spend: '1e3', plan: 'basic', zip: '10001' },
    ];
    const { columns } = csvProfile(['spend', 'plan', 'zip'], rows);
    expect(columns.map((c) => [c.name, c.kind])).toEqual([
      ['spend', 'numerical'],
      ['plan', 'categorical'],
      ['zip', 'categorical'],
    ]);
    expect(columns[0]!.values).toEqual([12.5, 3, 1000]);
    expect(columns[2]!.values).toEqual(['02139', 'SW1A', '10001']);
  });

  it('sends a uniform sample of at most the limit but the true row count', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ x: i, label: i % 3 === 0 ? null : `c${i % 7}` }));
    const profile = csvProfile(['x', 'label'], rows, 1_000);
    const [x, label] = profile.columns;
    expect(profile.rowCount).toBe(2_500);
    expect(profile.sampleSize).toBe(1_000);
    expect(x!.values).toHaveLength(1_000);
    expect(x!.rowCount).toBe(2_500);
    expect(x!.missingCount).toBe(0);
    // In the original order, and spread over the whole file rather than its head.
    const xs = x!.values as number[];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs.at(-1)!).toBeGreaterThan(2_000);
    expect(label!.missingCount).toBe(834);
    expect(label!.values).toHaveLength(1_000);
    expect(label!.values.every((v) => typeof v === 'string')).toBe(true);
  });

  it('leaves out columns with no value at all, and names blank headers', () => {
    const profile = csvProfile(['id', '', 'notes'], [
      { id: 1, '': 'a', notes: null },
      { id: 2, '': 'b', notes: '' },
    ]);
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'column_2']);
    expect(profile.skipped).toEqual(['notes']);
  });
});

describe('csvCell', () => {
  it('turns booleans and dates into text the server accepts', () => {
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-11-01T00:00:00Z'))).toBe('2026-11-01');
    expect(csvCell(new Date('2026-11-01T10:30:00Z'))).toBe('2026-11-01T10:30:00.000Z');
    expect(csvCell('x'.repeat(1_500))).toHaveLength(1_000);
    expect(csvCell(undefined)).toBeNull();
  });
});

describe('csvColumnNames', () => {
  it('makes names unique and non-empty', () => {
    expect(csvColumnNames(['a', ' ', 'a', 'column_2'])).toEqual(['a', 'column_2', 'a_2', 'column_2_2']);
  });
});

describe('csvProgressText', () => {
  it('says how much of each column is sent', () => {
    expect(csvProgressText(182_340, 6)).toBe('Parsed 182,340 rows × 6 columns, sending a 10,000-row sample per column');
    expect(csvProgressText(10_000, 2)).toBe('Parsed 10,000 rows × 2 columns, sending every row');
    expect(csvProgressText(1, 1)).toBe('Parsed 1 row × 1 column, sending every row');
  });
});

describe('csvDatasetName', () => {
  it('drops the extension', () => {
    expect(csvDatasetName('churn_2026-12.csv')).toBe('churn_2026-12');
    expect(csvDatasetName('export.CSV')).toBe('export');
    expect(csvDatasetName('data.parquet')).toBe('data.parquet');
  });
});
