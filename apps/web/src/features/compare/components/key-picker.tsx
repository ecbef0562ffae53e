// Chooses which metrics get a chart: a dropdown of checkboxes.
import { useEffect, useRef } from 'react';

export function KeyPicker({ keys, selected, onChange }: { keys: readonly string[]; selected: readonly string[]; onChange: (keys: string[]) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);

  // A <details> stays open on outside clicks; a dropdown should not.
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const chosen = new Set(selected);
  // Keep the API's key order, whatever order the boxes were ticked in.
  const toggle = (key: string) => onChange(keys.filter((k) => (k === key ? !chosen.has(k) : chosen.has(k))));

  return (
    <details className="cmp-key-picker" ref={ref}>
      <summary className="btn btn-sm">
        Metrics <span className="muted">{selected.length === keys.length ? 'all' : `${selected.length} of ${keys.length}`}</span>
      </summary>
      <div className="cmp-key-picker-panel card" role="group" aria-label="Metrics to chart">
        <div className="row cmp-key-picker-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange([...keys])}>
            Select all
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange([])}>
            Clear
          </button>
        </div>
        {keys.map((k) => (
          <label className="check cmp-key-picker-item" key={k}>
            <input type="checkbox" checked={chosen.has(k)} onChange={() => toggle(k)} />
            <span className="mono">{k}</span>
          </label>
        ))}
      </div>
    </details>
  );
}
