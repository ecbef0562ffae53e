// The model's gate policy in words: each check as a sentence and the sign-offs a
// promotion needs; roles that may change it edit the JSON in place.
import { useState } from 'react';
import { gateCheckDescribe, gatePolicyValidate } from '@quorum/domain';
import { regRoleLabel } from '../../../components/reg-gate';
import { useSession } from '../../../lib/session';
import type { ModelDetail } from '../api/types';
import { PolicyEditor } from './policy-editor';

const KIND_LABEL = { metric: 'performance', champion: 'vs champion', fairness: 'fairness', drift: 'drift', latency: 'latency' } as const;

export function GatePolicyCard({ model }: { model: ModelDetail }) {
  const mayEdit = useSession().can('models.setPolicy');
  const [editing, setEditing] = useState(false);
  const checked = gatePolicyValidate(model.gatePolicy);

  return (
    <section className="card" aria-labelledby="reg-policy-title">
      <div className="card-header">
        <h2 id="reg-policy-title">Gate policy</h2>
        {!editing && (
          <button type="button" className="btn btn-sm" onClick={() => setEditing(true)} disabled={!mayEdit.allowed} title={mayEdit.allowed ? 'Edit the checks and sign-offs as JSON' : mayEdit.reason}>
            Edit policy
          </button>
        )}
      </div>
      <div className="card-body">
        {editing ? (
          <PolicyEditor modelId={model.id} policy={model.gatePolicy} onDone={() => setEditing(false)} />
        ) : !checked.ok ? (
          <div className="alert alert-error">The stored policy is not valid: {checked.errors.join('; ')}</div>
        ) : (
          <div className="reg-policy">
            <div>
              <h3 className="reg-subtitle">Every version must pass</h3>
              {checked.policy.checks.length === 0 ? (
                <p className="muted small">No checks: only the sign-offs gate a promotion.</p>
              ) : (
                <ul className="reg-policy-checks">
                  {checked.policy.checks.map((c) => (
                    <li key={c.id}>
                      <span className="badge reg-kind">{KIND_LABEL[c.kind]}</span>
                      <span>{gateCheckDescribe(c)}</span>
                      <span className="mono small muted">{c.id}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="reg-subtitle">Every promotion needs</h3>
              <ul className="reg-policy-checks">
                {checked.policy.approvals.map((a) => (
                  <li key={a.role}>
                    <span className="count-pill">{a.count}</span>
                    <span>
                      {regRoleLabel(a.role)} approval{a.count === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="small muted reg-policy-note">Never the requester, nor whoever registered the version or trained its run.</p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
