// /kpis — the product owner's board: every business KPI against its target, with its trend
// and the model promotions, rollbacks and alerts that may have moved it.
import { useState } from 'react';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { PolicyGate } from '../../components/policy-gate';
import { EmptyState, ErrorBox, Skeleton } from '../../components/states';
import { useSession } from '../../lib/session';
import { useKpiBoard } from './api/use-kpis';
import { KpiCard } from './components/kpi-card';
import { KpiFormDialog } from './components/kpi-form-dialog';
import { KpiSdkHint } from './components/kpi-sdk-hint';

export function KpisPage() {
  const board = useKpiBoard();
  const [creating, setCreating] = useState(false);
  const canCreate = useSession().can('kpis.create');
  const kpis = board.data ?? [];
  const count = (status: string) => kpis.filter((k) => k.status.status === status).length;
  const newButton = (
    <PolicyGate action="kpis.create">
      <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
        New KPI
      </button>
    </PolicyGate>
  );

  return (
    <div className="page">
      <PageHeader
        title="KPI board"
        description="Business KPIs against their targets, with the promotions, rollbacks and alerts of the models behind them marked on each chart."
        actions={kpis.length > 0 && newButton}
      />
      {board.isPending ? (
        <div className="kpi-board" aria-busy="true" aria-label="Loading KPIs">
          {[0, 1].map((i) => (
            <Skeleton key={i} height={360} />
          ))}
        </div>
      ) : board.error ? (
        <ErrorBox error={idReadableError(board.error)} onRetry={() => void board.refetch()} />
      ) : kpis.length === 0 ? (
        <section className="card">
          <EmptyState title="No KPIs yet">
            <p className="reg-empty-text">
              A KPI is a business number the models should move: a name, which way is good, a target, and the models linked to it. Its values come from a CSV upload or a
              nightly warehouse job.
            </p>
            <div className="row kpi-empty-actions">{newButton}</div>
            {!canCreate.allowed && <p className="small muted">A product owner defines the KPIs.</p>}
            <KpiSdkHint name="Trial-to-paid conversion" />
          </EmptyState>
        </section>
      ) : (
        <>
          <p className="kpi-board-summary" aria-live="polite">
            <span className="kpi-tone-good">{count('on_target')} on target</span>
            <span aria-hidden>·</span>
            <span className={count('off_target') > 0 ? 'kpi-tone-bad' : 'muted'}>{count('off_target')} off target</span>
            {count('no_data') > 0 && (
              <>
                <span aria-hidden>·</span>
                <span className="muted">{count('no_data')} without data</span>
              </>
            )}
          </p>
          <div className="kpi-board">
            {kpis.map((k) => (
              <KpiCard key={k.id} kpi={k} now={board.dataUpdatedAt} />
            ))}
          </div>
        </>
      )}
      {creating && <KpiFormDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
