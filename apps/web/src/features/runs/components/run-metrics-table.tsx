// The latest value of each metric, with the step and time it was logged.
import { formatDateTime, formatMetric } from '../../../lib/format';
import type { RunDetail } from '../api/types';

export function RunMetricsTable({ metrics }: { metrics: RunDetail['metrics'] }) {
  const rows = Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="card" aria-label="Latest metrics">
      <div className="card-header">
        <h2>
          Latest metrics <span className="count-pill">{rows.length}</span>
        </h2>
      </div>
      {rows.length === 0 ? (
        <p className="muted card-body">No metrics logged.</p>
      ) : (
        <div className="kv-scroll">
          <table className="table kv-table">
            <colgroup>
              <col style={{ width: '34%' }} />
              <col style={{ width: '18%' }} />
              <col style={{ width: '16%' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Step
                </th>
                <th scope="col">Logged</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, m]) => (
                <tr key={key}>
                  <td className="mono kv-key" title={key}>
                    {key}
                  </td>
                  <td className="num" title={String(m.value)}>
                    {formatMetric(m.value)}
                  </td>
                  <td className="num">{m.step.toLocaleString('en')}</td>
                  <td className="muted" title={formatDateTime(m.timestamp)}>
                    {formatDateTime(m.timestamp)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
