// The two versions to compare, grouped by dataset name, and a button to swap them.
import type { DatasetSummary } from '../api/use-datasets';
import { driftSelectGroups } from '../utils/drift-pair';

function VersionSelect({
  id,
  label,
  value,
  datasets,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  datasets: DatasetSummary[];
  onChange: (id: number) => void;
}) {
  const known = value === null || datasets.some((d) => d.id === value);
  return (
    <div className="field data-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {value === null && (
          <option value="" disabled>
            Choose a dataset version…
          </option>
        )}
        {!known && <option value={value}>#{value} — not in the list</option>}
        {driftSelectGroups(datasets).map((g) => (
          <optgroup key={g.name} label={g.name}>
            {g.options.map((o) => (
              <option key={o.id} value={o.id} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function DriftPickers({
  datasets,
  referenceId,
  currentId,
  onChange,
}: {
  datasets: DatasetSummary[];
  referenceId: number | null;
  currentId: number | null;
  onChange: (referenceId: number | null, currentId: number | null) => void;
}) {
  return (
    <div className="data-pickers">
      <VersionSelect id="drift-reference" label="Reference" value={referenceId} datasets={datasets} onChange={(id) => onChange(id, currentId)} />
      <button
        type="button"
        className="btn data-swap"
        onClick={() => onChange(currentId, referenceId)}
        disabled={referenceId === null && currentId === null}
        title="Swap reference and current"
      >
        ⇄ Swap
      </button>
      <VersionSelect id="drift-current" label="Current" value={currentId} datasets={datasets} onChange={(id) => onChange(referenceId, id)} />
    </div>
  );
}
