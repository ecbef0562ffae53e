// The "Differences" section: params then latest metrics, one column per run, best run marked.
import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import { formatMetric } from '../../../lib/format';
import type { CompareRun } from '../hooks/use-compare-runs';
import { metricGoal, metricGoalExplained } from '../utils/best-run';
import { differenceRows, type DifferenceRow } from '../utils/differences';

function cellText(row: DifferenceRow, v: string | number | undefined): string {
  if (v === undefined) return '—';
  return row.kind === 'metric' ? formatMetric(v as number) : String(v);
}

function GroupRows({ title, rows, runs }: { title: string; rows: DifferenceRow[]; runs: readonly CompareRun[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <tr className="cmp-diff-group">
        <th scope="rowgroup" colSpan={runs.length + 1}>
          {title}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={`${row.kind}:${row.key}`}>
          <th scope="row" className="cmp-diff-key mono" title={row.kind === 'metric' ? metricGoalExplained(row.key) : row.key}>
            {row.key}
            {row.kind === 'metric' && (
              <span className="cmp-diff-goal">
                <span aria-hidden>{metricGoal(row.key) === 'min' ? '↓' : '↑'}</span>
                <span className="cmp-sr-only">{metricGoal(row.key) === 'min' ? ' (lower is better)' : ' (higher is better)'}</span>
              </span>
            )}
          </th>
          {row.values.map((v, i) => {
            const run = runs[i]!;
            const best = row.best.includes(run.id);
            const text = cellText(row, v);
            return (
              <td
                key={run.id}
                className={`${row.kind === 'metric' ? 'num' : 'cmp-diff-param'}${best ? ' best' : ''}`}
                title={best ? `Best ${row.key}. ${metricGoalExplained(row.key)}` : text.length > 24 ? text : undefined}
              >
                {text}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}

export const DifferencesTable = memo(function DifferencesTable({
  runs,
  onlyDifferences,
  onOnlyDifferences,
}: {
  runs: readonly CompareRun[];
  onlyDifferences: boolean;
  onOnlyDifferences: (only: boolean) => void;
}) {
  const rows = useMemo(() => differenceRows(runs, onlyDifferences), [runs, onlyDifferences]);
  const params = rows.filter((r) => r.kind === 'param');
  const metrics = rows.filter((r) => r.kind === 'metric');

  return (
    <section className="compare-section" aria-labelledby="compare-diff">
      <div className="compare-section-head">
        <h2 id="compare-diff">Differences</h2>
        <div className="row">
          <span className="muted small">
            <span className="best cmp-best-key">best</span> per metric: higher is better unless the key names a loss or an error
          </span>
          <label className="check small">
            <input type="checkbox" checked={onlyDifferences} onChange={(e) => onOnlyDifferences(e.target.checked)} />
            Only show differences
          </label>
        </div>
      </div>
      <div className="card cmp-diff-card">
        {rows.length === 0 ? (
          <p className="muted small cmp-chart-empty">
            {onlyDifferences ? 'These runs have the same params and the same latest metric values.' : 'These runs have logged no params or metrics.'}
          </p>
        ) : (
          <div className="cmp-diff-scroll">
            <table className="table cmp-diff-table" aria-label="Params and metrics">
              <thead>
                <tr>
                  <th scope="col" className="cmp-diff-key">
                    Key
                  </th>
                  {runs.map((run) => (
                    <th scope="col" key={run.id} className="cmp-diff-run">
                      <span className="cmp-swatch" style={{ background: run.colour }} aria-hidden />
                      <Link to={`/runs/${run.id}`} title={run.name}>
                        {run.name}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <GroupRows title="Params" rows={params} runs={runs} />
                <GroupRows title="Metrics (latest value)" rows={metrics} runs={runs} />
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
});
