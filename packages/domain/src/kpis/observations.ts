// KPI observations uploaded as rows of text (a CSV the caller has split into cells): one value per
// UTC day, validated with line numbers so the person uploading can fix the file.
import { KPI_DAY_MS, type KpiObservation } from './kpis';

/** Rows of data one upload may hold. */
export const KPI_MAX_ROWS = 10_000;
/** Problems listed before the rest are only counted. */
export const KPI_MAX_ERRORS = 50;

/** The observations sorted by day, or every problem with its 1-based line number. */
export type KpiObservationRowsResult = { ok: true; observations: KpiObservation[] } | { ok: false; errors: string[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const quoted = (text: string): string => `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
const dayText = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * Reads [day, value] rows. A day is `YYYY-MM-DD`, an ISO timestamp (its UTC day; without an offset
 * it is read as UTC) or epoch milliseconds (11–13 digits); each becomes that day's UTC midnight.
 * Blank rows and trailing empty cells are skipped. With `header` unset, a first row whose cells
 * are neither a day nor a number is taken for a header.
 */
export function kpiObservationRows(rows: readonly (readonly string[])[], options: { header?: boolean } = {}): KpiObservationRowsResult {
  if (!Array.isArray(rows)) return { ok: false, errors: ['expected rows of cells: [day, value]'] };
  const cells = rows.map((row) => (Array.isArray(row) ? row.map((c) => (typeof c === 'string' ? c.trim() : String(c ?? '').trim())) : []));
  const first = cells[0];
  const header = options.header ?? (first !== undefined && first.length >= 2 && dayParse(first[0] ?? '').at === undefined && !NUMBER.test(first[1] ?? ''));
  const start = header ? 1 : 0;
  const data: { line: number; cells: string[] }[] = [];
  for (let i = start; i < cells.length; i++) {
    const row = cells[i] as string[];
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    if (end > 0) data.push({ line: i + 1, cells: row.slice(0, end) });
  }
  if (data.length > KPI_MAX_ROWS) return { ok: false, errors: [`${data.length} rows of data; an upload holds at most ${KPI_MAX_ROWS}, split the file`] };
  if (data.length === 0) return { ok: false, errors: ['no observations: each row is a day (YYYY-MM-DD) and a value'] };
  const errors: string[] = [];
  const seen = new Map<number, number>();
  const observations: KpiObservation[] = [];
  for (const { line, cells: row } of data) {
    if (row.length !== 2) {
      errors.push(`line ${line}: expected 2 cells (day, value), found ${row.length}`);
      continue;
    }
    const [dayCell, valueCell] = row as [string, string];
    const day = dayParse(dayCell);
    if (day.at === undefined) errors.push(`line ${line}: ${day.error}`);
    const valueOk = NUMBER.test(valueCell) && Number.isFinite(Number(valueCell));
    if (!valueOk) errors.push(`line ${line}: ${quoted(valueCell)} is not a number${/^[+-]?[\d.]+,\d/.test(valueCell) ? ' (write decimals with "." and no thousands separator)' : ''}`);
    if (day.at === undefined || !valueOk) continue;
    const earlier = seen.get(day.at);
    if (earlier !== undefined) {
      errors.push(`line ${line}: ${dayText(day.at)} is already on line ${earlier}; give one value per day`);
      continue;
    }
    seen.set(day.at, line);
    observations.push({ at: day.at, value: Number(valueCell) });
  }
  if (errors.length > KPI_MAX_ERRORS) {
    const rest = errors.length - KPI_MAX_ERRORS;
    return { ok: false, errors: [...errors.slice(0, KPI_MAX_ERRORS), `…and ${rest} more problem${rest === 1 ? '' : 's'}`] };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, observations: observations.sort((a, b) => a.at - b.at) };
}

function calendarDay(y: number, m: number, d: number): number | undefined {
  if (y < 1970 || m < 1 || m > 12 || d < 1) return undefined;
  const at = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2026-02-30 over to March; a real day comes back unchanged.
  return new Date(at).getUTCDate() === d ? at : undefined;
}

/** The UTC midnight of a day cell, or why the cell is not a day. */
function dayParse(text: string): { at: number; error?: undefined } | { at?: undefined; error: string } {
  const notADay = { error: `${quoted(text)} is not a day; write YYYY-MM-DD, an ISO timestamp or epoch milliseconds` };
  const date = DATE.exec(text);
  if (date) {
    const at = calendarDay(Number(date[1]), Number(date[2]), Number(date[3]));
    return at === undefined ? { error: `${quoted(text)} is not a calendar day from 1970 on` } : { at };
  }
  const ts = TIMESTAMP.exec(text);
  if (ts) {
    const [, y, mo, d, h, mi, s, fraction, zone] = ts;
    const midnight = calendarDay(Number(y), Number(mo), Number(d));
    if (midnight === undefined || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return { error: `${quoted(text)} is not a valid time` };
    let offsetMs = 0;
    if (zone !== undefined && zone.toUpperCase() !== 'Z') {
      const digits = zone.replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      const hours = Number(digits.slice(1, 3));
      const minutes = Number(digits.slice(3, 5));
      if (hours > 23 || minutes > 59) return { error: `${quoted(text)} has an invalid UTC offset` };
      offsetMs = sign * (hours * 60 + minutes) * 60_000;
    }
    const instant = midnight + ((Number(h) * 60 + Number(mi)) * 60 + Number(s ?? 0)) * 1000 + Math.floor(Number(fraction ?? 0) * 1000) - offsetMs;
    return { at: Math.floor(instant / KPI_DAY_MS) * KPI_DAY_MS };
  }
  if (/^\d+$/.test(text)) {
    if (text.length >= 9 && text.length <= 10) {
      return { error: `${quoted(text)} looks like seconds since 1970; give milliseconds (${text}000) or a day like 2026-11-20` };
    }
    if (text.length >= 11 && text.length <= 13) return { at: Math.floor(Number(text) / KPI_DAY_MS) * KPI_DAY_MS };
  }
  return notADay;
}
