// A stored profile, one row per column: kind, counts and summary statistics.
import { formatMetric } from '../../../lib/format';
import type { DatasetColumn } from '../api/use-datasets';
import { columnMissingShare, columnSummary, columnTopShares } from '../utils/column-stats';
import { datasetCount } from '../utils/dataset-format';

const NUMERIC_STATS = ['mean', 'std', 'min', 'p50', 'p95', 'max'] as const;

export function DatasetColumnsTable({ columns }: { columns: DatasetColumn[] }) {
  return (
    <div className="table-scroll">
      <table className="table data-columns-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Missing
            </th>
            {NUMERIC_STATS.map((s) => (
              <th key={s} scope="col" className="num">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const summary = columnSummary(c.kind, c.stats);
            return (
              <tr key={c.name}>
                <td className="mono data-col-name" title={c.name}>
                  {c.name}
                </td>
                <td>
                  <span className={`badge data-kind data-kind-${c.kind}`}>{c.kind}</span>
                </td>
                <td className="num">{datasetCount(c.rowCount)}</td>
                {c.missingCount > 0 ? (
                  <td className="num data-missing" title={`${datasetCount(c.missingCount)} of ${datasetCount(c.rowCount)} rows missing`}>
                    {datasetCount(c.missingCount)} <span className="small">({columnMissingShare(c.missingCount, c.rowCount)})</span>
                  </td>
                ) : (
                  <td className="num muted">0</td>
                )}
                {summary.kind === 'numerical' ? (
                  NUMERIC_STATS.map((s) => (
                    <td key={s} className="num">
                      {formatMetric(summary[s])}
                    </td>
                  ))
                ) : (
                  <td colSpan={NUMERIC_STATS.length} className="data-top-values">
                    <span className="muted">{summary.distinct === null ? '?' : datasetCount(summary.distinct)} distinct</span>
                    {columnTopShares(summary).length > 0 && <span className="muted"> · top: </span>}
                    {columnTopShares(summary)
                      .slice(0, 5)
                      .map((t, i) => (
                        <span key={t.value} title={`${datasetCount(t.count)} in the stored sample`}>
                          {i > 0 && ', '}
                          <span className="mono">{t.value}</span>
                          {t.share !== null && <span className="muted"> {Math.round(t.share * 100)}%</span>}
                        </span>
                      ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
