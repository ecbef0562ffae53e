// /admin/teams — squads and their role mix against the ~20% MLOps/platform : ~80%
// builders split and one compliance lead each. Anyone may look; admins edit.
import { SQUAD_OPS_SHARE_TARGET } from '@quorum/domain';
import { useState } from 'react';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import { useSession } from '../../lib/session';
import { useTeamList } from './api/use-admin';
import { TeamCard } from './components/team-card';
import { TeamEditor } from './components/team-editor';

export function TeamsPage() {
  const { can } = useSession();
  const list = useTeamList();
  const [creating, setCreating] = useState(false);
  const mayCreate = can('teams.create');
  const teams = list.data ?? [];
  const target = Math.round(SQUAD_OPS_SHARE_TARGET * 100);

  return (
    <div className="page">
      <PageHeader
        title="Teams"
        description={`Each squad’s role mix against the usual split: ~${target}% MLOps/platform to ~${100 - target}% builders, and one compliance lead.`}
        actions={
          !creating && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={!mayCreate.allowed} title={mayCreate.allowed ? undefined : mayCreate.reason}>
              Create team
            </button>
          )
        }
      />
      {!mayCreate.allowed && <p className="small muted id-helper">Only admins create and edit teams. {mayCreate.reason}</p>}
      {creating && (
        <section className="card create-form" aria-label="New team">
          <div className="card-header">
            <h2>New team</h2>
          </div>
          <div className="card-body">
            <TeamEditor team={null} onDone={() => setCreating(false)} />
          </div>
        </section>
      )}
      {list.isPending ? (
        <div className="card">
          <LoadingRows rows={6} />
        </div>
      ) : list.isError ? (
        <ErrorBox error={idReadableError(list.error)} onRetry={() => void list.refetch()} />
      ) : teams.length === 0 ? (
        <div className="card">
          <EmptyState title="No teams yet">
            <p>Group people into squads to see whether each has the roles it needs to ship models.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="id-team-grid">
          {teams.map((t) => (
            <TeamCard key={t.id} team={t} />
          ))}
        </div>
      )}
    </div>
  );
}
