// Everyone with access: people and service accounts, their roles and whether they can
// still sign in. "Edit" opens the editor under the row.
import { Fragment, useState } from 'react';
import { RoleBadges } from '../../../components/id-role-badges';
import { formatDateTime } from '../../../lib/format';
import type { AdminUser } from '../api/use-admin';
import { UserEditor } from './user-editor';

export function UsersTable({ users, selfId }: { users: readonly AdminUser[]; selfId: number }) {
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <div className="table-scroll">
      <table className="table id-users-table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Kind</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <Fragment key={u.id}>
              <tr className={`${u.disabledAt !== null ? 'id-row-dim' : ''}${editing === u.id ? ' id-row-open' : ''}`}>
                <td className="id-strong">
                  {u.name}
                  {u.id === selfId && <span className="muted small"> (you)</span>}
                </td>
                <td className="muted">{u.email}</td>
                <td>{u.kind === 'service' ? <span className="badge id-kind-service">service</span> : <span className="small">person</span>}</td>
                <td>
                  <RoleBadges roles={u.roles} />
                </td>
                <td>
                  {u.disabledAt === null ? (
                    <span className="badge id-badge-good">active</span>
                  ) : (
                    <span className="badge id-badge-bad" title={`Disabled ${formatDateTime(u.disabledAt)}`}>
                      disabled
                    </span>
                  )}
                </td>
                <td className="id-row-actions">
                  <button type="button" className="btn btn-sm btn-ghost" aria-expanded={editing === u.id} onClick={() => setEditing(editing === u.id ? null : u.id)}>
                    {editing === u.id ? 'Close' : 'Edit'}
                    <span className="sr-only"> {u.name}</span>
                  </button>
                </td>
              </tr>
              {editing === u.id && (
                <tr className="id-editor-row">
                  <td colSpan={6}>
                    <UserEditor user={u} isSelf={u.id === selfId} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
