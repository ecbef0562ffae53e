// Who is signed in, the role they act as (for people who hold several) and sign-out.
import { useMutation } from '@tanstack/react-query';
import { ROLE_LABELS, roleIs, type Role } from '@quorum/domain';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

export function AccountMenu() {
  const { user, activeRole, setActiveRole, signedOut } = useSession();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const roleId = useId();
  const roles = user.roles.filter(roleIs);
  // Whatever the server says, the browser session is over for this person: a failed
  // sign-out (the session had already expired) still shows the sign-in page.
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        void navigate('/');
        signedOut();
      },
    }),
  );

  return (
    <div className="id-account">
      <div className="id-account-who">
        <span className="id-avatar" aria-hidden>
          {initials(user.name)}
        </span>
        <span className="id-account-text">
          <span className="id-account-name">{user.name}</span>
          <span className="id-account-email" title={user.email}>
            {user.email}
          </span>
        </span>
      </div>
      {roles.length > 1 ? (
        <div className="id-account-role">
          <label htmlFor={roleId}>Acting as</label>
          <select
            id={roleId}
            className="input id-role-select"
            value={activeRole}
            onChange={(e) => {
              setActiveRole(e.target.value as Role);
              void navigate('/home');
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="id-account-role-fixed">{ROLE_LABELS[activeRole]}</div>
      )}
      <button type="button" className="btn btn-sm id-signout" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
