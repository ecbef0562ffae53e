// The datasets a run read: name, context (train/eval…), digest, source and schema.
import type { RunDataset } from '../api/types';

export function RunDatasets({ inputs }: { inputs: RunDataset[] }) {
  return (
    <section className="card" aria-label="Dataset inputs">
      <div className="card-header">
        <h2>
          Dataset inputs <span className="count-pill">{inputs.length}</span>
        </h2>
      </div>
      {inputs.length === 0 ? (
        <p className="muted card-body">This run logged no dataset inputs.</p>
      ) : (
        <ul className="datasets">
          {inputs.map((d) => (
            <li key={`${d.datasetId}-${d.context}`} className="dataset">
              <div className="row">
                <strong>{d.name}</strong>
                {d.context && <span className="badge">{d.context}</span>}
                <span className="spacer" />
                <span className="mono small muted" title={`Digest ${d.digest}`}>
                  {d.digest.slice(0, 12)}
                </span>
              </div>
              {d.source && (
                <div className="dataset-source small">
                  {d.sourceType && <span className="muted">{d.sourceType} · </span>}
                  <span className="mono">{d.source}</span>
                </div>
              )}
              {d.schema && d.schema.columns.length > 0 && (
                <details className="dataset-schema">
                  <summary className="small">
                    Schema: {d.schema.columns.length} column{d.schema.columns.length === 1 ? '' : 's'}
                  </summary>
                  <ul className="schema-columns">
                    {d.schema.columns.map((c) => (
                      <li key={c.name}>
                        <span className="mono">{c.name}</span> <span className="muted mono">{c.type}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
