// The runs table: virtualised rows (only those in view are in the DOM), pinned first
// columns, server-side sort from the headers, checkbox selection with shift ranges, and
// the next page fetched as the reader nears the end of what is loaded.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Skeleton } from '../../../components/states';
import type { SearchRun } from '../api/types';
import { columnWidth, type DataColumn } from '../utils/run-columns';
import type { SortSpec } from '../utils/runs-view';
import { selectionAllState, selectionClick, selectionToggleAll } from '../utils/selection';
import { BASE_COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from '../utils/table-layout';
import { RunRow } from './run-row';
import { RunsTableHead } from './runs-table-head';

/** Start loading the next page this many rows before the end of the loaded ones. */
const PREFETCH_ROWS = 60;
const SKELETON_WIDTHS = [72, 58, 81, 66, 77, 61];

export interface RunsTableProps {
  runs: SearchRun[];
  total: number;
  columns: DataColumn[];
  sort: SortSpec;
  onSort: (field: string) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  now: number;
  loading: boolean;
  /** Changes when the filter or sort does: the table then starts again at the top. */
  viewKey: string;
}

export function RunsTable(props: RunsTableProps) {
  const { runs, columns, selected, onSelectedChange, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The last clicked run, by id: a new sort or page moves it to another index.
  const anchorRef = useRef<string | null>(null);

  const rowCount = props.loading ? 12 : runs.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= runs.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, runs.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const { viewKey } = props;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  const ids = useMemo(() => runs.map((r) => r.id), [runs]);
  // Stable while scrolling, so memoised rows re-render only when the selection changes.
  const onToggle = useCallback(
    (index: number, shift: boolean) => {
      const anchor = anchorRef.current === null ? -1 : ids.indexOf(anchorRef.current);
      onSelectedChange(selectionClick(selected, ids, index, anchor < 0 ? null : anchor, shift));
      anchorRef.current = ids[index] ?? null;
    },
    [onSelectedChange, selected, ids],
  );

  const allWidth = BASE_COLUMNS.reduce((n, c) => n + c.width, 0) + columns.reduce((n, c) => n + columnWidth(c), 0);
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - HEADER_HEIGHT) : 0;
  const span = BASE_COLUMNS.length + columns.length + 1;

  return (
    <div className="runs-table-scroll" ref={scrollRef}>
      <table className="table runs-table" style={{ minWidth: allWidth }} aria-rowcount={props.loading ? -1 : props.total + 2}>
        <colgroup>
          {BASE_COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
          {columns.map((c) => (
            <col key={c.id} style={{ width: columnWidth(c) }} />
          ))}
          <col />
        </colgroup>
        <RunsTableHead
          columns={columns}
          sort={props.sort}
          onSort={props.onSort}
          allState={selectionAllState(selected, ids)}
          onToggleAll={() => onSelectedChange(selectionToggleAll(selected, ids))}
          loadedCount={runs.length}
        />
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden className="spacer">
              <td colSpan={span} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const run = runs[item.index];
            if (!run || props.loading) {
              return (
                <tr key={`loading-${item.index}`} style={{ height: ROW_HEIGHT }} aria-hidden>
                  <td colSpan={span} className="cell-loading">
                    <Skeleton height={14} width={props.loading ? `${SKELETON_WIDTHS[item.index % SKELETON_WIDTHS.length]}%` : 220} />
                  </td>
                </tr>
              );
            }
            return (
              <RunRow
                key={run.id}
                run={run}
                index={item.index}
                columns={columns}
                selected={selected.has(run.id)}
                now={props.now}
                onToggle={onToggle}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden className="spacer">
              <td colSpan={span} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
