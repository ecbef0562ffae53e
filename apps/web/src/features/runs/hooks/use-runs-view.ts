// Reads and writes the runs table's view (columns, filter, sort) in the URL.
import { useMemo } from 'react';
import { colsParse, sortFormat, sortParse, type SortSpec } from '../utils/runs-view';
import { useSearchParam } from '../../../lib/use-search-param';

export interface RunsView {
  /** Chosen column ids, or null for the defaults. */
  cols: string[] | null;
  filter: string;
  sort: SortSpec | null;
  setCols: (cols: string[] | null) => void;
  setFilter: (filter: string) => void;
  setSort: (sort: SortSpec) => void;
}

export function useRunsView(): RunsView {
  // Column and sort tweaks replace the history entry; an applied filter is a step worth
  // going Back to.
  const [colsText, setColsText] = useSearchParam('cols', { replace: true });
  const [filterText, setFilterText] = useSearchParam('filter', { replace: false });
  const [sortText, setSortText] = useSearchParam('sort', { replace: true });

  return useMemo(
    () => ({
      cols: colsParse(colsText),
      filter: filterText ?? '',
      sort: sortParse(sortText),
      setCols: (cols) => setColsText(cols === null ? null : cols.join(',')),
      setFilter: (f) => setFilterText(f === '' ? null : f),
      setSort: (s) => setSortText(sortFormat(s)),
    }),
    [colsText, filterText, sortText, setColsText, setFilterText, setSortText],
  );
}
