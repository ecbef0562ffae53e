// /experiments/:experimentId — an experiment's runs: filter, sort, choose columns, select
// runs to compare. The view lives in the URL so a link shows the same table.
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox } from '../../components/states';
import { readableError } from './api/types';
import { useExperiment } from './api/use-experiment';
import { useRunColumns } from './api/use-run-columns';
import { useRunSearch } from './api/use-run-search';
import { ColumnPicker } from './components/column-picker';
import { RunFilterBar } from './components/run-filter-bar';
import { RunsEmpty } from './components/runs-empty';
import { RunsTable } from './components/runs-table';
import { SelectionBar } from './components/selection-bar';
import { useFilterApply } from './hooks/use-filter-apply';
import { useRunsView } from './hooks/use-runs-view';
import { columnsDefault, columnsOrdered } from './utils/run-columns';
import { DEFAULT_SORT, sortFormat, sortNext } from './utils/runs-view';
import { selectionOrdered } from './utils/selection';

export function RunsPage() {
  const { experimentId } = useParams();
  const id = Number(experimentId);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <div className="page">
        <EmptyState title={`"${experimentId ?? ''}" is not an experiment id`}>
          <Link to="/experiments">Back to experiments</Link>
        </EmptyState>
      </div>
    );
  }
  // Keyed so selection, filter state and placeholder rows never leak between experiments.
  return <ExperimentRuns key={id} experimentId={id} />;
}

function ExperimentRuns({ experimentId }: { experimentId: number }) {
  const experiment = useExperiment(experimentId);
  const view = useRunsView();
  const columnsQuery = useRunColumns(experimentId);
  const { query, runs, total, updatedAt, live } = useRunSearch({ experimentId, filter: view.filter, sort: view.sort });
  const filter = useFilterApply(experimentId, view, query.error);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  const chosen = useMemo(() => view.cols ?? (columnsQuery.data ? columnsDefault(columnsQuery.data) : []), [view.cols, columnsQuery.data]);
  const columns = useMemo(() => columnsOrdered(chosen), [chosen]);
  const sort = view.sort ?? DEFAULT_SORT;
  const { setSort } = view;
  const onSort = useCallback((field: string) => setSort(sortNext(sort, field)), [setSort, sort]);
  const { fetchNextPage: fetchNext } = query;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);

  const ordered = useMemo(() => selectionOrdered(selected, runs.map((r) => r.id)), [selected, runs]);
  const loadedIds = useMemo(() => new Set(runs.map((r) => r.id)), [runs]);
  const hiddenCount = ordered.filter((id) => !loadedIds.has(id)).length;
  const chosenMetricKeys = view.cols ? columns.filter((c) => c.group === 'metrics').map((c) => c.key) : [];

  if (experiment.error?.data?.code === 'NOT_FOUND') {
    return (
      <div className="page">
        <EmptyState title={experiment.error.message}>
          <Link to="/experiments">Back to experiments</Link>
        </EmptyState>
      </div>
    );
  }

  const name = experiment.data?.name ?? '';
  const searchFailed = query.isError && !filter.urlFilterRefused;
  const showEmpty = query.isSuccess && runs.length === 0 && !query.isPlaceholderData;
  // Filtering and columns mean nothing until the experiment has a run.
  const noRunsAtAll = showEmpty && !view.filter;

  return (
    <div className="page page-fill">
      <PageHeader
        crumbs={
          <>
            <Link to="/experiments">Experiments</Link> <span aria-hidden>/</span> {name || `#${experimentId}`}
          </>
        }
        title={
          <span className="row">
            {name || <span className="skeleton title-skeleton" aria-label="Loading experiment" />}
            {experiment.data?.archivedAt != null && <span className="badge">archived</span>}
          </span>
        }
        description={experiment.data?.description || undefined}
      />
      <ErrorBox error={readableError(experiment.error)} onRetry={() => void experiment.refetch()} />

      {!noRunsAtAll && (
        <RunFilterBar
          draft={filter.draft}
          applied={view.filter}
          onDraftChange={filter.setDraft}
          onRevert={filter.revert}
          onApply={(text) => void filter.apply(text)}
          applying={filter.applying}
          problem={filter.problem}
        />
      )}

      <section className="card runs-card" aria-label="Runs">
        <div className="card-header runs-card-header">
          <div className="row">
            <span className="runs-count" aria-live="polite">
              {query.data
                ? `${total.toLocaleString('en')} ${total === 1 ? 'run matches' : 'runs match'}`
                : query.isError
                  ? 'Runs could not be loaded'
                  : 'Loading runs…'}
            </span>
            {runs.length < total && <span className="muted small">{runs.length.toLocaleString('en')} loaded</span>}
            {live && (
              <span className="live-indicator" title="A run is in progress: the table refreshes every 5 seconds">
                <span className="pulse" aria-hidden />
                Live
              </span>
            )}
            {query.isFetching && !query.isPending && !query.isFetchingNextPage && !live && <span className="muted small">Updating…</span>}
          </div>
          <span className="spacer" />
          {selected.size > 0 && (
            <SelectionBar ordered={ordered} hiddenCount={hiddenCount} metricKeys={chosenMetricKeys} onClear={() => setSelected(new Set())} />
          )}
          {!noRunsAtAll && <ColumnPicker available={columnsQuery.data} chosen={chosen} isDefault={view.cols === null} onChange={view.setCols} />}
        </div>

        {searchFailed && (
          <div className="card-body stack">
            <ErrorBox error={readableError(query.error)} onRetry={query.error?.data?.code === 'BAD_REQUEST' ? undefined : () => void query.refetch()} />
            {/* A sort field from an old link that the server refuses: retrying cannot help. */}
            {query.error?.data?.code === 'BAD_REQUEST' && view.sort && (
              <div>
                <button type="button" className="btn" onClick={() => view.setSort(DEFAULT_SORT)}>
                  Sort by start time instead
                </button>
              </div>
            )}
          </div>
        )}
        {filter.urlFilterRefused && !query.data && (
          <EmptyState title="This filter could not be applied">
            <p>Fix it above, or start again without it.</p>
            <button type="button" className="btn" onClick={() => void filter.apply('')}>
              Clear filter
            </button>
          </EmptyState>
        )}
        {showEmpty && <RunsEmpty experimentName={name} filter={view.filter} onClearFilter={() => void filter.apply('')} />}
        {!searchFailed && !showEmpty && !(filter.urlFilterRefused && !query.data) && (
          <RunsTable
            runs={runs}
            total={total}
            columns={columns}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelectedChange={setSelected}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            fetchNextPage={fetchNextPage}
            now={updatedAt}
            loading={query.isPending}
            viewKey={`${view.filter}\n${sortFormat(sort)}`}
          />
        )}
      </section>
    </div>
  );
}
