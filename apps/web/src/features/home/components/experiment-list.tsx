// The most recently active experiments, with their run counts and live runs.
import { Link } from 'react-router';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { HomeExperiment } from '../api/use-home-data';

export function ExperimentList({ experiments, now }: { experiments: readonly HomeExperiment[]; now: number }) {
  return (
    <ul className="id-exp-list">
      {experiments.map((e) => (
        <li key={e.id} className="id-exp-item">
          <div className="id-exp-main">
            <Link to={`/experiments/${e.id}`} className="id-exp-name">
              {e.name}
            </Link>
            <span className="id-exp-desc" title={e.description || undefined}>
              {e.description || 'No description'}
            </span>
          </div>
          <div className="id-exp-meta">
            {e.activeRunCount > 0 && (
              <span className="badge badge-RUNNING">
                <span className="pulse" aria-hidden />
                {e.activeRunCount} running
              </span>
            )}
            <span className="muted small tabular">{e.runCount.toLocaleString('en')} runs</span>
            <span className="muted small" title={formatDateTime(e.lastActivity)}>
              {formatAgo(e.lastActivity, now)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
