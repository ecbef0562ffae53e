// Editing one user in place: name and roles, a new password (people only), and
// disabling or enabling the account. Each is its own save, so an error names its cause.
import { roleIs, type Role } from '@quorum/domain';
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { useUserUpdate, type AdminUser } from '../api/use-admin';
import { RoleCheckboxes } from './role-checkboxes';

export function UserEditor({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles.filter(roleIs));
  const [password, setPassword] = useState('');
  const [confirmDisable, setConfirmDisable] = useState(false);
  const details = useUserUpdate();
  const reset = useUserUpdate();
  const status = useUserUpdate();
  const id = useId();
  const disabled = user.disabledAt !== null;
  const changed = name.trim() !== user.name || roles.join() !== user.roles.filter(roleIs).join();

  return (
    <div className="id-user-editor">
      <form
        className="id-editor-section"
        aria-label={`Edit ${user.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          details.mutate({ id: user.id, name, roles });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </div>
        <RoleCheckboxes legend="Roles" value={roles} onChange={setRoles} />
        <div className="row">
          <button type="submit" className="btn btn-primary btn-sm" disabled={!changed || roles.length === 0 || details.isPending}>
            {details.isPending ? 'Saving…' : 'Save changes'}
          </button>
          {roles.length === 0 && <span className="small muted">Keep at least one role.</span>}
          {details.isSuccess && !changed && <span className="small id-ok">Saved.</span>}
          {isSelf && <span className="small muted">Changing your own roles takes effect on your next request.</span>}
        </div>
        {details.error && (
          <div className="alert alert-error" role="alert">
            {idReadableError(details.error)?.message}
          </div>
        )}
      </form>

      {user.kind === 'human' && (
        <form
          className="id-editor-section"
          aria-label={`Reset password of ${user.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate({ id: user.id, password }, { onSuccess: () => setPassword('') });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-password`}>New password</label>
            <input id={`${id}-password`} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={10} />
            <span className="small muted">At least 10 characters. Their open sessions end.</span>
          </div>
          <div className="row">
            <button type="submit" className="btn btn-sm" disabled={password.length < 10 || reset.isPending}>
              {reset.isPending ? 'Setting…' : 'Reset password'}
            </button>
            {reset.isSuccess && <span className="small id-ok">Password changed.</span>}
          </div>
          {reset.error && (
            <div className="alert alert-error" role="alert">
              {idReadableError(reset.error)?.message}
            </div>
          )}
        </form>
      )}

      <div className="id-editor-section">
        <div className="id-editor-label">Account</div>
        <p className="small muted id-card-text">
          {disabled
            ? 'Disabled: cannot sign in, and its tokens do not work.'
            : 'Disabling ends their sessions and stops their tokens at once. The audit trail keeps everything they did.'}
        </p>
        {disabled ? (
          <button type="button" className="btn btn-sm" disabled={status.isPending} onClick={() => status.mutate({ id: user.id, disabled: false })}>
            Enable account
          </button>
        ) : confirmDisable ? (
          <div className="row">
            <button type="button" className="btn btn-sm id-btn-danger" disabled={status.isPending} onClick={() => status.mutate({ id: user.id, disabled: true }, { onSettled: () => setConfirmDisable(false) })}>
              Yes, disable {user.name}
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirmDisable(false)}>
              Keep
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setConfirmDisable(true)}
            // Disabling yourself would end this session with nobody noticing why.
            disabled={isSelf}
            title={isSelf ? 'Ask another admin to disable your account' : undefined}
          >
            Disable account
          </button>
        )}
        {isSelf && !disabled && <span className="small muted">You cannot disable your own account.</span>}
        {status.error && (
          <div className="alert alert-error" role="alert">
            {idReadableError(status.error)?.message}
          </div>
        )}
      </div>
    </div>
  );
}
