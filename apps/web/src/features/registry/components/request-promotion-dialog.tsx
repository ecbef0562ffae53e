// Ask for an alias to move to a version: the alias, and a sentence on why. The request
// then waits for the policy's sign-offs in the approval queue.
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ApprovalRequirement } from '@quorum/domain';
import { RegGateBadge } from '../../../components/reg-badges';
import { RegFormDialog } from '../../../components/reg-dialog';
import { regFormErrors } from '../../../components/reg-form-errors';
import { regRoleInline, type RegGateRow } from '../../../components/reg-gate';
import { usePromotionRequest } from '../api/use-registry';

const MIN_JUSTIFICATION = 10;
const ALIAS = /^[a-z][a-z0-9_-]{0,62}$/;

export function RequestPromotionDialog({
  modelName,
  version,
  aliases,
  approvals,
  onClose,
}: {
  modelName: string;
  version: { id: number; version: number; gate: RegGateRow | null };
  /** Aliases the model already has, with the version each serves. */
  aliases: { alias: string; version: number }[];
  approvals: ApprovalRequirement[];
  onClose: () => void;
}) {
  const id = useId();
  const navigate = useNavigate();
  const [alias, setAlias] = useState('production');
  const [justification, setJustification] = useState('');
  const [touched, setTouched] = useState(false);
  const request = usePromotionRequest();
  const aliasClean = alias.trim();
  const server = regFormErrors(request.error);
  const local = {
    alias: ALIAS.test(aliasClean) ? null : 'An alias is lowercase letters, digits, _ or -, starting with a letter (e.g. production)',
    justification: justification.trim().length >= MIN_JUSTIFICATION ? null : `Say in a sentence (at least ${MIN_JUSTIFICATION} characters) why this version should serve this alias`,
  };
  const aliasError = (touched ? local.alias : null) ?? server.fields.alias;
  const justificationError = (touched ? local.justification : null) ?? server.fields.justification;
  const current = aliases.find((a) => a.alias === aliasClean);
  const signers = approvals.map((a) => `${a.count > 1 ? `${a.count} × ` : ''}${regRoleInline(a.role)}`).join(' and ');

  const submit = () => {
    setTouched(true);
    if (local.alias || local.justification) return;
    request.mutate(
      { versionId: version.id, alias: aliasClean, justification: justification.trim() },
      {
        onSuccess: (created) => {
          onClose();
          void navigate(`/approvals/${created.id}`);
        },
      },
    );
  };

  return (
    <RegFormDialog
      title={`Request promotion of ${modelName} v${version.version}`}
      onClose={onClose}
      formId={`${id}-form`}
      pending={request.isPending}
      submitLabel="Send request"
      pendingLabel="Requesting…"
      onSubmit={() => submit()}
    >
        <div className="row small">
          <span className="muted">Gates of v{version.version}:</span> <RegGateBadge gate={version.gate} />
        </div>
        {version.gate && !version.gate.passed && (
          <div className="alert reg-alert-warn small">Some gates are red. You may still ask, but nobody can approve until every gate passes.</div>
        )}
        <div className="field">
          <label htmlFor={`${id}-alias`}>Alias</label>
          <input
            id={`${id}-alias`}
            className={`input input-mono${aliasError ? ' invalid' : ''}`}
            list={`${id}-aliases`}
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
            autoComplete="off"
            aria-invalid={!!aliasError}
          />
          <datalist id={`${id}-aliases`}>
            {[...new Set(['production', 'staging', ...aliases.map((a) => a.alias)])].map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          {aliasError ? (
            <div className="field-error reg-field-error">{aliasError}</div>
          ) : (
            <div className="small muted">
              {current ? `${aliasClean} serves v${current.version} now.` : ALIAS.test(aliasClean) ? `${aliasClean} is new: nothing is served under it yet.` : 'Pick an alias or type a new one.'}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-justification`}>Justification</label>
          <textarea
            id={`${id}-justification`}
            className={`input reg-textarea${justificationError ? ' invalid' : ''}`}
            rows={4}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            placeholder="Why should this version serve the alias? e.g. lifts val_auc by 0.01 with fairness and latency inside policy"
            aria-invalid={!!justificationError}
            data-autofocus
          />
          {justificationError ? <div className="field-error reg-field-error">{justificationError}</div> : <div className="small muted">Approvers read this first. At least {MIN_JUSTIFICATION} characters.</div>}
        </div>
        <p className="small muted reg-form-note">
          The alias moves only when every gate is green and {signers || 'the roles the policy names'} {approvals.length === 1 && approvals[0]!.count === 1 ? 'has' : 'have'} signed off; you cannot approve your own request.
        </p>
        {server.form && (
          <div className="alert alert-error" role="alert">
            {server.form}
          </div>
        )}
    </RegFormDialog>
  );
}
