// "Columns": choose which metrics, params and tags the runs table shows, with search.
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { COLUMN_GROUPS, GROUP_LABEL, columnId, type AvailableColumns } from '../utils/run-columns';
import { useDismiss } from '../hooks/use-dismiss';

export function ColumnPicker({
  available,
  chosen,
  isDefault,
  onChange,
}: {
  available: AvailableColumns | undefined;
  chosen: readonly string[];
  isDefault: boolean;
  /** null restores the defaults. */
  onChange: (cols: string[] | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close, buttonRef);

  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  const needle = search.trim().toLowerCase();
  const groups = COLUMN_GROUPS.map((group) => ({
    group,
    keys: (available?.[group] ?? []).filter((k) => k.toLowerCase().includes(needle)),
  }));
  const matches = groups.reduce((n, g) => n + g.keys.length, 0);

  const toggle = (colId: string) => onChange(chosenSet.has(colId) ? chosen.filter((c) => c !== colId) : [...chosen, colId]);
  const setGroup = (ids: string[], on: boolean) => {
    const set = new Set(ids);
    onChange(on ? [...chosen, ...ids.filter((c) => !chosenSet.has(c))] : chosen.filter((c) => !set.has(c)));
  };

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button ref={buttonRef} type="button" className="btn" title={`${chosen.length} columns shown`} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Columns
        <span className="count-pill" aria-hidden>
          {chosen.length}
        </span>
      </button>
      {open && (
        <div className="popover popover-right column-picker" id={id}>
          <div className="column-picker-top">
            <input
              className="input"
              type="search"
              aria-label="Search columns"
              placeholder="Search metrics, params, tags"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoFocus
            />
          </div>
          <div className="column-picker-list">
            {!available && <p className="muted small">Loading columns…</p>}
            {available && matches === 0 && <p className="muted small">No column matches “{search}”.</p>}
            {groups.map(({ group, keys }) => {
              if (keys.length === 0) return null;
              const ids = keys.map((k) => columnId(group, k));
              const allOn = ids.every((c) => chosenSet.has(c));
              return (
                <fieldset key={group} className="column-group">
                  <legend>
                    {GROUP_LABEL[group]} <span className="muted">{keys.length}</span>
                  </legend>
                  <button type="button" className="link-button" onClick={() => setGroup(ids, !allOn)}>
                    {allOn ? 'None' : 'All'}
                  </button>
                  {keys.map((k) => {
                    const colId = columnId(group, k);
                    return (
                      <label key={colId} className="check column-option" title={colId}>
                        <input type="checkbox" checked={chosenSet.has(colId)} onChange={() => toggle(colId)} />
                        <span className="mono">{k}</span>
                      </label>
                    );
                  })}
                </fieldset>
              );
            })}
          </div>
          <div className="column-picker-foot">
            <span className="muted small">{chosen.length} shown</span>
            <span className="spacer" />
            <button type="button" className="btn btn-sm" disabled={isDefault} onClick={() => onChange(null)}>
              Reset to default
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
