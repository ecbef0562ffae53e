// Fixed geometry of the runs table: row heights for the virtualiser and the built-in
// columns (the first three stay pinned while the data columns scroll sideways).

export const ROW_HEIGHT = 34;
/** Group row (Metrics / Params / Tags) plus the label row. */
export const HEADER_HEIGHT = 26 + 34;

export interface BaseColumn {
  id: 'select' | 'status' | 'name' | 'start' | 'duration' | 'user';
  label: string;
  width: number;
  /** runs.search orderBy field; none for columns the server cannot sort by. */
  sortField?: string;
  numeric?: boolean;
  /** Left offset when pinned. */
  pinLeft?: number;
}

export const BASE_COLUMNS: BaseColumn[] = [
  { id: 'select', label: 'Select', width: 40, pinLeft: 0 },
  { id: 'status', label: 'Status', width: 98, sortField: 'status', pinLeft: 40 },
  { id: 'name', label: 'Run', width: 212, sortField: 'run_name', pinLeft: 138 },
  { id: 'start', label: 'Started', width: 122, sortField: 'start_time' },
  { id: 'duration', label: 'Duration', width: 86, numeric: true },
  { id: 'user', label: 'User', width: 116, sortField: 'user' },
];

export const PINNED_COUNT = BASE_COLUMNS.filter((c) => c.pinLeft !== undefined).length;
