// Every role as a checkbox, in a fieldset named for what the roles are for.
import { ROLE_LABELS, ROLES, type Role } from '@quorum/domain';

export function RoleCheckboxes({ legend, value, onChange, disabled = false }: { legend: string; value: readonly Role[]; onChange: (roles: Role[]) => void; disabled?: boolean }) {
  return (
    <fieldset className="id-fieldset" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="id-checks">
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={value.includes(r)}
              // Kept in ROLES order so the saved list reads the same everywhere.
              onChange={(e) => onChange(ROLES.filter((x) => (x === r ? e.target.checked : value.includes(x))))}
            />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
