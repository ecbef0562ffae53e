// Compliance lead: "can I trust the record, and is anything waiting for my sign-off?"
import { Link } from 'react-router';
import { AuditTable } from '../../../components/id-audit-table';
import { VerifyChain } from '../../../components/id-verify-chain';
import { formatAgo } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useHomeAudit, useHomePendingRequests } from '../api/use-home-data';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';

export function ComplianceHome() {
  const { can } = useSession();
  const allowed = can('audit.list');
  const audit = useHomeAudit(20, allowed.allowed);
  const entries = audit.data ?? [];
  const pending = useHomePendingRequests();

  return (
    <div className="page">
      <HomeHeader role="compliance_lead" question="Whether the audit trail still holds, and what was done most recently." />
      <div className="id-home-stack">
        <div className="id-home-grid id-home-grid-even">
          <HomeCard title="Tamper check">
            <div className="card-body stack">
              <p className="id-card-text">Every entry’s hash covers the one before it; an edited, inserted or deleted entry breaks the chain from there on.</p>
              <VerifyChain />
            </div>
          </HomeCard>
          <HomeCard
            title="Waiting for sign-off"
            actions={
              <Link className="small" to="/approvals">
                Open the approval queue
              </Link>
            }
          >
            <QueryBody pending={pending.isPending} error={pending.error} onRetry={() => void pending.refetch()} isEmpty={(pending.data ?? []).length === 0} empty={<p>Nothing is waiting for sign-off.</p>} rows={3}>
              <ul className="id-token-mini">
                {(pending.data ?? []).slice(0, 5).map((r) => (
                  <li key={r.id}>
                    <Link to={`/approvals/${r.id}`} className="id-strong-link">
                      #{r.id} {r.modelName} v{r.version} → {r.alias}
                    </Link>
                    <span className="muted small">requested {formatAgo(r.requestedAt, pending.dataUpdatedAt)}</span>
                  </li>
                ))}
              </ul>
            </QueryBody>
          </HomeCard>
        </div>
        <HomeCard
          title="Latest audit entries"
          actions={
            <>
              <a className="btn btn-sm" href="/api/audit/export?format=csv" download>
                Export CSV
              </a>
              <Link className="btn btn-sm" to="/audit">
                Open audit trail
              </Link>
            </>
          }
        >
          {allowed.allowed ? (
            <QueryBody
              pending={audit.isPending}
              error={audit.error}
              onRetry={() => void audit.refetch()}
              isEmpty={entries.length === 0}
              empty={<p>The trail is empty.</p>}
              rows={8}
            >
              <AuditTable entries={entries} now={audit.dataUpdatedAt} label="Latest audit entries" />
            </QueryBody>
          ) : (
            <div className="card-body muted">{allowed.reason}</div>
          )}
        </HomeCard>
      </div>
    </div>
  );
}
