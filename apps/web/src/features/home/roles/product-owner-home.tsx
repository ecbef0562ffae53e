// Product owner: "are the models moving the numbers I own?" The KPI board comes with the
// registry; until then the page says so and shows what the teams are working on.
import { Link } from 'react-router';
import { useHomeExperiments } from '../api/use-home-data';
import { ExperimentList } from '../components/experiment-list';
import { HomeCard, LaterCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';

export function ProductOwnerHome() {
  const { query, experiments } = useHomeExperiments();
  const active = experiments.filter((e) => e.archivedAt === null);
  const running = active.reduce((n, e) => n + e.activeRunCount, 0);
  const now = query.dataUpdatedAt || Date.now();

  return (
    <div className="page">
      <HomeHeader role="product_owner" question="How the models behind your product are doing, and what the teams are trying next." />
      <div className="id-home-grid">
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
        <LaterCard title="KPI board">
          <p>Your product KPIs against their targets will appear here, annotated with the model promotions that moved them.</p>
          <p className="muted small">
            The board arrives with the model registry in a later release. Until then, each experiment’s runs show the offline metrics the teams are optimising.
          </p>
        </LaterCard>
      </div>
    </div>
  );
}
