// Emergency rollback: the alias moves back to the version it held before, at once, with
// no sign-off; the reason goes to the compliance lead as a review item.
import { useId, useState } from 'react';
import { RegFormDialog } from '../../../components/reg-dialog';
import { regFormErrors } from '../../../components/reg-form-errors';
import { useRollback } from '../api/use-registry';

const MIN_REASON = 10;

export function RollbackDialog({
  modelId,
  modelName,
  alias,
  fromVersion,
  toVersion,
  onClose,
}: {
  modelId: number;
  modelName: string;
  alias: string;
  fromVersion: number;
  toVersion: number | null;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const rollback = useRollback();
  const short = reason.trim().length < MIN_REASON;
  const server = regFormErrors(rollback.error);
  const reasonError = (touched && short ? `Say what went wrong in at least ${MIN_REASON} characters: the compliance lead reviews every rollback` : null) ?? server.fields.reason;

  const submit = () => {
    setTouched(true);
    if (short) return;
    rollback.mutate({ modelId, alias, reason: reason.trim() }, { onSuccess: onClose });
  };

  return (
    <RegFormDialog
      title={`Roll back ${modelName}@${alias}`}
      onClose={onClose}
      formId={`${id}-form`}
      pending={rollback.isPending}
      submitLabel={`Roll back to ${toVersion === null ? 'the previous version' : `v${toVersion}`}`}
      pendingLabel="Rolling back…"
      submitClassName="id-btn-danger"
      onSubmit={() => submit()}
    >
        <div className="alert reg-alert-warn">
          <strong>
            {alias} moves from v{fromVersion} back to {toVersion === null ? 'the previous version' : `v${toVersion}`} at once.
          </strong>{' '}
          A rollback needs no sign-off, so it also opens a review item for the compliance lead with your reason.
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea
            id={`${id}-reason`}
            className={`input reg-textarea${reasonError ? ' invalid' : ''}`}
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="What went wrong in production? e.g. p95 latency doubled after the deploy at 14:05"
            aria-invalid={!!reasonError}
            data-autofocus
          />
          {reasonError ? <div className="field-error reg-field-error">{reasonError}</div> : <div className="small muted">At least {MIN_REASON} characters.</div>}
        </div>
        {server.form && (
          <div className="alert alert-error" role="alert">
            {server.form}
          </div>
        )}
    </RegFormDialog>
  );
}
