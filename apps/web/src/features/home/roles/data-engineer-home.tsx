// Data engineer: "which datasets do models use, are they profiled, and has the newest
// version drifted?" One row per dataset, its latest version first.
import { Link } from 'react-router';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useHomeDatasets } from '../api/use-home-data';
import { DriftCell } from '../components/drift-cell';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';
import { datasetDriftPair, datasetGroups } from '../utils/dataset-groups';

export function DataEngineerHome() {
  const datasets = useHomeDatasets();
  const groups = datasetGroups(datasets.data ?? []);
  const unprofiled = (datasets.data ?? []).filter((d) => d.profiledAt === null).length;
  const now = datasets.dataUpdatedAt || Date.now();

  return (
    <div className="page">
      <HomeHeader
        role="data_engineer"
        question="The datasets models train and score on, whether each is profiled, and which runs use it."
        actions={
          <Link className="btn" to="/data">
            Open Data &amp; drift
          </Link>
        }
      />
      <HomeCard
        title={
          <>
            Datasets <span className="count-pill">{groups.length}</span>
          </>
        }
        actions={unprofiled > 0 && <span className="badge id-badge-warn">{unprofiled} version{unprofiled === 1 ? '' : 's'} without a profile</span>}
      >
        <QueryBody
          pending={datasets.isPending}
          error={datasets.error}
          onRetry={() => void datasets.refetch()}
          isEmpty={groups.length === 0}
          empty={
            <p>
              No datasets yet. Runs register the data they use, or upload a CSV on <Link to="/data">Data &amp; drift</Link>.
            </p>
          }
        >
          <div className="table-scroll">
            <table className="table" aria-label="Datasets">
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col">Latest version</th>
                  <th scope="col">Profile</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col" className="num">
                    Runs using it
                  </th>
                  <th scope="col">Drift, latest two versions</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => {
                  const { name, versions } = group;
                  const latest = versions[0];
                  const pair = datasetDriftPair(group);
                  if (!latest) return null;
                  const runs = versions.reduce((n, v) => n + v.runCount, 0);
                  return (
                    <tr key={name}>
                      <td>
                        <Link to={`/data?dataset=${latest.id}`} className="id-strong-link">
                          {name}
                        </Link>
                        <div className="muted small id-ellipsis" title={latest.source}>
                          {latest.source || latest.sourceType || '—'}
                        </div>
                      </td>
                      <td>
                        <span className="mono">{latest.digest}</span>
                        {versions.length > 1 && <span className="muted small"> · {versions.length} versions</span>}
                      </td>
                      <td>
                        {latest.profiledAt === null ? (
                          <span className="badge id-badge-warn">not profiled</span>
                        ) : (
                          <span className="badge id-badge-good" title={formatDateTime(latest.profiledAt)}>
                            profiled {formatAgo(latest.profiledAt, now)}
                          </span>
                        )}
                      </td>
                      <td className="num">{latest.rowCount === null ? '—' : latest.rowCount.toLocaleString('en')}</td>
                      <td className="num" title="Across all versions">
                        {runs.toLocaleString('en')}
                      </td>
                      <td>
                        {pair ? (
                          <DriftCell referenceId={pair.reference.id} currentId={pair.current.id} label={`${pair.reference.digest} → ${pair.current.digest}`} />
                        ) : (
                          <span className="muted small">{versions.length > 1 ? 'needs two profiles' : 'one version'}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </QueryBody>
      </HomeCard>
    </div>
  );
}
