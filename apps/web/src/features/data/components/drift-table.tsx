// Per-column drift: the test that ran, its score against the threshold, and the verdict.
import { TableSortHeader } from '../../../components/table-sort-header';
import { formatMetric } from '../../../lib/format';
import type { ColumnDrift } from '../api/use-datasets';
import { datasetCount } from '../utils/dataset-format';
import { driftRuleText, driftTestInfo, type DriftSort, type DriftSortKey } from '../utils/drift-format';

export function DriftTable({
  columns,
  sort,
  onSort,
  selected,
  onSelect,
}: {
  /** Already sorted. */
  columns: ColumnDrift[];
  sort: DriftSort;
  onSort: (key: DriftSortKey) => void;
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const dir = (key: DriftSortKey) => (sort.key === key ? sort.dir : null);
  return (
    <div className="table-scroll">
      <table className="table data-drift-table">
        <thead>
          <tr>
            <TableSortHeader label="Column" direction={dir('name')} onSort={() => onSort('name')} />
            <th scope="col">Type</th>
            <th scope="col">Test</th>
            <TableSortHeader label="Score" numeric direction={dir('score')} onSort={() => onSort('score')} />
            <th scope="col" className="num">
              Threshold
            </th>
            <TableSortHeader label="Drifted" direction={dir('drifted')} onSort={() => onSort('drifted')} />
            <th scope="col" className="num data-th-wrap">
              Reference rows
            </th>
            <th scope="col" className="num data-th-wrap">
              Current rows
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const test = driftTestInfo(c.test);
            return (
              <tr key={c.name} className={selected === c.name ? 'is-selected' : undefined}>
                <td className="data-col-name">
                  <button type="button" className="link-button mono" onClick={() => onSelect(c.name)} title={`Show the distribution of ${c.name}`}>
                    {c.name}
                  </button>
                </td>
                <td>
                  <span className={`badge data-kind data-kind-${c.kind}`}>{c.kind}</span>
                </td>
                <td title={test.title}>{test.label}</td>
                <td className="num" title={String(c.score)}>
                  <span className="data-score">{formatMetric(c.score)}</span> <span className="muted small">{test.score}</span>
                </td>
                <td className="num muted" title={driftRuleText(c.test, c.threshold)}>
                  {c.threshold}
                </td>
                <td>
                  {c.drifted ? <span className="badge data-badge-drift">drifted</span> : <span className="badge data-badge-stable">no drift</span>}
                </td>
                <td className="num">{datasetCount(c.referenceCount)}</td>
                <td className="num">{datasetCount(c.currentCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DriftUnmatched({ unmatched }: { unmatched: { name: string; reason: string }[] }) {
  if (unmatched.length === 0) return null;
  return (
    <div className="data-unmatched">
      <h3>Not compared</h3>
      <ul>
        {unmatched.map((u) => (
          <li key={u.name}>
            <span className="mono">{u.name}</span> <span className="muted">— {u.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
