// Open and acknowledged production alerts across models, each linking to its monitoring page.
import { Link } from 'react-router';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { HomeAlert } from '../api/use-home-data';

export function AlertList({ alerts, now }: { alerts: readonly HomeAlert[]; now: number }) {
  return (
    <div className="table-scroll">
      <table className="table id-alert-list" aria-label="Open alerts">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">State</th>
            <th scope="col">Why</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <td>
                <Link className="id-strong-link" to={`/monitoring/${a.modelId}${a.alias ? `?alias=${encodeURIComponent(a.alias)}` : ''}`}>
                  {a.modelName}
                </Link>
                {a.alias && <div className="small muted mono">{a.alias}</div>}
              </td>
              <td>
                <span className={`badge ${a.state === 'open' ? 'id-alert-open' : 'id-alert-acknowledged'}`}>{a.state}</span>
              </td>
              <td className="id-alert-reason">{a.reason}</td>
              <td title={formatDateTime(a.openedAt)}>{formatAgo(a.openedAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
