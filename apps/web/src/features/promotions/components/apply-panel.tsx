// After the quorum: apply the approved request (the alias moves to the frozen bundle's
// version), or withdraw it; once applied, where to see the move.
import { useState } from 'react';
import { Link } from 'react-router';
import { idReadableError } from '../../../components/id-readable-error';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { PromotionDetail } from '../api/types';
import { useApply, useWithdraw } from '../api/use-promotions';

export function ApplyPanel({ request, version }: { request: PromotionDetail; version: number | null }) {
  const { can } = useSession();
  const apply = useApply();
  const mayApply = can('promotions.execute');
  const error = idReadableError(apply.error);
  const v = version === null ? 'the version' : `v${version}`;

  if (request.state === 'applied') {
    return (
      <section className="card reg-outcome reg-outcome-good" aria-label="Applied">
        <div className="card-body stack">
          <div>
            <strong>Applied {request.appliedAt ? formatDateTime(request.appliedAt) : ''}.</strong> {request.alias} now serves {v}.
          </div>
          <Link className="btn reg-btn-wrap" to={`/models/${request.modelId}`}>
            See the move on {request.modelName}’s alias timeline →
          </Link>
        </div>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="reg-apply-title">
      <div className="card-header">
        <h2 id="reg-apply-title">Apply</h2>
      </div>
      <div className="card-body stack">
        <p className="reg-no-margin">
          The quorum is met. The evidence was frozen when the last approval came in; applying moves <strong>{request.alias}</strong> to {v} at once.
        </p>
        {request.bundleHash && (
          <div>
            <div className="reg-fact-label">Frozen bundle sha256</div>
            <code className="reg-break reg-hash">{request.bundleHash}</code>
          </div>
        )}
        {error && (
          <div className="alert alert-error" role="alert">
            {error.message}
          </div>
        )}
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => apply.mutate({ requestId: request.id })} disabled={!mayApply.allowed || apply.isPending} title={mayApply.allowed ? undefined : mayApply.reason}>
            {apply.isPending ? 'Applying…' : 'Apply promotion'}
          </button>
        </div>
        {!mayApply.allowed && <p className="small muted reg-no-margin">{mayApply.reason}</p>}
      </div>
    </section>
  );
}

/** The requester (or an admin) may withdraw an open request; asks once more first. */
export function WithdrawControl({ request }: { request: PromotionDetail }) {
  const { user } = useSession();
  const withdraw = useWithdraw();
  const [confirming, setConfirming] = useState(false);
  const error = idReadableError(withdraw.error);
  const mine = request.requestedBy === user.id || user.roles.includes('admin');
  if (!mine || (request.state !== 'pending' && request.state !== 'approved')) return null;
  return (
    <div className="reg-withdraw">
      {confirming ? (
        <div className="row">
          <span className="small">Withdraw this request? It cannot be reopened.</span>
          <button type="button" className="btn btn-sm id-btn-danger" onClick={() => withdraw.mutate({ requestId: request.id })} disabled={withdraw.isPending}>
            {withdraw.isPending ? 'Withdrawing…' : 'Yes, withdraw'}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-sm" onClick={() => setConfirming(true)}>
          Withdraw
        </button>
      )}
      {error && <div className="field-error reg-field-error">{error.message}</div>}
    </div>
  );
}
