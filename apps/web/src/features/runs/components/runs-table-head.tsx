// The runs table's two header rows: column groups, then sortable labels and the
// select-all checkbox.
import { useEffect, useRef } from 'react';
import { TableSortHeader } from '../../../components/table-sort-header';
import { GROUP_LABEL, COLUMN_GROUPS, type DataColumn } from '../utils/run-columns';
import type { SortSpec } from '../utils/runs-view';
import type { SelectAllState } from '../utils/selection';
import { BASE_COLUMNS, PINNED_COUNT, type BaseColumn } from '../utils/table-layout';

const pinStyle = (c: BaseColumn) => (c.pinLeft === undefined ? undefined : { left: c.pinLeft });
const pinClass = (c: BaseColumn) => (c.pinLeft === undefined ? '' : 'pinned');

export function RunsTableHead({
  columns,
  sort,
  onSort,
  allState,
  onToggleAll,
  loadedCount,
}: {
  columns: DataColumn[];
  sort: SortSpec;
  onSort: (field: string) => void;
  allState: SelectAllState;
  onToggleAll: () => void;
  loadedCount: number;
}) {
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // indeterminate exists only as a DOM property, not an attribute.
    if (allRef.current) allRef.current.indeterminate = allState === 'some';
  }, [allState]);

  const directionOf = (field: string) => (sort.field === field ? sort.direction : null);
  const groups = COLUMN_GROUPS.map((g) => ({ group: g, count: columns.filter((c) => c.group === g).length })).filter((g) => g.count > 0);
  const lastPinned = BASE_COLUMNS[PINNED_COUNT - 1]!;

  return (
    <thead>
      <tr className="runs-group-row">
        <th colSpan={PINNED_COUNT} className="pinned pinned-edge" style={{ left: 0 }} aria-hidden />
        <th colSpan={BASE_COLUMNS.length - PINNED_COUNT} aria-hidden />
        {groups.map((g) => (
          <th key={g.group} colSpan={g.count} scope="colgroup" className={`group-${g.group}`}>
            {GROUP_LABEL[g.group]}
          </th>
        ))}
        <th className="runs-filler" aria-hidden />
      </tr>
      <tr className="runs-label-row">
        {BASE_COLUMNS.map((c) => {
          const edge = c === lastPinned ? ' pinned-edge' : '';
          if (c.id === 'select') {
            return (
              <th key={c.id} scope="col" className={`${pinClass(c)} cell-check`} style={pinStyle(c)}>
                <input
                  ref={allRef}
                  type="checkbox"
                  aria-label={`Select all ${loadedCount} loaded runs`}
                  checked={allState === 'all'}
                  disabled={loadedCount === 0}
                  onChange={onToggleAll}
                />
              </th>
            );
          }
          if (!c.sortField) {
            return (
              <th key={c.id} scope="col" className={`${pinClass(c)}${edge}${c.numeric ? ' num' : ''}`} style={pinStyle(c)}>
                <span className="th-static">{c.label}</span>
              </th>
            );
          }
          const field = c.sortField;
          return (
            <TableSortHeader
              key={c.id}
              label={c.label}
              direction={directionOf(field)}
              onSort={() => onSort(field)}
              numeric={c.numeric}
              className={`${pinClass(c)}${edge}`}
              style={pinStyle(c)}
            />
          );
        })}
        {columns.map((col) => (
          <TableSortHeader
            key={col.id}
            label={col.key}
            title={`${col.id} — click to sort`}
            direction={directionOf(col.id)}
            onSort={() => onSort(col.id)}
            numeric={col.group === 'metrics'}
            className={`group-${col.group}`}
          />
        ))}
        <th className="runs-filler" aria-hidden />
      </tr>
    </thead>
  );
}
