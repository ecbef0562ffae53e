// A KPI upload read in the browser: papaparse splits the file into cells (blank lines kept, so
// the domain's line numbers match the file), then a preview of what the upload will change and
// the calls that send it.
import type { KpiObservation } from '@quorum/domain';
import Papa from 'papaparse';

/**
 * Observations `kpis.record` takes per call (KPI_OBSERVATIONS_PER_CALL in @quorum/contracts,
 * not imported: that module would bring zod into the bundle for one number).
 */
export const KPI_RECORD_PER_CALL = 10_000;

/** The cells of each line of CSV text; the delimiter (comma, semicolon, tab) is detected. */
export function kpiCsvRows(text: string): string[][] {
  // A spreadsheet's byte-order mark would otherwise glue itself to the first day.
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const rows = parsed.data;
  // The newline that ends the last line is not a row of its own.
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

export interface KpiCsvPreview {
  count: number;
  from: number;
  to: number;
  /** Days the KPI already has a value for: the upload replaces them. */
  replaced: number;
  added: number;
}

/** What an upload will do: how many days, which range, and how many replace recorded values. */
export function kpiCsvPreview(observations: readonly KpiObservation[], recordedDays: ReadonlySet<number>): KpiCsvPreview | null {
  if (observations.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  let replaced = 0;
  for (const o of observations) {
    if (o.at < from) from = o.at;
    if (o.at > to) to = o.at;
    if (recordedDays.has(o.at)) replaced++;
  }
  return { count: observations.length, from, to, replaced, added: observations.length - replaced };
}

/** The observations in calls of at most `size` (the API takes 10,000 per call). */
export function kpiCsvChunks<T>(items: readonly T[], size: number = KPI_RECORD_PER_CALL): T[][] {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`chunk size is ${size}; it is a whole number above 0`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
