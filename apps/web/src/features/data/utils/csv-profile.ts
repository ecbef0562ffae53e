// A parsed CSV → the profile the server stores: per column the true row and missing counts,
// the kind, and a uniform sample of the present values, chosen exactly as the SDK does.
import { DATASET_SAMPLE_LIMIT, profileCellMissing, profileKindOf, profileSample, type ProfileCell, type ProfileKind } from '@quorum/domain';

export interface CsvProfileColumn {
  name: string;
  kind: ProfileKind;
  values: ProfileCell[];
  rowCount: number;
  missingCount: number;
}

export interface CsvProfile {
  columns: CsvProfileColumn[];
  rowCount: number;
  /** Values sent per column at most: the whole column when it is smaller. */
  sampleSize: number;
  /** Columns left out because no row has a value in them (the server needs at least one). */
  skipped: string[];
}

/** The server rejects longer text cells; a category that long is an identifier, not a label. */
const CELL_MAX_CHARS = 1_000;

/** One papaparse cell (dynamicTyping: numbers, booleans, Dates, text, null) as a profile cell. */
export function csvCell(v: unknown): ProfileCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const s = String(v);
  // A cell of spaces is as empty as an empty cell in a spreadsheet export.
  if (s.trim() === '') return null;
  return s.length > CELL_MAX_CHARS ? s.slice(0, CELL_MAX_CHARS) : s;
}

/** Header names the server accepts: non-empty and unique (papaparse already renames most repeats). */
export function csvColumnNames(fields: readonly string[]): string[] {
  const taken = new Set<string>();
  return fields.map((field, i) => {
    const base = field.trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}

/** Profiles the rows of a CSV parsed with `header: true`, one column per header field. */
export function csvProfile(fields: readonly string[], rows: readonly Record<string, unknown>[], limit = DATASET_SAMPLE_LIMIT): CsvProfile {
  const names = csvColumnNames(fields);
  const columns: CsvProfileColumn[] = [];
  const skipped: string[] = [];
  fields.forEach((field, i) => {
    const name = names[i]!;
    const present: ProfileCell[] = [];
    for (const row of rows) {
      const cell = csvCell(row[field]);
      if (!profileCellMissing(cell)) present.push(cell);
    }
    if (present.length === 0) {
      skipped.push(name);
      return;
    }
    // The kind is decided on every value, not the sample: one label among numbers makes a column categorical.
    const kind = profileKindOf(present);
    const typed = kind === 'numerical' ? present.map((v) => (typeof v === 'string' ? Number(v) : v)) : present;
    columns.push({ name, kind, values: profileSample(typed, limit), rowCount: rows.length, missingCount: rows.length - present.length });
  });
  return { columns, rowCount: rows.length, sampleSize: Math.min(rows.length, limit), skipped };
}

/** "Parsed 182,340 rows × 6 columns, sending a 10,000-row sample per column". */
export function csvProgressText(rowCount: number, columnCount: number, limit = DATASET_SAMPLE_LIMIT): string {
  const n = (x: number) => x.toLocaleString('en');
  const parsed = `Parsed ${n(rowCount)} row${rowCount === 1 ? '' : 's'} × ${n(columnCount)} column${columnCount === 1 ? '' : 's'}`;
  const sending = rowCount > limit ? `sending a ${n(limit)}-row sample per column` : 'sending every row';
  return `${parsed}, ${sending}`;
}

/** A dataset name from a file name: "churn_2026-12.csv" → "churn_2026-12". */
export function csvDatasetName(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || fileName;
}
