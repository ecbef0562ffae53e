// The runs table's view as URL search params (`cols`, `filter`, `sort`), so a link
// reproduces what the sender saw.

export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  /** `start_time`, `run_name`, `status`, `user`, or `metrics.<key>` / `params.<key>` / `tags.<key>`. */
  field: string;
  direction: SortDirection;
}

/** What the server sorts by when the URL names nothing; the header shows it as sorted. */
export const DEFAULT_SORT: SortSpec = { field: 'start_time', direction: 'desc' };

/** `metrics.val_auc:desc` → spec. Keys may contain ':', so the direction is after the last one. */
export function sortParse(text: string | null): SortSpec | null {
  if (!text) return null;
  const colon = text.lastIndexOf(':');
  const direction = colon > 0 ? text.slice(colon + 1) : '';
  if (direction !== 'asc' && direction !== 'desc') return { field: text, direction: 'desc' };
  return { field: text.slice(0, colon), direction };
}

export function sortFormat(sort: SortSpec): string {
  return `${sort.field}:${sort.direction}`;
}

/** Numbers read best high-to-low on first click; names and users A-Z. */
export function sortFirstDirection(field: string): SortDirection {
  return field.startsWith('metrics.') || field === 'start_time' ? 'desc' : 'asc';
}

/** The sort after clicking a header: a new field starts at its natural direction, the same one flips. */
export function sortNext(current: SortSpec, field: string): SortSpec {
  if (current.field !== field) return { field, direction: sortFirstDirection(field) };
  return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** `null` when the URL leaves the choice to the defaults; `[]` when the user hid every column. */
export function colsParse(text: string | null): string[] | null {
  if (text === null) return null;
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
