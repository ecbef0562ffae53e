// One row of the runs table. Memoised: while scrolling only rows entering the window render.
import { memo, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { formatAgo, formatDateTime, formatDuration } from '../../../lib/format';
import { formatStart } from '../utils/format-start';
import type { SearchRun } from '../api/types';
import { cellValue, type DataColumn } from '../utils/run-columns';
import { BASE_COLUMNS, ROW_HEIGHT } from '../utils/table-layout';

const pin = Object.fromEntries(BASE_COLUMNS.map((c) => [c.id, c.pinLeft === undefined ? undefined : { left: c.pinLeft }]));

export const RunRow = memo(function RunRow({
  run,
  index,
  columns,
  selected,
  now,
  onToggle,
}: {
  run: SearchRun;
  index: number;
  columns: DataColumn[];
  selected: boolean;
  /** When the data was fetched: running durations count up to it. */
  now: number;
  onToggle: (index: number, shift: boolean) => void;
}) {
  const end = run.endTime ?? (run.status === 'RUNNING' ? Math.max(now, run.startTime) : null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    // React fires change for a checkbox from its click, so the native event carries Shift.
    const shift = 'shiftKey' in e.nativeEvent && (e.nativeEvent as MouseEvent).shiftKey;
    onToggle(index, shift);
  };
  return (
    <tr className={selected ? 'is-selected' : undefined} style={{ height: ROW_HEIGHT }} aria-rowindex={index + 3}>
      <td className="pinned cell-check" style={pin.select}>
        <input type="checkbox" checked={selected} onChange={onChange} aria-label={`Select run ${run.name}`} />
      </td>
      <td className="pinned" style={pin.status}>
        <StatusBadge status={run.status} />
      </td>
      <td className="pinned pinned-edge cell-name" style={pin.name}>
        <Link to={`/runs/${run.id}`} title={run.name}>
          {run.name}
        </Link>
      </td>
      <td title={`${formatDateTime(run.startTime)} (${formatAgo(run.startTime, now)})`}>{formatStart(run.startTime, now)}</td>
      <td className="num" title={end === null ? 'Not finished' : undefined}>
        {end === null ? <span className="muted">—</span> : formatDuration(end - run.startTime)}
      </td>
      <td title={run.userId}>{run.userId || <span className="muted">—</span>}</td>
      {columns.map((col) => {
        const v = cellValue(run, col);
        return (
          <td key={col.id} className={`${v.numeric ? 'num' : ''}${v.missing ? ' muted' : ''}`} title={v.full}>
            {v.text}
          </td>
        );
      })}
      <td className="runs-filler" />
    </tr>
  );
});
