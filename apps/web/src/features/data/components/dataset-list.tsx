// Every dataset version, newest first within a name; picking one opens its detail.
import type { DatasetSummary } from '../api/use-datasets';
import { datasetCount, datasetPlural, datasetShortDigest } from '../utils/dataset-format';

export function DatasetList({
  datasets,
  selectedId,
  referenceId,
  currentId,
  onSelect,
}: {
  datasets: DatasetSummary[];
  selectedId: number | null;
  referenceId: number | null;
  currentId: number | null;
  onSelect: (id: number) => void;
}) {
  return (
    <ul className="data-list">
      {datasets.map((d) => {
        const profiled = d.profiledAt !== null;
        return (
          <li key={d.id}>
            <button
              type="button"
              className={`data-item${profiled ? '' : ' is-unprofiled'}`}
              aria-pressed={selectedId === d.id}
              title={profiled ? undefined : 'no profile stored'}
              onClick={() => onSelect(d.id)}
            >
              <span className="data-item-head">
                <span className="data-item-name">{d.name}</span>
                <span className="mono data-item-digest" title={`Digest ${d.digest}`}>
                  @{datasetShortDigest(d.digest)}
                </span>
                <span className="spacer" />
                {d.id === referenceId && <span className="badge data-role data-role-ref">reference</span>}
                {d.id === currentId && <span className="badge data-role data-role-cur">current</span>}
              </span>
              {d.source && (
                <span className="data-item-source mono" title={d.source}>
                  {d.source}
                </span>
              )}
              <span className="data-item-meta">
                {profiled ? (
                  <>
                    <span>{datasetCount(d.rowCount)} rows</span>
                    <span>{datasetPlural(d.columnCount, 'column')}</span>
                  </>
                ) : (
                  <span>no profile stored</span>
                )}
                <span>{d.runCount === 0 ? 'not used by runs' : `used by ${datasetPlural(d.runCount, 'run')}`}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
