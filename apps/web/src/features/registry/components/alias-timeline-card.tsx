// The alias timeline: a chart of every move, the moves as a list with who made them and
// which request, and a look-up of what served an alias at a given time.
import { Link } from 'react-router';
import { useRegUserNames } from '../../../components/reg-user-names';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { ModelDetail } from '../api/types';
import { AliasAtForm } from './alias-at-form';
import { AliasTimelineChart } from './alias-timeline-chart';

export function AliasTimelineCard({ model, now }: { model: ModelDetail; now: number }) {
  const nameOf = useRegUserNames();
  const versionOf = (id: number | null) => (id === null ? null : (model.versions.find((v) => v.id === id)?.version ?? null));
  const aliases = [...new Set(model.timeline.map((m) => m.alias))].sort((a, b) => (a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b)));

  return (
    <section className="card" aria-label="Alias timeline">
      <div className="card-header">
        <h2>Alias timeline</h2>
        <span className="small muted">
          {model.timeline.length} move{model.timeline.length === 1 ? '' : 's'}
        </span>
      </div>
      {model.timeline.length === 0 ? (
        <p className="card-body muted">No alias has moved yet. Applied promotions and rollbacks appear here.</p>
      ) : (
        <>
          <div className="card-body reg-timeline-body">
            <AliasTimelineChart moves={model.timeline} now={now} />
          </div>
          <div className="table-scroll reg-moves-scroll">
            <table className="table reg-moves-table" aria-label="Alias moves">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Alias</th>
                  <th scope="col">Move</th>
                  <th scope="col">Kind</th>
                  <th scope="col">By</th>
                  <th scope="col">Request</th>
                </tr>
              </thead>
              <tbody>
                {model.timeline.map((m) => {
                  const from = versionOf(m.previousVersionId);
                  return (
                    <tr key={m.id}>
                      <td title={formatAgo(m.movedAt, now)}>{formatDateTime(m.movedAt)}</td>
                      <td className="mono">{m.alias}</td>
                      <td>
                        {from === null ? <span className="muted">—</span> : `v${from}`} <span aria-hidden>→</span>
                        <span className="sr-only">to</span>{' '}
                        {m.versionId === null ? (
                          <span className="muted">nothing</span>
                        ) : (
                          <Link to={`/models/${model.id}/versions/${m.versionId}`} className="reg-version-link">
                            v{m.version}
                          </Link>
                        )}
                      </td>
                      <td>
                        <span className={`badge reg-move-${m.reason}`}>{m.reason}</span>
                      </td>
                      <td>{nameOf(m.movedBy)}</td>
                      <td>{m.requestId ? <Link to={`/approvals/${m.requestId}`}>#{m.requestId}</Link> : <span className="muted">—</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="card-body reg-at-wrap">
        <AliasAtForm modelId={model.id} aliases={aliases} now={now} />
      </div>
    </section>
  );
}
