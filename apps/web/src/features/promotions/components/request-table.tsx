// Requests in the queue: what would move where, who asked, how long ago, how far the
// quorum has come and whether the version's gates are green.
import { Link } from 'react-router';
import { RegGateBadge, RegStateBadge } from '../../../components/reg-badges';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { PromotionDetail, PromotionRow } from '../api/types';
import { useGateLatests, usePromotionDetails } from '../api/use-promotions';
import { QuorumProgress } from './quorum-progress';

export function RequestTable({ requests, history, now }: { requests: PromotionRow[]; history: boolean; now: number }) {
  const nameOf = useRegUserNames();
  // The decided history needs neither live quorums nor gates.
  const details = usePromotionDetails(history ? [] : requests.map((r) => r.id));
  const gates = useGateLatests(history ? [] : requests.map((r) => r.versionId));
  const detailOf = new Map(details.flatMap((q) => (q.data ? [[q.data.id, q.data] as [number, PromotionDetail]] : [])));

  return (
    <div className="table-scroll">
      <table className="table reg-queue-table" aria-label={history ? 'Decided requests' : 'Promotion requests'}>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Version</th>
            <th scope="col">Requested by</th>
            <th scope="col">Age</th>
            {history ? (
              <>
                <th scope="col">Outcome</th>
                <th scope="col">Decided</th>
              </>
            ) : (
              <>
                <th scope="col">Quorum</th>
                <th scope="col">Gates</th>
                <th scope="col">Expires</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {requests.map((r, i) => {
            const detail = detailOf.get(r.id);
            const gate = gates[i];
            return (
              <tr key={r.id}>
                <td className="reg-queue-main">
                  <Link to={`/approvals/${r.id}`} className="reg-queue-link">
                    {r.modelName} → {r.alias}
                  </Link>
                  <span className="reg-queue-justification" title={r.justification}>
                    #{r.id} · {r.justification}
                  </span>
                </td>
                <td>
                  <Link to={`/models/${r.modelId}/versions/${r.versionId}`} className="reg-version-link">
                    v{r.version}
                  </Link>
                </td>
                <td>{nameOf(r.requestedBy)}</td>
                <td title={formatDateTime(r.requestedAt)}>{formatAgo(r.requestedAt, now)}</td>
                {history ? (
                  <>
                    <td>
                      <RegStateBadge state={r.state} />
                    </td>
                    <td>{r.appliedAt ? formatDateTime(r.appliedAt) : r.decidedAt ? formatDateTime(r.decidedAt) : <span className="muted">—</span>}</td>
                  </>
                ) : (
                  <>
                    <td className="reg-quorum-cell">{detail ? <QuorumProgress required={detail.policy.approvals} quorum={detail.quorum} /> : <span className="muted small">…</span>}</td>
                    <td>{gate?.isPending ? <span className="muted small">…</span> : <RegGateBadge gate={gate?.data} />}</td>
                    <td className={r.expiresAt - now < 2 * 86_400_000 ? 'id-warn-text' : undefined} title={formatDateTime(r.expiresAt)}>
                      {formatAgo(r.expiresAt, now)}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
