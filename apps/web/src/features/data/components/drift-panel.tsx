// Drift between two dataset versions: pickers, verdict, per-column table and distributions.
import { useState } from 'react';
import { ErrorBox, Skeleton } from '../../../components/states';
import { apiErrorRetryable, useDatasetDrift, type DatasetSummary } from '../api/use-datasets';
import { datasetLabel } from '../utils/dataset-format';
import { DRIFT_DEFAULT_SORT, driftNextSort, driftSortColumns, type DriftSort } from '../utils/drift-format';
import { DriftOverlayChart } from './drift-overlay-chart';
import { DriftPickers } from './drift-pickers';
import { DriftTable, DriftUnmatched } from './drift-table';
import { DriftVerdict } from './drift-verdict';

export function DriftPanel({
  datasets,
  referenceId,
  currentId,
  onChange,
}: {
  datasets: DatasetSummary[];
  referenceId: number | null;
  currentId: number | null;
  onChange: (referenceId: number | null, currentId: number | null) => void;
}) {
  const drift = useDatasetDrift(referenceId, currentId);
  const [sort, setSort] = useState<DriftSort>(DRIFT_DEFAULT_SORT);
  const [selected, setSelected] = useState<string | null>(null);
  const data = drift.data;
  const profiledCount = datasets.filter((d) => d.profiledAt !== null).length;
  const columns = data ? driftSortColumns(data.columns, sort) : [];

  const select = (name: string) => {
    setSelected(name);
    const chart = document.getElementById(`drift-chart-${name}`);
    chart?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    chart?.focus({ preventScroll: true });
  };

  return (
    <section className="card data-drift" aria-label="Drift">
      <div className="card-header data-drift-header">
        <div>
          <h2>Drift</h2>
          <p className="small muted data-drift-intro">How the current version&apos;s columns moved away from the reference.</p>
        </div>
        {drift.isFetching && data && <span className="muted small">Computing…</span>}
      </div>
      <div className="card-body stack">
        <DriftPickers datasets={datasets} referenceId={referenceId} currentId={currentId} onChange={onChange} />
        {referenceId === null || currentId === null ? (
          <p className="muted">
            {profiledCount < 2
              ? `Drift compares two profiled versions, and this workspace has ${profiledCount === 0 ? 'none' : 'one'}. Upload another CSV, or log a version with its columns from a run.`
              : 'Choose a reference and a current version to compare. Only versions with a stored profile can be compared.'}
          </p>
        ) : drift.isError ? (
          <ErrorBox error={drift.error} onRetry={apiErrorRetryable(drift.error) ? () => void drift.refetch() : undefined} />
        ) : !data ? (
          <div className="stack" aria-busy="true" aria-label="Computing drift">
            <Skeleton height={62} />
            <Skeleton height={220} />
          </div>
        ) : (
          <div className={`stack${drift.isPlaceholderData ? ' data-stale' : ''}`}>
            <DriftVerdict drift={data} />
            <DriftTable columns={columns} sort={sort} onSort={(key) => setSort((s) => driftNextSort(s, key))} selected={selected} onSelect={select} />
            <DriftUnmatched unmatched={data.unmatched} />
          </div>
        )}
      </div>
      {data && !drift.isError && referenceId !== null && currentId !== null && (
        <>
          <div className="data-charts-head">
            <h3>Distributions</h3>
            <span className="small muted">Share of each sample per bin (numerical) or category, in the order of the table.</span>
          </div>
          <div className={`data-charts${drift.isPlaceholderData ? ' data-stale' : ''}`}>
            {columns.map((c) => (
              <DriftOverlayChart
                key={c.name}
                column={c}
                referenceLabel={datasetLabel(data.reference)}
                currentLabel={datasetLabel(data.current)}
                selected={selected === c.name}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
