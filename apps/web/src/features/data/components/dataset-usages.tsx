// The runs that logged a dataset version, newest first; long lists are cut until asked for.
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format';
import type { DatasetUsage } from '../api/use-datasets';
import { datasetPlural } from '../utils/dataset-format';

const SHOWN = 8;

export function DatasetUsages({ usages }: { usages: DatasetUsage[] }) {
  const [all, setAll] = useState(false);
  if (usages.length === 0) return <p className="muted card-body data-no-usages">No run has logged this dataset version.</p>;
  const shown = all ? usages : usages.slice(0, SHOWN);
  return (
    <>
      <div className="table-scroll data-usages">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Experiment</th>
              <th scope="col">Context</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={`${u.runId}-${u.context}`}>
                <td className="data-usage-run">
                  <Link to={`/runs/${u.runId}`}>{u.runName || u.runId.slice(0, 8)}</Link>
                </td>
                <td>
                  <Link to={`/experiments/${u.experimentId}`}>{u.experimentName}</Link>
                </td>
                <td>{u.context ? <span className="badge">{u.context}</span> : <span className="muted">—</span>}</td>
                <td>
                  <StatusBadge status={u.status} />
                </td>
                <td className="muted small tabular">{formatDateTime(u.startTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {usages.length > SHOWN && (
        <div className="data-usages-more">
          <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
            {all ? `Show the first ${SHOWN}` : `Show all ${datasetPlural(usages.length, 'run')}`}
          </button>
          {usages.length >= 500 && <span className="muted small"> · the newest 500 are listed</span>}
        </div>
      )}
    </>
  );
}
