// The model's open promotion requests (pending or approved), each linking to its page in the queue.
import { Link } from 'react-router';
import { RegStateBadge } from '../../../components/reg-badges';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo } from '../../../lib/format';
import type { ModelDetail } from '../api/types';

export function OpenRequestsCard({ model, now }: { model: ModelDetail; now: number }) {
  const nameOf = useRegUserNames();
  const open = model.requests.filter((r) => r.state === 'pending' || r.state === 'approved');
  const closed = model.requests.length - open.length;
  return (
    <section className="card" aria-labelledby="reg-open-title">
      <div className="card-header">
        <h2 id="reg-open-title">
          Open requests <span className="count-pill">{open.length}</span>
        </h2>
        {closed > 0 && <span className="small muted">{closed} decided</span>}
      </div>
      {open.length === 0 ? (
        <p className="card-body muted">No promotion is waiting on sign-off.</p>
      ) : (
        <ul className="reg-request-list">
          {open.map((r) => (
            <li key={r.id}>
              <div className="row">
                <Link to={`/approvals/${r.id}`} className="reg-request-link">
                  #{r.id} {r.alias} → v{r.version}
                </Link>
                <RegStateBadge state={r.state} />
              </div>
              <div className="small muted">
                by {nameOf(r.requestedBy)}, {formatAgo(r.requestedAt, now)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
