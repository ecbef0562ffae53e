// Promotion requests made for this version, newest first.
import { Link } from 'react-router';
import { RegStateBadge } from '../../../components/reg-badges';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo } from '../../../lib/format';
import type { VersionDetail } from '../api/types';

export function VersionRequests({ requests, now }: { requests: VersionDetail['requests']; now: number }) {
  const nameOf = useRegUserNames();
  return (
    <section className="card" aria-labelledby="reg-version-requests-title">
      <div className="card-header">
        <h2 id="reg-version-requests-title">
          Promotion requests <span className="count-pill">{requests.length}</span>
        </h2>
      </div>
      {requests.length === 0 ? (
        <p className="card-body muted">Nobody has asked to promote this version yet.</p>
      ) : (
        <ul className="reg-request-list">
          {requests.map((r) => (
            <li key={r.id}>
              <div className="row">
                <Link to={`/approvals/${r.id}`} className="reg-request-link">
                  #{r.id} → {r.alias}
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
