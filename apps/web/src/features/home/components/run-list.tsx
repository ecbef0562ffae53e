// A compact list of runs across experiments; running ones stand out and show how long
// they have been going.
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { formatAgo, formatDateTime, formatDuration } from '../../../lib/format';
import type { HomeRun } from '../api/use-home-data';

export function RunList({ runs, experimentName, now, label, showUser = false }: { runs: readonly HomeRun[]; experimentName: (id: number) => string; now: number; label: string; showUser?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="table id-run-list" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Experiment</th>
            {showUser && <th scope="col">By</th>}
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col" className="num">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.status === 'RUNNING' ? 'is-running' : undefined}>
              <td className="id-run-name">
                <Link to={`/runs/${r.id}`}>{r.name || r.id.slice(0, 8)}</Link>
              </td>
              <td>
                <Link className="id-quiet-link" to={`/experiments/${r.experimentId}`}>
                  {experimentName(r.experimentId)}
                </Link>
              </td>
              {showUser && <td className="muted">{r.userId || '—'}</td>}
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td title={formatDateTime(r.startTime)}>{formatAgo(r.startTime, now)}</td>
              <td className="num">{formatDuration((r.endTime ?? now) - r.startTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
