// The "?" next to the filter box: the filter language on one card, with examples that
// fill the box when clicked.
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../hooks/use-dismiss';

const EXAMPLES = [
  'metrics.val_auc > 0.85 and params.max_depth = "6"',
  'status IN ("RUNNING", "FAILED")',
  '(params.learning_rate = "0.1" or params.learning_rate = "0.05") and metrics.val_loss < 0.4',
  'run_name ILIKE "%lgbm%" and metrics.val_f1 IS NULL',
];

export function FilterHelp({ onExample }: { onExample: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close, buttonRef);

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-icon"
        aria-label="Filter syntax help"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <div className="popover popover-right filter-help" id={id}>
          <h3>Filter syntax</h3>
          <dl className="filter-help-grid">
            <dt>Fields</dt>
            <dd>
              <code>metrics.&lt;key&gt;</code> (latest value), <code>params.&lt;key&gt;</code>, <code>tags.&lt;key&gt;</code>, and{' '}
              <code>status</code>, <code>run_name</code>, <code>user</code>, <code>start_time</code>, <code>end_time</code>,{' '}
              <code>source_commit</code>, <code>run_id</code>. Quote odd keys with backticks: <code>metrics.`val/auc`</code>
            </dd>
            <dt>Compare</dt>
            <dd>
              <code>= != &lt; &lt;= &gt; &gt;=</code>, <code>IN (…)</code>, <code>NOT IN (…)</code>, <code>LIKE</code> / <code>ILIKE</code> with{' '}
              <code>%</code> as wildcard, <code>IS NULL</code>, <code>IS NOT NULL</code>
            </dd>
            <dt>Combine</dt>
            <dd>
              <code>AND</code>, <code>OR</code>, <code>NOT</code> and parentheses; AND binds tighter than OR
            </dd>
            <dt>Values</dt>
            <dd>
              Strings in <code>"…"</code> or <code>'…'</code>. A number against a param compares numerically (<code>params.lr &lt; 0.01</code>).
              Times take ISO dates: <code>start_time &gt; "2026-11-01"</code>
            </dd>
          </dl>
          <h3>Examples</h3>
          <ul className="filter-help-examples">
            {EXAMPLES.map((ex) => (
              <li key={ex}>
                <button
                  type="button"
                  className="filter-example"
                  onClick={() => {
                    onExample(ex);
                    setOpen(false);
                  }}
                >
                  <code>{ex}</code>
                </button>
              </li>
            ))}
          </ul>
          <p className="muted small">Press Enter to apply, Escape to go back to the applied filter.</p>
        </div>
      )}
    </div>
  );
}
