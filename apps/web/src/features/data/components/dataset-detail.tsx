// One dataset version: where it came from, its stored profile, and the runs that used it.
import { useEffect, useRef } from 'react';
import { ErrorBox, LoadingRows } from '../../../components/states';
import { formatDateTime } from '../../../lib/format';
import { apiErrorRetryable, useDataset } from '../api/use-datasets';
import { datasetCount, datasetLabel, datasetPlural } from '../utils/dataset-format';
import { DatasetColumnsTable } from './dataset-columns-table';
import { DatasetServedBy } from './dataset-served-by';
import { DatasetUsages } from './dataset-usages';

export function DatasetDetailCard({
  id,
  onClose,
  onCompare,
}: {
  id: number;
  onClose: () => void;
  onCompare: (side: 'reference' | 'current', id: number) => void;
}) {
  const query = useDataset(id);
  const card = useRef<HTMLElement>(null);
  // The list stays in view while the page scrolls; bring the detail it opens into view too.
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const d = query.data;
  const rows = d?.columns.reduce((n, c) => Math.max(n, c.rowCount), 0) ?? 0;
  return (
    <section ref={card} className="card data-detail" aria-label={d ? `Dataset ${datasetLabel(d)}` : 'Dataset'}>
      <div className="card-header">
        <h2 className="data-detail-title">
          {d ? (
            <>
              {d.name}
              <span className="mono muted" title={`Digest ${d.digest}`}>
                @{d.digest}
              </span>
            </>
          ) : (
            'Dataset'
          )}
        </h2>
        <div className="row">
          {d && d.profiledAt !== null && (
            <>
              <button type="button" className="btn btn-sm" onClick={() => onCompare('reference', d.id)}>
                Use as reference
              </button>
              <button type="button" className="btn btn-sm" onClick={() => onCompare('current', d.id)}>
                Use as current
              </button>
            </>
          )}
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Close dataset detail" onClick={onClose}>
            ✕
          </button>
        </div>
      </div>
      {query.isPending ? (
        <LoadingRows rows={6} />
      ) : query.isError ? (
        <div className="card-body">
          <ErrorBox error={query.error} onRetry={apiErrorRetryable(query.error) ? () => void query.refetch() : undefined} />
        </div>
      ) : (
        d && (
          <>
            <dl className="facts card-body data-facts">
              <div>
                <dt>Source</dt>
                <dd className="mono small" title={d.source}>
                  {d.source || '—'}
                </dd>
              </div>
              <div>
                <dt>Source type</dt>
                <dd>{d.sourceType || '—'}</dd>
              </div>
              <div>
                <dt>Logged</dt>
                <dd>{formatDateTime(d.createdAt)}</dd>
              </div>
              <div>
                <dt>Profile</dt>
                <dd>{d.profiledAt === null ? 'none stored' : `${datasetCount(rows)} rows × ${datasetPlural(d.columns.length, 'column')}`}</dd>
              </div>
            </dl>
            <h3 className="data-subhead">Columns</h3>
            {d.profiledAt === null ? (
              <p className="muted card-body data-no-profile">
                No profile stored, so this version cannot be compared. Log it again with its columns (the SDK's <code>logDataset</code>) or upload the CSV.
                {d.schema && d.schema.columns.length > 0 && ` Its schema lists ${d.schema.columns.map((c) => c.name).join(', ')}.`}
              </p>
            ) : (
              <DatasetColumnsTable columns={d.columns} />
            )}
            <h3 className="data-subhead">
              Used by <span className="count-pill">{d.usages.length}</span>
            </h3>
            <DatasetUsages usages={d.usages} />
            <DatasetServedBy id={d.id} />
          </>
        )
      )}
    </section>
  );
}
