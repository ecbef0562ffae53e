// /experiments — every experiment with its run counts and last activity; search, create,
// rename, archive and restore.
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PolicyGate } from '../../components/policy-gate';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import { useExperimentArchive, useExperimentList, type ExperimentSummary } from './api/use-experiments';
import { ExperimentCreateForm } from './components/experiment-create-form';
import { ExperimentsTable } from './components/experiments-table';
import { SdkHint } from '../../components/sdk-hint';
import { useDebouncedValue } from './hooks/use-debounced-value';
import { useSearchParam } from '../../lib/use-search-param';

/** A dropped connection says so instead of "Failed to fetch". */
function readableError(error: { message: string; data?: unknown } | null): { message: string } | null {
  if (!error) return null;
  return error.data ? error : { message: `Could not reach the Quorum server (${error.message}). Check that it is running.` };
}

interface Notice {
  text: ReactNode;
  undo?: () => void;
}

export function ExperimentsPage() {
  const [archivedParam, setArchivedParam] = useSearchParam('archived', { replace: true });
  const [queryParam, setQueryParam] = useSearchParam('q', { replace: true });
  const showArchived = archivedParam === '1';
  const [search, setSearch] = useState(queryParam ?? '');
  const query = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useExperimentList(query, showArchived);
  const archive = useExperimentArchive();

  // The settled search goes into the URL, so Back from an experiment returns to it.
  useEffect(() => {
    setQueryParam(query || null);
  }, [query, setQueryParam]);

  const onArchive = (e: ExperimentSummary, archived: boolean) =>
    archive.mutate(
      { id: e.id, archived },
      {
        onSuccess: () =>
          setNotice({
            text: (
              <>
                {archived ? 'Archived' : 'Restored'} <strong>{e.name}</strong>.
              </>
            ),
            undo: () => {
              setNotice(null);
              archive.mutate({ id: e.id, archived: !archived });
            },
          }),
        onError: (err) => setNotice({ text: `Could not ${archived ? 'archive' : 'restore'} ${e.name}: ${err.message}` }),
      },
    );

  const onCreated = (e: ExperimentSummary) => {
    setCreating(false);
    setNotice({
      text: (
        <>
          Created <Link to={`/experiments/${e.id}`}>{e.name}</Link>. Log runs to it from a training script.
        </>
      ),
    });
  };

  const experiments = list.data ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Experiments"
        description="Each experiment groups the runs of one modelling question."
        actions={
          <PolicyGate action="experiments.create">
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={creating}>
              New experiment
            </button>
          </PolicyGate>
        }
      />

      {creating && <ExperimentCreateForm onCreated={onCreated} onCancel={() => setCreating(false)} />}

      {notice && (
        <div className="alert alert-info row notice" role="status">
          <span>{notice.text}</span>
          <span className="spacer" />
          {notice.undo && (
            <button type="button" className="btn btn-sm" onClick={notice.undo}>
              Undo
            </button>
          )}
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ✕
          </button>
        </div>
      )}

      <section className="card" aria-label="Experiments">
        <div className="card-header">
          <input
            className="input experiments-search"
            type="search"
            aria-label="Search experiments"
            placeholder="Search by name"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {list.isFetching && !list.isPending && <span className="muted small">Searching…</span>}
          <span className="spacer" />
          <label className="check small">
            <input type="checkbox" checked={showArchived} onChange={(e) => setArchivedParam(e.target.checked ? '1' : null)} />
            Show archived
          </label>
        </div>

        {list.isPending ? (
          <LoadingRows rows={5} />
        ) : list.isError && !list.data ? (
          <div className="card-body">
            <ErrorBox error={readableError(list.error)} onRetry={() => void list.refetch()} />
          </div>
        ) : experiments.length === 0 ? (
          query ? (
            <EmptyState title={`No experiments match “${query}”`}>
              <button type="button" className="btn" onClick={() => setSearch('')}>
                Clear search
              </button>
            </EmptyState>
          ) : (
            <EmptyState title="No experiments yet — log one from a training script">
              <p>An experiment is created the first time a script logs a run to it:</p>
              <SdkHint />
              <p className="small muted">Or create an empty one with “New experiment”.</p>
            </EmptyState>
          )
        ) : (
          <>
            {list.isError && <ErrorBox error={readableError(list.error)} onRetry={() => void list.refetch()} />}
            <ExperimentsTable
              experiments={experiments}
              now={list.dataUpdatedAt}
              onArchive={onArchive}
              archivingId={archive.isPending ? (archive.variables?.id ?? null) : null}
            />
          </>
        )}
      </section>
    </div>
  );
}
