// The candidate against the version the alias serves now: gate values and run metrics
// side by side, and whether the artifact, card and datasets changed.
import { Link } from 'react-router';
import { regGateResults } from '../../../components/reg-gate';
import { formatMetric } from '../../../lib/format';
import type { VersionDetail } from '../api/types';
import { useRun } from '../api/use-promotions';
import { diffDelta, diffGateRows, diffMetricRows, type DiffRow } from '../utils/diff-rows';

function DeltaCell({ row }: { row: DiffRow }) {
  const d = diffDelta(row);
  if (d === null) return <td className="num muted">—</td>;
  // Uncoloured: whether up is better depends on the metric (auc up, loss down).
  return <td className="num mono">{d === 0 ? '0' : `${d > 0 ? '+' : '−'}${formatMetric(Math.abs(d))}`}</td>;
}

function ValueCell({ value, status }: { value: number | null; status?: string }) {
  return (
    <td className={`num mono${status && status !== 'pass' ? ` reg-value-${status}` : ''}`} title={status}>
      {formatMetric(value)}
      {status && status !== 'pass' && <span className="reg-value-flag"> {status === 'fail' ? '✗' : '?'}</span>}
    </td>
  );
}

function Changed({ label, changed, detail }: { label: string; changed: boolean; detail: string }) {
  return (
    <li>
      <span className="reg-changed-label">{label}</span>
      <span className={`badge ${changed ? 'reg-tone-missing' : 'reg-tone-none'}`}>{changed ? 'changed' : 'unchanged'}</span>
      <span className="small muted mono reg-break">{detail}</span>
    </li>
  );
}

export function VersionDiff({
  candidate,
  current,
  alias,
  currentLabel,
  emptyNote,
}: {
  candidate: VersionDetail;
  current: VersionDetail | null;
  alias: string;
  currentLabel: string;
  /** What to say when there is nothing to compare with, if not the default. */
  emptyNote?: string;
}) {
  const candidateRun = useRun(candidate.run?.id);
  const currentRun = useRun(current?.run?.id);
  if (!current) {
    return <p className="card-body muted">{emptyNote ?? `${alias} serves no version yet: this would be its first. There is nothing to compare with.`}</p>;
  }
  const gateRows = diffGateRows(regGateResults(candidate.gate), regGateResults(current.gate));
  const metricRows = candidateRun.data && currentRun.data ? diffMetricRows(candidateRun.data.metrics, currentRun.data.metrics) : [];
  const sameData = (a: VersionDetail['trainingDataset'], b: VersionDetail['trainingDataset']) => a?.id === b?.id;
  const head = (
    <tr>
      <th scope="col">Check / metric</th>
      <th scope="col" className="num">
        v{candidate.version} (candidate)
      </th>
      <th scope="col" className="num">
        <Link to={`/models/${current.modelId}/versions/${current.id}`}>v{current.version}</Link> ({currentLabel})
      </th>
      <th scope="col" className="num">
        Δ
      </th>
    </tr>
  );

  return (
    <div>
      <ul className="reg-changed">
        <Changed label="Artifact" changed={candidate.artifactSha256 !== current.artifactSha256} detail={`${current.artifactSha256?.slice(0, 12) ?? 'not verified'} → ${candidate.artifactSha256?.slice(0, 12) ?? 'not verified'}`} />
        <Changed label="Model card" changed={candidate.cardMarkdown !== current.cardMarkdown} detail={`${current.cardMarkdown.length} → ${candidate.cardMarkdown.length} characters`} />
        <Changed label="Training data" changed={!sameData(candidate.trainingDataset, current.trainingDataset)} detail={`${current.trainingDataset?.name ?? 'none'} → ${candidate.trainingDataset?.name ?? 'none'}`} />
        <Changed label="Evaluation data" changed={!sameData(candidate.evalDataset, current.evalDataset)} detail={`${current.evalDataset?.name ?? 'none'} → ${candidate.evalDataset?.name ?? 'none'}`} />
      </ul>
      <div className="table-scroll">
        <table className="table reg-diff-table" aria-label={`v${candidate.version} against v${current.version}`}>
          <thead>{head}</thead>
          <tbody>
            <tr className="reg-diff-group">
              <th colSpan={4} scope="colgroup">
                Gate values
              </th>
            </tr>
            {gateRows.map((r) => (
              <tr key={`g-${r.key}`}>
                <th scope="row">{r.label}</th>
                <ValueCell value={r.candidate} status={r.candidateStatus} />
                <ValueCell value={r.current} status={r.currentStatus} />
                <DeltaCell row={r} />
              </tr>
            ))}
            <tr className="reg-diff-group">
              <th colSpan={4} scope="colgroup">
                Source run metrics (latest values)
              </th>
            </tr>
            {metricRows.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted small">
                  {candidateRun.isPending || currentRun.isPending ? 'Loading run metrics…' : 'No run metrics to compare.'}
                </td>
              </tr>
            ) : (
              metricRows.map((r) => (
                <tr key={`m-${r.key}`}>
                  <th scope="row" className="mono">
                    {r.label}
                  </th>
                  <ValueCell value={r.candidate} />
                  <ValueCell value={r.current} />
                  <DeltaCell row={r} />
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
