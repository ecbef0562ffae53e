// "New API token": a name, the roles it carries (never more than its owner holds), an
// expiry, and for admins the service account it belongs to.
import { ROLE_LABELS, roleIs, type Role } from '@quorum/domain';
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { useSession } from '../../../lib/session';
import { useServiceAccounts, useTokenCreate, type CreatedToken } from '../api/use-tokens';

const DEFAULT_EXPIRY_DAYS = '90';

export function TokenCreateForm({ onCreated, autoFocus }: { onCreated: (token: CreatedToken) => void; autoFocus: boolean }) {
  const { user, can } = useSession();
  const mayChooseOwner = can('users.list').allowed;
  const services = useServiceAccounts(mayChooseOwner);
  const [name, setName] = useState('');
  const [ownerId, setOwnerId] = useState<number>(user.id);
  const owner = services.find((s) => s.id === ownerId);
  const ceiling: Role[] = (owner ? owner.roles : user.roles).filter(roleIs);
  const [roles, setRoles] = useState<Role[]>(ceiling);
  const [days, setDays] = useState(DEFAULT_EXPIRY_DAYS);
  const create = useTokenCreate();
  const id = useId();
  const error = idReadableError(create.error);
  const chosen = roles.filter((r) => ceiling.includes(r));
  const daysNumber = days.trim() === '' ? undefined : Number(days);
  const daysValid = daysNumber === undefined || (Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= 3650);

  return (
    <form
      className="card create-form"
      aria-label="New API token"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name, roles: chosen, ...(daysNumber !== undefined && { expiresInDays: daysNumber }), ...(ownerId !== user.id && { userId: ownerId }) },
          { onSuccess: onCreated },
        );
      }}
    >
      <div className="card-header">
        <h2>Create a token</h2>
      </div>
      <div className="card-body id-form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. github-actions"
            maxLength={100}
            required
            autoFocus={autoFocus}
          />
        </div>
        {mayChooseOwner && (
          <div className="field">
            <label htmlFor={`${id}-owner`}>Owner</label>
            <select
              id={`${id}-owner`}
              className="input"
              value={ownerId}
              onChange={(e) => {
                const next = Number(e.target.value);
                setOwnerId(next);
                const account = services.find((s) => s.id === next);
                setRoles((account ? account.roles : user.roles).filter(roleIs));
              }}
            >
              <option value={user.id}>Me ({user.name})</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} (service account)
                </option>
              ))}
            </select>
            <span className="small muted">{services.length === 0 ? 'Create a service account under Users to give a pipeline its own identity.' : 'Pipelines should use a service account, not a person.'}</span>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-days`}>Expires after (days)</label>
          <input
            id={`${id}-days`}
            className={`input${daysValid ? '' : ' invalid'}`}
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            placeholder="Never"
          />
          <span className={daysValid ? 'small muted' : 'field-error'}>{daysValid ? 'Empty: never expires.' : 'A whole number of days, 1 to 3650.'}</span>
        </div>
        <fieldset className="id-fieldset id-form-wide">
          <legend>Roles the token carries</legend>
          <div className="id-checks">
            {ceiling.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={chosen.includes(r)} onChange={(e) => setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))} />
                {ROLE_LABELS[r]}
              </label>
            ))}
          </div>
          <span className="small muted">
            {chosen.length === 0 ? 'Choose at least one role.' : `A token can do only what these roles allow, and never more than ${owner ? 'its owner' : 'you'} can.`}
          </span>
        </fieldset>
        {error && (
          <div className="alert alert-error id-form-wide" role="alert">
            {error.message}
          </div>
        )}
        <div className="row id-form-wide">
          <button type="submit" className="btn btn-primary" disabled={create.isPending || name.trim() === '' || chosen.length === 0 || !daysValid}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </div>
    </form>
  );
}
