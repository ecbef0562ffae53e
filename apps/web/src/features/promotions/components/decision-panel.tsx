// Approve or reject, signed in one of the roles the policy asks for. What would stop the
// person (their own request, a version they built, red gates) shows before they click;
// whatever the server still refuses shows in place.
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { regRoleLabel } from '../../../components/reg-gate';
import { DECISION_LOADING, type DecisionState } from '../utils/decision';
import { useDecide } from '../api/use-promotions';

export function DecisionPanel({ requestId, decision }: { requestId: number; decision: DecisionState }) {
  const id = useId();
  const decide = useDecide();
  const [role, setRole] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const signAs = role ?? decision.roles[0] ?? '';
  const error = idReadableError(decide.error);
  const blocked = decision.blocked;
  const busy = decide.isPending;

  const send = (choice: 'approve' | 'reject') => {
    if (choice === 'reject' && comment.trim() === '') {
      setCommentError('Say why you reject the request: the requester reads it');
      return;
    }
    setCommentError(null);
    decide.mutate({ requestId, decision: choice, role: signAs, comment: comment.trim() });
  };

  return (
    <section className="card reg-decision" aria-labelledby="reg-decision-title">
      <div className="card-header">
        <h2 id="reg-decision-title">Your decision</h2>
      </div>
      <form className="card-body reg-form" onSubmit={(e) => e.preventDefault()}>
        {blocked && blocked !== DECISION_LOADING && (
          <div className="alert reg-alert-warn" id={`${id}-blocked`}>
            {blocked}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-role`}>Sign as</label>
          <select id={`${id}-role`} className="input" value={signAs} onChange={(e) => setRole(e.target.value)} disabled={!!blocked || decision.roles.length === 0}>
            {decision.roles.length === 0 && <option value="">No role the policy asks for</option>}
            {decision.roles.map((r) => (
              <option key={r} value={r}>
                {regRoleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea
            id={`${id}-comment`}
            className={`input reg-textarea${commentError ? ' invalid' : ''}`}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            disabled={!!blocked}
            placeholder="What you checked, or why you reject"
            aria-invalid={!!commentError}
          />
          {commentError ? <div className="field-error reg-field-error">{commentError}</div> : <div className="small muted">Optional to approve; required to reject.</div>}
        </div>
        {!blocked && decision.approveBlocked && <div className="small reg-approve-blocked">{decision.approveBlocked}</div>}
        {error && (
          <div className="alert alert-error" role="alert">
            {error.message}
          </div>
        )}
        <div className="row">
          <button
            type="button"
            className="btn btn-primary reg-approve"
            onClick={() => send('approve')}
            disabled={busy || !!decision.approveBlocked}
            title={decision.approveBlocked ?? undefined}
            aria-describedby={blocked && blocked !== DECISION_LOADING ? `${id}-blocked` : undefined}
          >
            {decide.isPending && decide.variables?.decision === 'approve' ? 'Approving…' : 'Approve'}
          </button>
          <button type="button" className="btn id-btn-danger" onClick={() => send('reject')} disabled={busy || !!blocked} title={blocked ?? undefined}>
            {decide.isPending && decide.variables?.decision === 'reject' ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
      </form>
    </section>
  );
}
