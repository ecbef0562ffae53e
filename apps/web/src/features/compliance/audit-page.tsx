// /audit — the whole trail for compliance leads and admins: filter it, page back through
// it, check the hash chain and export exactly what is on screen.
import { PageHeader } from '../../components/page-header';
import { AuditTable } from '../../components/id-audit-table';
import { idReadableError } from '../../components/id-readable-error';
import { VerifyChain } from '../../components/id-verify-chain';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import { useSession } from '../../lib/session';
import { useAuditPages } from './api/use-audit-pages';
import { AuditFilterBar } from './components/audit-filter-bar';
import { useAuditFilters } from './hooks/use-audit-filters';
import { auditApiFilter, auditExportHref, auditFiltersActive, type AuditApiFilter, type AuditUrlFilters } from './utils/audit-filters';

export function AuditPage() {
  const { can } = useSession();
  const [filters, setFilters] = useAuditFilters();
  const decision = can('audit.list');
  const api = auditApiFilter(filters);
  const key = JSON.stringify(api);

  if (!decision.allowed) {
    return (
      <div className="page">
        <PageHeader title="Audit trail" />
        <div className="card">
          <EmptyState title="The audit trail is for compliance leads and admins">
            <p className="muted">{decision.reason}</p>
          </EmptyState>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="Audit trail"
        description="Every write and every refused attempt, in order, each entry hash-chained to the one before."
        actions={
          <>
            <a className="btn" href={auditExportHref('jsonl', api)} download>
              Export JSON Lines
            </a>
            <a className="btn" href={auditExportHref('csv', api)} download>
              Export CSV
            </a>
          </>
        }
      />
      <div className="card id-audit-verify-card">
        <div className="card-body row">
          <VerifyChain />
          <span className="spacer" />
          <span className="small muted">Exports include hashes and follow the filters below{auditFiltersActive(filters) ? ' (filtered)' : ''}.</span>
        </div>
      </div>
      <section className="card" aria-label="Audit entries">
        <div className="card-body id-audit-filter-wrap">
          <AuditFilterBar key={key} applied={filters} onApply={setFilters} />
        </div>
        <AuditResults key={key} filter={api} onPick={setFilters} filtered={auditFiltersActive(filters)} />
      </section>
    </div>
  );
}

function AuditResults({ filter, onPick, filtered }: { filter: AuditApiFilter; onPick: (patch: Partial<AuditUrlFilters> | null) => void; filtered: boolean }) {
  const trail = useAuditPages(filter);
  if (trail.isPending) return <LoadingRows rows={10} />;
  if (trail.error)
    return (
      <div className="card-body">
        <ErrorBox error={idReadableError(trail.error)} onRetry={trail.refetch} />
      </div>
    );
  if (trail.entries.length === 0) {
    return (
      <EmptyState title={filtered ? 'No entries match these filters' : 'The trail is empty'}>
        {filtered && (
          <button type="button" className="btn" onClick={() => onPick(null)}>
            Clear filters
          </button>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <div className="id-audit-count row small muted">
        <span>
          Showing {trail.entries.length.toLocaleString('en')} entries, newest first (#{trail.entries[0]?.seq} to #{trail.entries[trail.entries.length - 1]?.seq})
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-ghost" onClick={trail.showNewest} disabled={trail.refreshing}>
          {trail.refreshing ? 'Refreshing…' : 'Show newest'}
        </button>
      </div>
      <AuditTable entries={trail.entries} now={trail.updatedAt} onPick={onPick} />
      <div className="id-audit-more">
        {trail.olderError ? (
          <ErrorBox error={idReadableError(trail.olderError)} onRetry={trail.retryOlder} />
        ) : trail.hasOlder ? (
          <button type="button" className="btn" onClick={trail.loadOlder} disabled={trail.loadingOlder}>
            {trail.loadingOlder ? 'Loading…' : 'Load older entries'}
          </button>
        ) : (
          <span className="small muted">Start of the {filtered ? 'matching entries' : 'trail'}.</span>
        )}
      </div>
    </>
  );
}
