// The inline "New experiment" form. Server objections (a taken name) show in place.
import { useId, useState } from 'react';
import { useExperimentCreate, type ExperimentSummary } from '../api/use-experiments';

export function ExperimentCreateForm({ onCreated, onCancel }: { onCreated: (e: ExperimentSummary) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useExperimentCreate();
  const errorId = useId();
  const nameId = useId();
  const descriptionId = useId();
  const error = create.error;

  return (
    <form
      className="card create-form"
      aria-label="New experiment"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, description: description.trim() || undefined }, { onSuccess: onCreated });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <div className="card-header">
        <h2>New experiment</h2>
      </div>
      <div className="card-body create-form-fields">
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            className={`input${error ? ' invalid' : ''}`}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (error) create.reset();
            }}
            placeholder="e.g. churn-classifier"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            maxLength={500}
            required
            autoFocus
          />
          {error && (
            <div className="field-error" id={errorId} role="alert">
              {error.message}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={descriptionId}>
            Description <span className="muted">(optional)</span>
          </label>
          <input
            id={descriptionId}
            className="input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What is this experiment trying to find out?"
            maxLength={5000}
          />
        </div>
        <div className="row create-form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending || name.trim() === ''}>
            {create.isPending ? 'Creating…' : 'Create experiment'}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
