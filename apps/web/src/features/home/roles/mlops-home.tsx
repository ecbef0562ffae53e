// MLOps engineer: "what is waiting on me?" Production alerts still open, runs still going,
// runs that failed this week, and datasets whose newest version drifted.
import { Link } from 'react-router';
import { useHomeAlerts, useHomeDatasets, useHomeRuns } from '../api/use-home-data';
import { AlertList } from '../components/alert-list';
import { DriftCell } from '../components/drift-cell';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';
import { RunList } from '../components/run-list';
import { datasetDriftPair, datasetGroups } from '../utils/dataset-groups';

const HOUR = 3_600_000;

/** A week ago, rounded down to the hour so the filter (and its cache entry) holds still between renders. */
function weekAgoIso(): string {
  return new Date(Math.floor((Date.now() - 7 * 24 * HOUR) / HOUR) * HOUR).toISOString();
}

export function MlopsHome() {
  const running = useHomeRuns('status = "RUNNING"', 50);
  const failed = useHomeRuns(`status = "FAILED" AND start_time >= "${weekAgoIso()}"`, 50);
  const now = Math.max(running.updatedAt, failed.updatedAt) || Date.now();
  const datasets = useHomeDatasets();
  const alerts = useHomeAlerts();
  const openAlerts = alerts.data ?? [];
  const pairs = datasetGroups(datasets.data ?? []).flatMap((g) => {
    const pair = datasetDriftPair(g);
    return pair ? [{ name: g.name, ...pair }] : [];
  });

  return (
    <div className="page">
      <HomeHeader role="mlops_engineer" question="What is waiting on you: production alerts, runs still going, runs that failed this week, and data that drifted." />
      <div className="id-home-stack">
        <HomeCard
          title={
            <>
              Open alerts <span className={`count-pill${openAlerts.some((a) => a.state === 'open') ? ' id-pill-bad' : ''}`}>{openAlerts.length}</span>
            </>
          }
          actions={
            <Link className="small" to="/monitoring">
              Monitoring
            </Link>
          }
        >
          <QueryBody
            pending={alerts.isPending}
            error={alerts.error}
            onRetry={() => void alerts.refetch()}
            isEmpty={openAlerts.length === 0}
            empty={<p>No production alert is open. The monitoring page shows each deployed model’s windows and the rules that would open one.</p>}
          >
            <AlertList alerts={openAlerts} now={alerts.dataUpdatedAt || now} />
          </QueryBody>
        </HomeCard>
        <HomeCard
          title={
            <>
              Running now <span className="count-pill">{running.total}</span>
            </>
          }
        >
          <QueryBody pending={running.isPending} error={running.error} onRetry={running.refetch} isEmpty={running.runs.length === 0} empty={<p>Nothing is running right now.</p>}>
            <RunList runs={running.runs} experimentName={running.experimentName} now={now} label="Running now" showUser />
          </QueryBody>
        </HomeCard>
        <HomeCard
          title={
            <>
              Failed in the last 7 days <span className={`count-pill${failed.total > 0 ? ' id-pill-bad' : ''}`}>{failed.total}</span>
            </>
          }
        >
          <QueryBody pending={failed.isPending} error={failed.error} onRetry={failed.refetch} isEmpty={failed.runs.length === 0} empty={<p>No run failed in the last 7 days.</p>}>
            <RunList runs={failed.runs} experimentName={failed.experimentName} now={now} label="Failed in the last 7 days" showUser />
          </QueryBody>
        </HomeCard>
        <HomeCard
          title="Data drift, latest two versions"
          actions={
            <Link className="small" to="/data">
              Data &amp; drift
            </Link>
          }
        >
          <QueryBody
            pending={datasets.isPending}
            error={datasets.error}
            onRetry={() => void datasets.refetch()}
            isEmpty={pairs.length === 0}
            empty={<p>No dataset has two profiled versions to compare yet.</p>}
          >
            <ul className="id-drift-list">
              {pairs.map(({ name, reference, current }) => (
                <li key={name}>
                  <span className="id-strong">{name}</span>
                  <DriftCell referenceId={reference.id} currentId={current.id} label={`${reference.digest} → ${current.digest}`} />
                </li>
              ))}
            </ul>
          </QueryBody>
        </HomeCard>
      </div>
    </div>
  );
}
