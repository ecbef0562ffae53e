// "Which production models were trained on this dataset?": the aliases its lineage feeds.
import { Link } from 'react-router';
import { useDatasetServedBy } from '../api/use-datasets';

export function DatasetServedBy({ id }: { id: number }) {
  const served = useDatasetServedBy(id);
  if (served.isPending || served.isError) return null;
  return (
    <>
      <h3 className="data-subhead">
        Serving models <span className="count-pill">{served.data.length}</span>
      </h3>
      {served.data.length === 0 ? (
        <p className="muted card-body small">No alias serves a model version trained or evaluated on this dataset.</p>
      ) : (
        <ul className="card-body data-served-by">
          {served.data.map((s) => (
            <li key={`${s.modelId}:${s.alias}`}>
              <Link to={`/models/${s.modelId}`}>
                {s.model}@{s.alias}
              </Link>{' '}
              <span className="muted">serves v{s.version}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
