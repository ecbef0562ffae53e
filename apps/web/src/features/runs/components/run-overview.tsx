// The facts of a run at a glance: experiment, times, user, commit, id (status is in the title).
import { Link } from 'react-router';
import { formatAgo, formatDateTime, formatDuration } from '../../../lib/format';
import type { RunDetail } from '../api/types';

export function RunOverview({ run, now }: { run: RunDetail; now: number }) {
  const end = run.endTime ?? (run.status === 'RUNNING' ? Math.max(now, run.startTime) : null);
  return (
    <dl className="facts">
      <div>
        <dt>Experiment</dt>
        <dd>
          <Link to={`/experiments/${run.experimentId}`}>{run.experimentName || `#${run.experimentId}`}</Link>
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd title={formatAgo(run.startTime, now)}>{formatDateTime(run.startTime)}</dd>
      </div>
      <div>
        <dt>Ended</dt>
        <dd>{run.endTime === null ? <span className="muted">{run.status === 'RUNNING' ? 'still running' : '—'}</span> : formatDateTime(run.endTime)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd className="tabular">{end === null ? '—' : formatDuration(end - run.startTime)}</dd>
      </div>
      <div>
        <dt>User</dt>
        <dd>{run.userId || <span className="muted">—</span>}</dd>
      </div>
      <div>
        <dt>Source commit</dt>
        <dd className="mono" title={run.sourceCommit ?? undefined}>
          {run.sourceCommit ? run.sourceCommit.slice(0, 12) : <span className="muted">—</span>}
        </dd>
      </div>
      <div>
        <dt>Run ID</dt>
        <dd className="mono facts-id">{run.id}</dd>
      </div>
    </dl>
  );
}
