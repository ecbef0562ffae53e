import { KPI_OBSERVATIONS_PER_CALL } from '@quorum/contracts';
import { kpiObservationRows } from '@quorum/domain';
import { describe, expect, it } from 'vitest';
import { KPI_RECORD_PER_CALL, kpiCsvChunks, kpiCsvPreview, kpiCsvRows } from './kpi-csv';

const nov = (d: number) => Date.UTC(2026, 10, d);

describe('kpiCsvRows', () => {
  it('keeps blank lines so the line numbers in errors match the file', () => {
    const rows = kpiCsvRows('day,value\n2026-11-20,4.1\n\n2026-11-21,abc\n');
    expect(rows).toEqual([['day', 'value'], ['2026-11-20', '4.1'], [''], ['2026-11-21', 'abc']]);
    expect(kpiObservationRows(rows)).toEqual({ ok: false, errors: ["line 4: 'abc' is not a number"] });
  });

  it('reads semicolon files and drops a byte-order mark', () => {
    const rows = kpiCsvRows('\ufeff2026-11-20;4.1\r\n2026-11-21;4.3');
    expect(rows).toEqual([
      ['2026-11-20', '4.1'],
      ['2026-11-21', '4.3'],
    ]);
    expect(kpiObservationRows(rows)).toEqual({ ok: true, observations: [{ at: nov(20), value: 4.1 }, { at: nov(21), value: 4.3 }] });
  });

  it('keeps quoted cells whole', () => {
    expect(kpiCsvRows('"2026-11-20","1,234.5"')).toEqual([['2026-11-20', '1,234.5']]);
  });
});

describe('kpiCsvPreview', () => {
  it('counts the days, their range, and the recorded days the upload replaces', () => {
    const observations = [nov(20), nov(21), nov(22), nov(23)].map((at) => ({ at, value: 1 }));
    expect(kpiCsvPreview(observations, new Set([nov(19), nov(21), nov(22)]))).toEqual({ count: 4, from: nov(20), to: nov(23), replaced: 2, added: 2 });
    expect(kpiCsvPreview([], new Set())).toBeNull();
  });
});

describe('kpiCsvChunks', () => {
  it('sends at most 10,000 observations per call, in order', () => {
    const items = Array.from({ length: 25_001 }, (_, i) => i);
    const chunks = kpiCsvChunks(items);
    expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 5_001]);
    expect(chunks.flat()).toEqual(items);
  });

  it('uses the limit the API enforces', () => {
    expect(KPI_RECORD_PER_CALL).toBe(KPI_OBSERVATIONS_PER_CALL);
  });

  it('sends nothing for nothing, and refuses a size that would never finish', () => {
    expect(kpiCsvChunks([], 3)).toEqual([]);
    expect(kpiCsvChunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(() => kpiCsvChunks([1], 0)).toThrow(RangeError);
  });
});
