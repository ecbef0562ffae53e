// Who is who in every chart: each run's colour, name, status and experiment, with a way to drop it.
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import type { CompareRun } from '../hooks/use-compare-runs';

/** Past this many runs the legend folds, so the charts stay in view. */
const FOLDED = 12;

export function RunLegend({ runs, onRemove }: { runs: readonly CompareRun[]; onRemove: (runIds: string[]) => void }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? runs : runs.slice(0, FOLDED);
  return (
    <div className="cmp-legend">
      <ul className="cmp-run-legend" aria-label="Compared runs">
        {shown.map((run) => (
          <li className="cmp-run-chip" key={run.id}>
            <span className="cmp-swatch cmp-swatch-lg" style={{ background: run.colour }} aria-hidden />
            <Link to={`/runs/${run.id}`} className="cmp-run-chip-name" title={run.name}>
              {run.name}
            </Link>
            <StatusBadge status={run.status} />
            <span className="muted small cmp-run-chip-exp" title={`Experiment ${run.experimentName}`}>
              {run.experimentName}
            </span>
            <button type="button" className="cmp-run-chip-remove" aria-label={`Remove ${run.name} from the comparison`} title="Remove from the comparison" onClick={() => onRemove([run.id])}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {runs.length > FOLDED && (
        <button type="button" className="btn btn-sm btn-ghost" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer runs' : `Show all ${runs.length} runs`}
        </button>
      )}
    </div>
  );
}
