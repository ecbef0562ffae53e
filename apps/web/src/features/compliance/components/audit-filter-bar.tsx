// The audit trail's filters as a form: edits are drafts until applied, so typing an
// actor's name does not fire a query per key. Mount with a key per applied filter.
import { useId, useState } from 'react';
import { AUDIT_NO_FILTERS, auditFiltersActive, type AuditUrlFilters } from '../utils/audit-filters';

const ENTITY_TYPES = ['user', 'token', 'team', 'experiment', 'run', 'dataset', 'action'];

export function AuditFilterBar({ applied, onApply }: { applied: AuditUrlFilters; onApply: (next: AuditUrlFilters | null) => void }) {
  const [draft, setDraft] = useState(applied);
  const id = useId();
  const field = (key: keyof AuditUrlFilters, label: string, props: { placeholder?: string; type?: string; list?: string; className?: string } = {}) => (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        className="input"
        type={props.type ?? 'text'}
        list={props.list}
        placeholder={props.placeholder}
        value={draft[key]}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
    </div>
  );
  const changed = (Object.keys(draft) as (keyof AuditUrlFilters)[]).some((k) => draft[k].trim() !== applied[k]);
  const badRange = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  return (
    <form
      className="id-audit-filters"
      aria-label="Filter the audit trail"
      onSubmit={(e) => {
        e.preventDefault();
        if (!badRange) onApply(draft);
      }}
    >
      {field('actor', 'Actor', { placeholder: 'Name, email or user:7' })}
      {field('action', 'Action starts with', { placeholder: 'e.g. runs.', className: 'id-mono-field' })}
      {field('entityType', 'Entity type', { placeholder: 'Any', list: `${id}-types` })}
      <datalist id={`${id}-types`}>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {field('entityId', 'Entity id', { placeholder: 'Exact id' })}
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} className="input" value={draft.outcome} onChange={(e) => setDraft((d) => ({ ...d, outcome: e.target.value }))}>
          <option value="">Any</option>
          <option value="ok">ok</option>
          <option value="denied">denied (refused actions)</option>
          <option value="failed">failed (sign-ins)</option>
        </select>
      </div>
      {field('from', 'From', { type: 'date' })}
      {field('to', 'To', { type: 'date' })}
      <div className="id-audit-filter-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || badRange}>
          Apply
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!auditFiltersActive(applied) && !auditFiltersActive(draft)}
          onClick={() => {
            setDraft(AUDIT_NO_FILTERS);
            onApply(null);
          }}
        >
          Clear
        </button>
      </div>
      {badRange && (
        <div className="field-error id-audit-filter-error" role="alert">
          “From” is after “To”.
        </div>
      )}
    </form>
  );
}
