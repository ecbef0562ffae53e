// A sortable column header: the whole label is a button, the arrow shows the direction,
// and aria-sort tells assistive tech which column orders the rows.
import type { CSSProperties, ReactNode } from 'react';

export type TableSortDirection = 'asc' | 'desc';

export function TableSortHeader({
  label,
  direction,
  onSort,
  numeric = false,
  title,
  className = '',
  style,
}: {
  label: ReactNode;
  /** The direction when this column orders the rows, else null. */
  direction: TableSortDirection | null;
  onSort: () => void;
  numeric?: boolean;
  title?: string;
  className?: string;
  style?: CSSProperties;
}) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={`${numeric ? 'num ' : ''}${className}`} style={style} title={title}>
      <button type="button" className={`table-sort${direction ? ' is-sorted' : ''}`} onClick={onSort}>
        <span className="table-sort-label">{label}</span>
        <span className="table-sort-arrow" aria-hidden>
          {direction === 'asc' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );
}
