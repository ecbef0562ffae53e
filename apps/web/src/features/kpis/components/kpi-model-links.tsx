// The models linked to a KPI, each a link to its registry page.
import { Fragment } from 'react';
import { Link } from 'react-router';

export function KpiModelLinks({ models }: { models: readonly { id: number; name: string }[] }) {
  if (models.length === 0) return <span>no linked models</span>;
  return (
    <span className="kpi-models">
      {models.map((m, i) => (
        <Fragment key={m.id}>
          {i > 0 && ', '}
          <Link to={`/models/${m.id}`} className="mono">
            {m.name}
          </Link>
        </Fragment>
      ))}
    </span>
  );
}
