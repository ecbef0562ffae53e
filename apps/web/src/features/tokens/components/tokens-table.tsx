// The tokens list. Revoking asks once more in the row, since scripts using the token
// stop working at once.
import { policyMayRevokeToken, roleIs } from '@quorum/domain';
import { useState } from 'react';
import { RoleBadges } from '../../../components/id-role-badges';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useTokenRevoke, type TokenRow } from '../api/use-tokens';
import { tokenStatus } from '../utils/token-status';

function When({ at, now, never }: { at: number | null; now: number; never: string }) {
  if (at === null) return <span className="muted">{never}</span>;
  return <span title={formatDateTime(at)}>{formatAgo(at, now)}</span>;
}

export function TokensTable({ tokens, now, showOwner }: { tokens: readonly TokenRow[]; now: number; showOwner: boolean }) {
  const { user } = useSession();
  const revoke = useTokenRevoke();
  const [confirming, setConfirming] = useState<number | null>(null);

  return (
    <div className="table-scroll">
      <table className="table id-tokens-table" aria-label="API tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            {showOwner && <th scope="col">Owner</th>}
            <th scope="col">Roles</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const status = tokenStatus(t, now);
            const may = policyMayRevokeToken({ userId: user.id, roles: user.roles.filter(roleIs) }, t);
            const failed = revoke.isError && revoke.variables?.id === t.id;
            return (
              <tr key={t.id} className={status === 'active' ? undefined : 'id-row-dim'}>
                <td className="id-strong">{t.name}</td>
                <td className="mono">{t.prefix}…</td>
                {showOwner && <td>{t.userId === user.id ? 'You' : t.userName}</td>}
                <td>
                  <RoleBadges roles={t.roles} />
                </td>
                <td>
                  <When at={t.createdAt} now={now} never="—" />
                </td>
                <td>
                  <When at={t.lastUsedAt} now={now} never="never" />
                </td>
                <td>{status === 'revoked' ? <span className="muted">—</span> : <When at={t.expiresAt} now={now} never="never" />}</td>
                <td>
                  {status === 'active' ? (
                    <span className="badge id-badge-good">active</span>
                  ) : status === 'expired' ? (
                    <span className="badge id-badge-warn">expired</span>
                  ) : (
                    <span className="badge id-badge-bad" title={t.revokedAt ? formatDateTime(t.revokedAt) : undefined}>
                      revoked
                    </span>
                  )}
                </td>
                <td className="id-token-actions">
                  {status === 'revoked' ? null : confirming === t.id ? (
                    <span className="row id-confirm" role="group" aria-label={`Confirm revoking ${t.name}`}>
                      <span className="small">Scripts using it stop at once.</span>
                      <button
                        type="button"
                        className="btn btn-sm id-btn-danger"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ id: t.id }, { onSuccess: () => setConfirming(null) })}
                      >
                        {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
                      </button>
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={!may.allowed}
                      title={may.allowed ? `Revoke ${t.name}` : may.reason}
                      onClick={() => {
                        revoke.reset();
                        setConfirming(t.id);
                      }}
                    >
                      Revoke
                    </button>
                  )}
                  {failed && (
                    <div className="field-error" role="alert">
                      {revoke.error.message}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
