// One experiment in the list, with rename (inline) and archive/restore.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { PolicyGate } from '../../../components/policy-gate';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useExperimentRename, type ExperimentSummary } from '../api/use-experiments';

export function ExperimentRow({
  experiment: e,
  now,
  onArchive,
  archiving,
}: {
  experiment: ExperimentSummary;
  now: number;
  onArchive: (e: ExperimentSummary, archived: boolean) => void;
  archiving: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const rename = useExperimentRename();
  const errorId = useId();
  const archived = e.archivedAt !== null;

  const stopEditing = () => {
    setDraft(null);
    rename.reset();
  };

  return (
    <tr className={archived ? 'is-archived' : undefined}>
      <td className="exp-name">
        {draft === null ? (
          <>
            <span className="row exp-name-line">
              <Link to={`/experiments/${e.id}`}>{e.name}</Link>
              {archived && <span className="badge">archived</span>}
            </span>
            <span className="exp-description" title={e.description || undefined}>
              {e.description || 'No description'}
            </span>
          </>
        ) : (
          <form
            className="rename-form"
            onSubmit={(ev) => {
              ev.preventDefault();
              if (draft.trim() === e.name) return stopEditing();
              rename.mutate({ id: e.id, name: draft }, { onSuccess: stopEditing });
            }}
          >
            <div className="row">
              <input
                className={`input input-sm${rename.error ? ' invalid' : ''}`}
                aria-label={`New name for ${e.name}`}
                aria-invalid={rename.error ? true : undefined}
                aria-describedby={rename.error ? errorId : undefined}
                value={draft}
                onChange={(ev) => setDraft(ev.target.value)}
                onKeyDown={(ev) => ev.key === 'Escape' && stopEditing()}
                maxLength={500}
                autoFocus
              />
              <button type="submit" className="btn btn-primary btn-sm" disabled={rename.isPending || draft.trim() === ''}>
                Save
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={stopEditing}>
                Cancel
              </button>
            </div>
            {rename.error && (
              <div className="field-error" id={errorId} role="alert">
                {rename.error.message}
              </div>
            )}
          </form>
        )}
      </td>
      <td className="num">{e.runCount.toLocaleString('en')}</td>
      <td className="num">
        {e.activeRunCount > 0 ? (
          <span className="badge badge-RUNNING" title={`${e.activeRunCount} run${e.activeRunCount === 1 ? '' : 's'} in progress`}>
            <span className="pulse" aria-hidden />
            {e.activeRunCount} running
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td title={formatDateTime(e.lastActivity)}>{formatAgo(e.lastActivity, now)}</td>
      <td className="exp-actions">
        {/* The name is in the button's text, not aria-label, so getByLabel('Name') finds only form fields. */}
        <PolicyGate action="experiments.rename">
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(e.name)} disabled={draft !== null}>
            Rename<span className="sr-only"> {e.name}</span>
          </button>
        </PolicyGate>
        <PolicyGate action="experiments.archive">
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => onArchive(e, !archived)}
            disabled={archiving}
          >
            {archived ? 'Restore' : 'Archive'}
            <span className="sr-only"> {e.name}</span>
          </button>
        </PolicyGate>
      </td>
    </tr>
  );
}
