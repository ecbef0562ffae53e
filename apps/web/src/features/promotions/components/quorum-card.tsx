// The quorum: the sign-offs the policy asks for, how many are in, and every signature
// with its role, comment and time; signatures voided by changed evidence are struck through.
import { RegStateBadge } from '../../../components/reg-badges';
import { regRoleLabel } from '../../../components/reg-gate';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatDateTime } from '../../../lib/format';
import type { PromotionDetail } from '../api/types';
import { QuorumProgress } from './quorum-progress';

export function QuorumCard({ request }: { request: PromotionDetail }) {
  const nameOf = useRegUserNames();
  const missing = new Map(request.quorum.missing.map((m) => [m.role, m.count]));
  return (
    <section className="card" aria-labelledby="reg-quorum-title">
      <div className="card-header">
        <h2 id="reg-quorum-title">Quorum</h2>
        <RegStateBadge state={request.state} />
      </div>
      <div className="card-body stack reg-quorum-body">
        <QuorumProgress required={request.policy.approvals} quorum={request.quorum} />
        <ul className="reg-required" aria-label="Required sign-offs">
          {request.policy.approvals.map((a) => {
            const have = a.count - (missing.get(a.role) ?? 0);
            return (
              <li key={a.role} className={have >= a.count ? 'is-met' : undefined}>
                <span className={`badge id-role id-role-${a.role}`}>{regRoleLabel(a.role)}</span>
                <span className="spacer" />
                <span className="tabular">
                  {have} of {a.count}
                </span>
                <span aria-hidden>{have >= a.count ? '✓' : '…'}</span>
              </li>
            );
          })}
        </ul>
        {request.approvals.length === 0 ? (
          <p className="muted small reg-no-margin">Nobody has signed yet.</p>
        ) : (
          <ol className="reg-signatures" aria-label="Signatures">
            {request.approvals.map((a) => {
              const reset = a.resetAt !== null;
              const body = (
                <>
                  <strong>{nameOf(a.userId)}</strong> {a.decision === 'approve' ? 'approved' : 'rejected'} as {regRoleLabel(a.role).toLowerCase().replace('mlops', 'MLOps')}
                </>
              );
              return (
                <li key={a.id} className={`reg-signature is-${a.decision}${reset ? ' is-reset' : ''}`}>
                  <div className="reg-signature-head">
                    <span className="reg-signature-mark" aria-hidden>
                      {a.decision === 'approve' ? '✓' : '✗'}
                    </span>
                    <span>{reset ? <s>{body}</s> : body}</span>
                  </div>
                  <div className="small muted">
                    {formatDateTime(a.createdAt)}
                    {reset && a.resetAt !== null && <> · reset {formatDateTime(a.resetAt)}: the evidence changed</>}
                  </div>
                  {a.comment && <blockquote className="reg-quote small">{a.comment}</blockquote>}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
