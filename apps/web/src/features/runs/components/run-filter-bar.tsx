// The filter box: the run-search language in a monospace input, applied on Enter or
// Apply. A refused filter is echoed under the box with a caret at the column the server
// named, while the table keeps the last results that did load.
import { useId } from 'react';
import type { FilterProblem } from '../api/types';
import { filterCaretSnippet } from '../utils/filter-caret';
import { FilterHelp } from './filter-help';

export interface AttemptedFilter extends FilterProblem {
  /** The text the server refused, which may differ from what is in the box now. */
  text: string;
}

export function RunFilterBar({
  draft,
  applied,
  onDraftChange,
  onRevert,
  onApply,
  applying,
  problem,
}: {
  draft: string;
  applied: string;
  onDraftChange: (text: string) => void;
  /** Puts the applied filter back in the box and drops the error. */
  onRevert: () => void;
  onApply: (text: string) => void;
  applying: boolean;
  problem: AttemptedFilter | null;
}) {
  const errorId = useId();
  const dirty = draft.trim() !== applied;
  return (
    <div className="filter-bar">
      <form
        className="filter-row"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <input
          className={`input input-mono filter-input${problem ? ' invalid' : ''}`}
          aria-label="Filter runs"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          placeholder='Filter, e.g. metrics.val_auc > 0.85 and params.max_depth = "6"'
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          value={draft}
          onChange={(e) => onDraftChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && (dirty || problem)) onRevert();
          }}
        />
        <FilterHelp onExample={onDraftChange} />
        <button type="submit" className="btn" disabled={applying || (!dirty && !problem)}>
          {applying ? 'Applying…' : 'Apply'}
        </button>
        {applied && (
          <button type="button" className="btn btn-ghost" onClick={() => onApply('')}>
            Clear
          </button>
        )}
      </form>
      {problem && (
        <div className="filter-error" id={errorId} role="alert">
          {problem.column !== null && <CaretLine text={problem.text} column={problem.column} />}
          <div className="filter-error-message">{problem.message}</div>
          {problem.text !== applied && (
            <div className="filter-error-note">{applied ? 'The table shows the last filter that worked.' : 'The table shows all runs until the filter is fixed.'}</div>
          )}
        </div>
      )}
    </div>
  );
}

function CaretLine({ text, column }: { text: string; column: number }) {
  const s = filterCaretSnippet(text, column);
  // The caret line pads with the same characters' width in a monospace font.
  const pad = ' '.repeat(s.before.length);
  return (
    <pre className="filter-caret" aria-hidden>
      {s.before}
      <mark>{s.at}</mark>
      {s.after}
      {'\n'}
      {pad}^
    </pre>
  );
}
