// The param, metric and tag columns of the runs table, named `metrics.<key>` like the
// filter and sort language so the same text works in the URL, the API and the picker.
import { formatMetric } from '../../../lib/format';
import type { SearchRun } from '../api/types';

export const COLUMN_GROUPS = ['metrics', 'params', 'tags'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];

export const GROUP_LABEL: Record<ColumnGroup, string> = { metrics: 'Metrics', params: 'Params', tags: 'Tags' };

export interface DataColumn {
  id: string;
  group: ColumnGroup;
  key: string;
}

export type AvailableColumns = Record<ColumnGroup, string[]>;

/** How many metric and param columns a table starts with before the user chooses. */
const DEFAULT_PER_GROUP = 6;

export function columnId(group: ColumnGroup, key: string): string {
  return `${group}.${key}`;
}

/** `metrics.val_auc` → { group, key }; keys may hold dots, so only the first one splits. */
export function columnParse(id: string): DataColumn | null {
  const dot = id.indexOf('.');
  if (dot < 0) return null;
  const group = id.slice(0, dot);
  const key = id.slice(dot + 1);
  if (!key || !(COLUMN_GROUPS as readonly string[]).includes(group)) return null;
  return { id, group: group as ColumnGroup, key };
}

/** The first metrics and params: what a person usually wants to see first. */
export function columnsDefault(available: AvailableColumns): string[] {
  return [
    ...available.metrics.slice(0, DEFAULT_PER_GROUP).map((k) => columnId('metrics', k)),
    ...available.params.slice(0, DEFAULT_PER_GROUP).map((k) => columnId('params', k)),
  ];
}

/**
 * Chosen ids as columns, grouped metrics → params → tags (so the header can span each
 * group), keeping the chosen order inside a group and dropping duplicates and junk.
 */
export function columnsOrdered(ids: readonly string[]): DataColumn[] {
  const seen = new Set<string>();
  const parsed: DataColumn[] = [];
  for (const id of ids) {
    const col = columnParse(id);
    if (col && !seen.has(id)) {
      seen.add(id);
      parsed.push(col);
    }
  }
  return COLUMN_GROUPS.flatMap((g) => parsed.filter((c) => c.group === g));
}

/** Wide enough for the key, within bounds so ten columns still fit a laptop screen. */
export function columnWidth(col: DataColumn): number {
  const min = col.group === 'metrics' ? 96 : 100;
  const max = col.group === 'tags' ? 200 : 170;
  return Math.min(max, Math.max(min, Math.round(col.key.length * 7.4 + 34)));
}

export interface CellValue {
  text: string;
  numeric: boolean;
  /** The unrounded value, for the cell's tooltip. */
  full: string;
  missing: boolean;
}

const MISSING: CellValue = { text: '—', numeric: false, full: 'Not logged', missing: true };

/** What one data cell shows; params that look like numbers align like numbers. */
export function cellValue(run: SearchRun, col: DataColumn): CellValue {
  if (col.group === 'metrics') {
    const m = run.metrics[col.key];
    if (!m) return { ...MISSING, numeric: true };
    return { text: formatMetric(m.value), numeric: true, full: `${String(m.value)} (step ${m.step})`, missing: false };
  }
  const v = (col.group === 'params' ? run.params : run.tags)[col.key];
  if (v === undefined) return MISSING;
  return { text: v, numeric: col.group === 'params' && v.trim() !== '' && Number.isFinite(Number(v)), full: v, missing: false };
}
