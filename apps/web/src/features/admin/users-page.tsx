// /admin/users — who has access and with which roles. Admins only: others are told why.
import { useState } from 'react';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { ErrorBox, LoadingRows } from '../../components/states';
import { useSession } from '../../lib/session';
import { useUserList } from './api/use-admin';
import { AdminOnly } from './components/admin-only';
import { UserCreateForm } from './components/user-create-form';
import { UsersTable } from './components/users-table';

export function UsersPage() {
  const { can, user } = useSession();
  const decision = can('users.list');
  const list = useUserList(decision.allowed);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const users = list.data ?? [];
  const mayCreate = can('users.create');

  if (!decision.allowed) {
    return (
      <div className="page">
        <PageHeader title="Users" />
        <AdminOnly what="users" reason={decision.reason} />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="Users"
        description="People sign in with a password; service accounts act only through API tokens. Roles decide what each may do."
        actions={
          !creating && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={!mayCreate.allowed} title={mayCreate.allowed ? undefined : mayCreate.reason}>
              Create user
            </button>
          )
        }
      />
      {creating && (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setNotice(u.kind === 'service' ? `Created service account ${u.name}. Create a token for it on the API tokens page.` : `Created ${u.name} (${u.email}).`);
          }}
        />
      )}
      {notice && (
        <div className="alert alert-info row notice" role="status">
          <span>{notice}</span>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ✕
          </button>
        </div>
      )}
      <section className="card" aria-label="Users">
        <div className="card-header">
          <h2>
            {users.filter((u) => u.disabledAt === null).length} active <span className="muted">· {users.length} in all</span>
          </h2>
        </div>
        {list.isPending ? (
          <LoadingRows rows={8} />
        ) : list.isError ? (
          <div className="card-body">
            <ErrorBox error={idReadableError(list.error)} onRetry={() => void list.refetch()} />
          </div>
        ) : (
          <UsersTable users={users} selfId={user.id} />
        )}
      </section>
    </div>
  );
}
