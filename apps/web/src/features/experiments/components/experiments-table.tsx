// The experiments list, sortable in the browser (the whole list is loaded).
import { useState } from 'react';
import { TableSortHeader, type TableSortDirection } from '../../../components/table-sort-header';
import type { ExperimentSummary } from '../api/use-experiments';
import { ExperimentRow } from './experiment-row';

type SortKey = 'name' | 'runCount' | 'activeRunCount' | 'lastActivity';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean; first: TableSortDirection }[] = [
  { key: 'name', label: 'Name', first: 'asc' },
  { key: 'runCount', label: 'Runs', numeric: true, first: 'desc' },
  { key: 'activeRunCount', label: 'Active', numeric: true, first: 'desc' },
  { key: 'lastActivity', label: 'Last activity', first: 'desc' },
];

function compare(a: ExperimentSummary, b: ExperimentSummary, key: SortKey): number {
  return key === 'name' ? a.name.localeCompare(b.name) : a[key] - b[key];
}

export function ExperimentsTable({
  experiments,
  now,
  onArchive,
  archivingId,
}: {
  experiments: ExperimentSummary[];
  now: number;
  onArchive: (e: ExperimentSummary, archived: boolean) => void;
  archivingId: number | null;
}) {
  // The server lists by last activity, newest first.
  const [sort, setSort] = useState<{ key: SortKey; direction: TableSortDirection }>({ key: 'lastActivity', direction: 'desc' });
  const sorted = [...experiments].sort((a, b) => (sort.direction === 'asc' ? 1 : -1) * compare(a, b, sort.key));
  const header = (key: SortKey) => {
    const col = COLUMNS.find((c) => c.key === key)!;
    return (
      <TableSortHeader
        label={col.label}
        numeric={col.numeric}
        direction={sort.key === key ? sort.direction : null}
        onSort={() =>
          setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: col.first }))
        }
      />
    );
  };

  return (
    <div className="table-scroll">
      <table className="table experiments-table">
        <colgroup>
          <col />
          <col style={{ width: 80 }} />
          <col style={{ width: 120 }} />
          <col style={{ width: 140 }} />
          <col style={{ width: 170 }} />
        </colgroup>
        <thead>
          <tr>
            {header('name')}
            {header('runCount')}
            {header('activeRunCount')}
            {header('lastActivity')}
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((e) => (
            <ExperimentRow key={e.id} experiment={e} now={now} onArchive={onArchive} archiving={archivingId === e.id} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
