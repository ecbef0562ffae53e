import { describe, expect, it } from 'vitest';
import { KPI_MAX_ROWS, kpiObservationRows } from './observations';

const nov = (d: number) => Date.UTC(2026, 10, d);

describe('kpiObservationRows', () => {
  it('reads day and value rows into UTC midnights, sorted by day', () => {
    const r = kpiObservationRows([
      ['2026-11-21', '0.42'],
      ['2026-11-20', '-3'],
      ['2026-11-22', '1e3'],
    ]);
    expect(r).toEqual({
      ok: true,
      observations: [
        { at: nov(20), value: -3 },
        { at: nov(21), value: 0.42 },
        { at: nov(22), value: 1000 },
      ],
    });
  });

  it('reads ISO timestamps as their UTC day, zone-less ones as UTC, and epoch milliseconds', () => {
    const r = kpiObservationRows([
      ['2026-11-20T15:30:00Z', '1'],
      // 23:30 at UTC−5 is 04:30 the next day in UTC.
      ['2026-11-20T23:30-05:00', '2'],
      ['2026-11-22 08:00', '3'],
      // 00:30 at UTC+1 is 23:30 the day before in UTC.
      ['2026-11-24T00:30:00.999+0100', '4'],
      [String(nov(24) + 5 * 3_600_000), '5'],
    ]);
    expect(r.ok && r.observations.map((o) => o.at)).toEqual([nov(20), nov(21), nov(22), nov(23), nov(24)]);
  });

  it('skips a header row it recognises, or the first row when told', () => {
    const rows = [['date', 'revenue'], ['2026-11-20', '5']];
    expect(kpiObservationRows(rows)).toEqual({ ok: true, observations: [{ at: nov(20), value: 5 }] });
    expect(kpiObservationRows(rows, { header: true })).toEqual({ ok: true, observations: [{ at: nov(20), value: 5 }] });
    expect(kpiObservationRows([['day', 'x'], ['2026-11-20', '5']], { header: false })).toEqual({
      ok: false,
      errors: ["line 1: 'day' is not a day; write YYYY-MM-DD, an ISO timestamp or epoch milliseconds", "line 1: 'x' is not a number"],
    });
    // A first row that is data is not a header, even with a bad value.
    expect(kpiObservationRows([['2026-11-20', 'abc']])).toEqual({ ok: false, errors: ["line 1: 'abc' is not a number"] });
  });

  it('skips blank rows and trailing empty cells, and trims cells', () => {
    const r = kpiObservationRows([['day', 'value'], [], ['', ''], [' 2026-11-20 ', ' 7 ', '', '']]);
    expect(r).toEqual({ ok: true, observations: [{ at: nov(20), value: 7 }] });
  });

  it('names each bad cell with its 1-based line', () => {
    const r = kpiObservationRows([
      ['day', 'value'],
      ['2026-11-20', '1'],
      ['2026-11-21', '2'],
      ['2026-11-22', 'abc'],
      ['2026-02-30', '4'],
      ['20/11/2026', '5'],
      ['2026-11-23', '1,234.5'],
      ['2026-11-24', '6', 'note'],
      ['1763596800', '7'],
      ['2026-11-25T25:00Z', '8'],
      ['2026-11-26', 'Infinity'],
    ]);
    expect(r).toEqual({
      ok: false,
      errors: [
        "line 4: 'abc' is not a number",
        "line 5: '2026-02-30' is not a calendar day from 1970 on",
        "line 6: '20/11/2026' is not a day; write YYYY-MM-DD, an ISO timestamp or epoch milliseconds",
        "line 7: '1,234.5' is not a number (write decimals with \".\" and no thousands separator)",
        'line 8: expected 2 cells (day, value), found 3',
        "line 9: '1763596800' looks like seconds since 1970; give milliseconds (1763596800000) or a day like 2026-11-20",
        "line 10: '2026-11-25T25:00Z' is not a valid time",
        "line 11: 'Infinity' is not a number",
      ],
    });
  });

  it('refuses two values for one day, however the day is written', () => {
    const r = kpiObservationRows([
      ['2026-11-20', '1'],
      ['2026-11-21', '2'],
      ['2026-11-20T18:00Z', '3'],
    ]);
    expect(r).toEqual({ ok: false, errors: ['line 3: 2026-11-20 is already on line 1; give one value per day'] });
  });

  it(`refuses more than ${KPI_MAX_ROWS} rows of data, and an upload with none`, () => {
    const many = Array.from({ length: KPI_MAX_ROWS + 1 }, (_, i) => [new Date(nov(1) + i * 86_400_000).toISOString().slice(0, 10), '1']);
    expect(kpiObservationRows(many)).toEqual({ ok: false, errors: ['10001 rows of data; an upload holds at most 10000, split the file'] });
    expect(kpiObservationRows(many.slice(0, KPI_MAX_ROWS)).ok).toBe(true);
    expect(kpiObservationRows([['day', 'value']])).toEqual({ ok: false, errors: ['no observations: each row is a day (YYYY-MM-DD) and a value'] });
    expect(kpiObservationRows([])).toMatchObject({ ok: false });
  });

  it('lists the first 50 problems and counts the rest', () => {
    const bad = Array.from({ length: 60 }, (_, i) => [`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, 'x']);
    const r = kpiObservationRows(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toHaveLength(51);
    expect(!r.ok && r.errors[50]).toBe('…and 10 more problems');
  });
});
