// One squad: its role mix against the usual split, what is off, and who is in it.
import { useState } from 'react';
import { RoleBadges } from '../../../components/id-role-badges';
import { useSession } from '../../../lib/session';
import type { AdminTeam } from '../api/use-admin';
import { TeamEditor } from './team-editor';
import { TeamMixBar } from './team-mix-bar';

export function TeamCard({ team }: { team: AdminTeam }) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const mayEdit = can('teams.setMembers');
  const { mix } = team;

  return (
    <section className="card id-team-card" aria-label={team.name}>
      <div className="card-header">
        <div className="id-team-title">
          <h2>{team.name}</h2>
          {team.description && <div className="small muted">{team.description}</div>}
        </div>
        <div className="row">
          {mix.balanced ? <span className="badge id-badge-good">✓ Balanced</span> : <span className="badge id-badge-warn">{mix.findings.length === 1 ? '1 finding' : `${mix.findings.length} findings`}</span>}
          {!editing && (
            <button type="button" className="btn btn-sm" onClick={() => setEditing(true)} disabled={!mayEdit.allowed} title={mayEdit.allowed ? undefined : mayEdit.reason}>
              Edit<span className="sr-only"> {team.name}</span>
            </button>
          )}
        </div>
      </div>
      <div className="card-body stack">
        {editing ? (
          <TeamEditor team={team} onDone={() => setEditing(false)} />
        ) : (
          <>
            <TeamMixBar mix={mix} />
            {mix.findings.length > 0 && (
              <ul className="id-findings small">
                {mix.findings.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
            <ul className="id-members">
              {team.members.map((m) => (
                <li key={m.id} className={m.disabledAt !== null ? 'id-row-dim' : undefined} title={m.disabledAt !== null ? 'Disabled: not counted in the mix' : m.email}>
                  <span className="id-member-name">{m.name}</span>
                  <RoleBadges roles={m.roles} />
                </li>
              ))}
              {team.members.length === 0 && <li className="small muted">No members yet.</li>}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
