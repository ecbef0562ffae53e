// What the request asks: the move, who asked and why, how long it stays open, and why
// its approvals were reset if they were.
import { Link } from 'react-router';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { PromotionDetail } from '../api/types';

export function RequestFacts({ request, version, current, now }: { request: PromotionDetail; version: number | null; current: { id: number; version: number } | null; now: number }) {
  const nameOf = useRegUserNames();
  const open = request.state === 'pending' || request.state === 'approved';
  return (
    <section className="card" aria-label="Request">
      <div className="card-body stack">
        {request.resetReason && (
          <div className="alert reg-alert-warn" role="status">
            <strong>Approvals were reset:</strong> {request.resetReason}. Signatures given before the reset no longer count toward the quorum.
          </div>
        )}
        <dl className="reg-request-facts">
          <div>
            <dt>Move</dt>
            <dd>
              <span className="mono">{request.alias}</span>:{' '}
              {current ? (
                <Link to={`/models/${request.modelId}/versions/${current.id}`}>v{current.version}</Link>
              ) : (
                <span className="muted">nothing</span>
              )}{' '}
              →{' '}
              <Link to={`/models/${request.modelId}/versions/${request.versionId}`} className="reg-version-link">
                v{version ?? '…'}
              </Link>
            </dd>
          </div>
          <div>
            <dt>Requested by</dt>
            <dd>
              {nameOf(request.requestedBy)} <span className="muted small">{formatAgo(request.requestedAt, now)}</span>
            </dd>
          </div>
          <div>
            <dt>{open ? 'Expires' : request.state === 'applied' ? 'Applied' : 'Decided'}</dt>
            <dd title={formatDateTime(open ? request.expiresAt : (request.appliedAt ?? request.decidedAt ?? request.expiresAt))}>
              {open ? formatAgo(request.expiresAt, now) : formatDateTime(request.appliedAt ?? request.decidedAt ?? request.expiresAt)}
            </dd>
          </div>
          <div>
            <dt>Model</dt>
            <dd>
              <Link to={`/models/${request.modelId}`}>{request.modelName}</Link>
            </dd>
          </div>
        </dl>
        <div>
          <div className="reg-fact-label">Justification</div>
          <blockquote className="reg-quote">{request.justification}</blockquote>
        </div>
      </div>
    </section>
  );
}
