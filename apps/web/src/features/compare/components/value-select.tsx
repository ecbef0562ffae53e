// A select over params and metrics, grouped, whose value is a ValueRef.
import { urlValueRef, urlValueRefFormat, type ValueRef } from '../utils/url-state';

export function ValueSelect({ label, options, value, onChange }: { label: string; options: readonly ValueRef[]; value: ValueRef; onChange: (ref: ValueRef) => void }) {
  const groups = (['param', 'metric'] as const).map((source) => ({ source, refs: options.filter((o) => o.source === source) }));
  return (
    <label className="row small">
      <span className="muted">{label}</span>
      <select
        className="input input-sm"
        value={urlValueRefFormat(value)}
        onChange={(e) => {
          const ref = urlValueRef(e.target.value);
          if (ref) onChange(ref);
        }}
      >
        {groups.map(
          (g) =>
            g.refs.length > 0 && (
              <optgroup key={g.source} label={g.source === 'param' ? 'Params' : 'Metrics (latest)'}>
                {g.refs.map((r) => (
                  <option key={r.key} value={urlValueRefFormat(r)}>
                    {r.key}
                  </option>
                ))}
              </optgroup>
            ),
        )}
      </select>
    </label>
  );
}
