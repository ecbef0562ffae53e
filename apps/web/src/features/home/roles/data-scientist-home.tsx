// Data scientist: "what have I been running, and what is still going?"
import { Link } from 'react-router';
import { useSession } from '../../../lib/session';
import { useHomeExperiments, useHomeRuns, type HomeRun } from '../api/use-home-data';
import { ExperimentList } from '../components/experiment-list';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';
import { RunList } from '../components/run-list';

const COMPARE_MAX = 5;

/** The latest finished runs of the experiment the person worked in last, to compare in one click. */
function compareCandidates(runs: readonly HomeRun[]): { experimentId: number; runIds: string[] } | null {
  const latest = runs.find((r) => r.status === 'FINISHED');
  if (!latest) return null;
  const runIds = runs.filter((r) => r.status === 'FINISHED' && r.experimentId === latest.experimentId).slice(0, COMPARE_MAX).map((r) => r.id);
  return runIds.length >= 2 ? { experimentId: latest.experimentId, runIds } : null;
}

export function DataScientistHome() {
  const { user } = useSession();
  // Runs record the creator's email as their user, whether logged from the SDK or the app.
  const recent = useHomeRuns(`user = "${user.email.replace(/"/g, '')}"`, 10);
  const { query: experimentsQuery, experiments } = useHomeExperiments();
  const now = Math.max(recent.updatedAt, experimentsQuery.dataUpdatedAt, 0) || Date.now();
  const running = recent.runs.filter((r) => r.status === 'RUNNING').length;
  const compare = compareCandidates(recent.runs);
  const active = experiments.filter((e) => e.archivedAt === null).slice(0, 6);

  return (
    <div className="page">
      <HomeHeader
        role="data_scientist"
        question="Your latest runs and the experiments that moved most recently."
        actions={
          <Link className="btn" to="/experiments">
            All experiments
          </Link>
        }
      />
      <div className="id-home-grid">
        <HomeCard
          title={
            <>
              Your recent runs{' '}
              {running > 0 && (
                <span className="live-indicator">
                  <span className="pulse" aria-hidden />
                  {running} running
                </span>
              )}
            </>
          }
          actions={
            compare && (
              <Link className="btn btn-sm" to={`/compare?runs=${compare.runIds.join(',')}`}>
                Compare latest {compare.runIds.length} in {recent.experimentName(compare.experimentId)}
              </Link>
            )
          }
        >
          <QueryBody
            pending={recent.isPending}
            error={recent.error}
            onRetry={recent.refetch}
            isEmpty={recent.runs.length === 0}
            empty={
              <>
                <p>No runs logged by {user.email} yet.</p>
                <pre className="code-hint">{`const quorum = new Quorum({ url: '${window.location.origin}', token: process.env.QUORUM_TOKEN });\nconst run = await quorum.startRun({ experiment: 'my-first-model' });`}</pre>
                <p className="small muted">
                  Scripts sign in with an <Link to="/tokens">API token</Link>.
                </p>
              </>
            }
          >
            <RunList runs={recent.runs} experimentName={recent.experimentName} now={now} label="Your recent runs" />
            {recent.total > recent.runs.length && (
              <div className="id-card-foot small muted">
                Showing your latest {recent.runs.length} of {recent.total.toLocaleString('en')} runs. Pick runs to compare from an experiment’s runs table.
              </div>
            )}
          </QueryBody>
        </HomeCard>
        <HomeCard
          title="Recently active experiments"
          actions={
            <Link className="small" to="/experiments">
              View all
            </Link>
          }
        >
          <QueryBody
            pending={experimentsQuery.isPending}
            error={experimentsQuery.error}
            onRetry={() => void experimentsQuery.refetch()}
            isEmpty={active.length === 0}
            empty={<p>No experiments yet. One is created the first time a script logs a run to it.</p>}
          >
            <ExperimentList experiments={active} now={now} />
          </QueryBody>
        </HomeCard>
      </div>
    </div>
  );
}
