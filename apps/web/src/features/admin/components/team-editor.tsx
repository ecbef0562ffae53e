// Creating or editing a squad: its name, description and members, with the role mix
// recomputed as people are ticked so the admin sees the findings before saving.
import { roleIs, squadMix } from '@quorum/domain';
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { RoleBadges } from '../../../components/id-role-badges';
import { useTeamCreate, useTeamSetMembers, useTeamUpdate, useUserList, type AdminTeam } from '../api/use-admin';
import { TeamMixBar } from './team-mix-bar';

export function TeamEditor({ team, onDone }: { team: AdminTeam | null; onDone: () => void }) {
  const users = useUserList(true);
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [memberIds, setMemberIds] = useState<number[]>(team?.members.map((m) => m.id) ?? []);
  const [search, setSearch] = useState('');
  const create = useTeamCreate();
  const update = useTeamUpdate();
  const setMembers = useTeamSetMembers();
  const id = useId();
  const pending = create.isPending || update.isPending || setMembers.isPending;
  const error = idReadableError(create.error ?? update.error ?? setMembers.error);

  const all = (users.data ?? []).filter((u) => u.disabledAt === null || memberIds.includes(u.id));
  const q = search.trim().toLowerCase();
  const shown = q ? all.filter((u) => `${u.name} ${u.email} ${u.roles.join(' ')}`.toLowerCase().includes(q)) : all;
  const preview = squadMix(all.filter((u) => memberIds.includes(u.id) && u.disabledAt === null).map((u) => ({ roles: u.roles.filter(roleIs) })));

  const save = async () => {
    if (!team) {
      await create.mutateAsync({ name, description, memberIds });
    } else {
      if (name.trim() !== team.name || description !== team.description) await update.mutateAsync({ id: team.id, name, description });
      await setMembers.mutateAsync({ id: team.id, memberIds });
    }
    onDone();
  };

  return (
    <form
      className="id-team-editor"
      aria-label={team ? `Edit ${team.name}` : 'Create team'}
      onSubmit={(e) => {
        e.preventDefault();
        // Errors are shown from the mutations' state.
        save().catch(() => undefined);
      }}
    >
      <div className="id-form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Team name</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required autoFocus={!team} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>Description</label>
          <input id={`${id}-desc`} className="input" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} placeholder="What the squad works on" />
        </div>
      </div>
      <fieldset className="id-fieldset">
        <legend>
          Members <span className="muted">({memberIds.length} selected)</span>
        </legend>
        <input className="input id-member-search" type="search" aria-label="Find people" placeholder="Find by name, email or role" value={search} onChange={(e) => setSearch(e.target.value)} />
        {users.isPending ? (
          <p className="small muted">Loading people…</p>
        ) : (
          <ul className="id-member-picker">
            {shown.map((u) => (
              <li key={u.id}>
                <label className="check">
                  <input type="checkbox" checked={memberIds.includes(u.id)} onChange={(e) => setMemberIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))} />
                  <span className="id-member-name">{u.name}</span>
                  <RoleBadges roles={u.roles} />
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="small muted">Nobody matches “{search}”.</li>}
          </ul>
        )}
      </fieldset>
      <div className="id-editor-preview">
        <div className="id-editor-label">Mix with these members</div>
        <TeamMixBar mix={preview} />
        {preview.findings.length > 0 && (
          <ul className="id-findings small">
            {preview.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error.message}
        </div>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={pending || name.trim() === ''}>
          {pending ? 'Saving…' : team ? 'Save team' : 'Create team'}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
