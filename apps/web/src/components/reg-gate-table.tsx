// A version's gate results: each check with its verdict, measured value, bar and why.
import type { GateCheckResult } from '@quorum/domain';
import { formatDateTime, formatMetric } from '../lib/format';
import { RegCheckBadge } from './reg-badges';

const KIND_LABEL: Record<GateCheckResult['kind'], string> = {
  metric: 'performance',
  champion: 'vs champion',
  fairness: 'fairness',
  drift: 'drift',
  latency: 'latency',
};

export function RegGateTable({ results, evaluatedAt }: { results: GateCheckResult[]; evaluatedAt?: number | null }) {
  if (results.length === 0) {
    return <p className="card-body muted">{evaluatedAt ? 'The policy has no checks: only the sign-offs gate a promotion.' : 'No gate evaluation yet: report evidence, then re-check.'}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table reg-gate-table" aria-label="Gate results">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num">
              Threshold
            </th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id} className={`reg-gate-row is-${r.status}`}>
              <td>
                <div className="reg-check-name">{r.description}</div>
                <div className="small muted">
                  <span className="mono">{r.id}</span> · {KIND_LABEL[r.kind] ?? r.kind}
                </div>
              </td>
              <td>
                <RegCheckBadge status={r.status} />
              </td>
              <td className="num mono">{formatMetric(r.value)}</td>
              <td className="num mono">{formatMetric(r.threshold)}</td>
              <td className="reg-gate-detail">{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {evaluatedAt && <p className="small muted reg-table-note">Evaluated {formatDateTime(evaluatedAt)}</p>}
    </div>
  );
}
