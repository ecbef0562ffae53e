// "Create user": a person (who signs in with a password) or a service account (which
// acts only through API tokens). Server objections show in place.
import type { Role } from '@quorum/domain';
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { useUserCreate, type AdminUser } from '../api/use-admin';
import { RoleCheckboxes } from './role-checkboxes';

export function UserCreateForm({ onCreated, onCancel }: { onCreated: (user: AdminUser) => void; onCancel: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'human' | 'service'>('human');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const create = useUserCreate();
  const id = useId();
  const error = idReadableError(create.error);
  const human = kind === 'human';
  const missing = email.trim() === '' || name.trim() === '' || roles.length === 0 || (human && password.length < 10);

  return (
    <form
      className="card create-form"
      aria-label="Create user"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ email, name, kind, roles, ...(human && { password }) }, { onSuccess: onCreated });
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="card-header">
        <h2>Create user</h2>
      </div>
      <div className="card-body id-form-grid">
        <fieldset className="id-fieldset id-form-wide">
          <legend>Kind</legend>
          <div className="id-checks">
            <label className="check">
              <input type="radio" name={`${id}-kind`} checked={human} onChange={() => setKind('human')} />
              Person <span className="muted small">signs in with a password</span>
            </label>
            <label className="check">
              <input type="radio" name={`${id}-kind`} checked={!human} onChange={() => setKind('service')} />
              Service account <span className="muted small">for pipelines; acts only through API tokens</span>
            </label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder={human ? 'name@example.org' : 'ci-bot@example.org'} required autoFocus />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder={human ? 'Full name' : 'e.g. Nightly retrain'} maxLength={200} required />
        </div>
        {human && (
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={10} required />
            <span className="small muted">At least 10 characters. Share it with them out of band.</span>
          </div>
        )}
        <div className="id-form-wide">
          <RoleCheckboxes legend="Roles" value={roles} onChange={setRoles} />
        </div>
        {error && (
          <div className="alert alert-error id-form-wide" role="alert">
            {error.message}
          </div>
        )}
        <div className="row id-form-wide">
          <button type="submit" className="btn btn-primary" disabled={create.isPending || missing}>
            {create.isPending ? 'Creating…' : human ? 'Create user' : 'Create service account'}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
          {missing && !create.isPending && <span className="small muted">{roles.length === 0 ? 'Give them at least one role.' : 'Fill in every field.'}</span>}
        </div>
      </div>
    </form>
  );
}
