// The run's free-text notes, edited in place and saved with runs.update.
import { useState } from 'react';
import { PolicyGate } from '../../../components/policy-gate';
import { useRunUpdate } from '../api/use-run';

export function RunNotes({ runId, notes }: { runId: string; notes: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const update = useRunUpdate();
  const editing = draft !== null;

  const save = () => {
    if (draft === null) return;
    update.mutate({ runId, notes: draft }, { onSuccess: () => setDraft(null) });
  };

  return (
    <section className="card" aria-labelledby="run-notes-title">
      <div className="card-header">
        <h2 id="run-notes-title">Notes</h2>
        {!editing && (
          <PolicyGate action="runs.update">
            <button type="button" className="btn btn-sm" onClick={() => setDraft(notes)}>
              {notes ? 'Edit' : 'Add notes'}
            </button>
          </PolicyGate>
        )}
      </div>
      <div className="card-body">
        {editing ? (
          <form
            className="stack notes-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <textarea
              className="input notes-input"
              aria-label="Run notes"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                // Ctrl/⌘+Enter saves, as in most note fields.
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save();
                if (e.key === 'Escape') setDraft(null);
              }}
              rows={6}
              autoFocus
              placeholder="What did this run try, and what did you learn?"
            />
            {update.error && (
              <div className="alert alert-error" role="alert">
                {update.error.message}
              </div>
            )}
            <div className="row">
              <button type="submit" className="btn btn-primary btn-sm" disabled={update.isPending || draft === notes}>
                {update.isPending ? 'Saving…' : 'Save notes'}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(null)} disabled={update.isPending}>
                Cancel
              </button>
            </div>
          </form>
        ) : notes ? (
          <p className="notes-text">{notes}</p>
        ) : (
          <p className="muted">No notes yet.</p>
        )}
      </div>
    </section>
  );
}
