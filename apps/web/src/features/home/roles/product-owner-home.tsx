// Product owner: "are the models moving the numbers I own?" Every KPI against its target with
// its trend and the last promotion that touched it, then what the teams are trying next.
import { Link } from 'react-router';
import { useHomeExperiments, useHomeKpis } from '../api/use-home-data';
import { ExperimentList } from '../components/experiment-list';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { KpiMiniBoard } from '../components/kpi-mini-board';
import { QueryBody } from '../components/query-body';

export function ProductOwnerHome() {
  const kpis = useHomeKpis();
  const { query, experiments } = useHomeExperiments();
  const active = experiments.filter((e) => e.archivedAt === null);
  const running = active.reduce((n, e) => n + e.activeRunCount, 0);
  const now = query.dataUpdatedAt || Date.now();
  const board = kpis.data ?? [];
  const off = board.filter((k) => k.status.status === 'off_target').length;

  return (
    <div className="page">
      <HomeHeader role="product_owner" question="Whether your KPIs are on target, which model changes moved them, and what the teams are trying next." />
      <div className="id-home-stack">
        <HomeCard
          title={
            <>
              KPIs {off > 0 && <span className="count-pill id-pill-bad">{off} off target</span>}
            </>
          }
          actions={
            <Link className="small" to="/kpis">
              Open the KPI board
            </Link>
          }
        >
          <QueryBody
            pending={kpis.isPending}
            error={kpis.error}
            onRetry={() => void kpis.refetch()}
            isEmpty={board.length === 0}
            empty={
              <>
                <p>No KPIs yet.</p>
                <p className="muted small">
                  Define the business numbers the models should move, with a target and the models behind them, on the <Link to="/kpis">KPI board</Link>.
                </p>
              </>
            }
          >
            <KpiMiniBoard kpis={board} now={kpis.dataUpdatedAt} />
          </QueryBody>
        </HomeCard>
        <HomeCard
          title="What the teams are working on"
          actions={
            <>
              {running > 0 && <span className="muted small">{running} runs in progress</span>}
              <Link className="small" to="/experiments">
                All experiments
              </Link>
            </>
          }
        >
          <QueryBody
            pending={query.isPending}
            error={query.error}
            onRetry={() => void query.refetch()}
            isEmpty={active.length === 0}
            empty={<p>No experiments yet.</p>}
          >
            <ExperimentList experiments={active} now={now} />
          </QueryBody>
        </HomeCard>
      </div>
    </div>
  );
}
