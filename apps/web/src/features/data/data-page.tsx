// /data — every dataset version runs logged, one version's profile, and drift between two.
// ?ref=&cur= choose the comparison and ?dataset= the detail, so a link shares the view.
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ErrorBox, LoadingRows } from '../../components/states';
import { useDatasetList, useUploadPermission, type DatasetDetail } from './api/use-datasets';
import { CsvUploadPanel } from './components/csv-upload-panel';
import { DataEmpty } from './components/data-empty';
import { DatasetDetailCard } from './components/dataset-detail';
import { DatasetList } from './components/dataset-list';
import { DriftPanel } from './components/drift-panel';
import { useDataParams } from './hooks/use-data-params';
import { datasetLabel, datasetPlural } from './utils/dataset-format';
import { driftDefaultPair, driftPairSet, driftResolvePair } from './utils/drift-pair';

export function DataPage() {
  const [params, setParams] = useDataParams();
  const [uploading, setUploading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useDatasetList();
  const canUpload = useUploadPermission();
  const datasets = list.data ?? [];
  const pair = driftResolvePair(params.ref, params.cur, list.data ? driftDefaultPair(list.data) : null);
  const { referenceId, currentId } = pair;

  const onUploaded = (d: DatasetDetail) => {
    setUploading(false);
    setNotice(`Uploaded ${datasetLabel(d)} (${datasetPlural(d.columns.length, 'column')}); it is now the current version.`);
    setParams(driftPairSet(pair, 'current', d.id));
  };
  const openUpload = () => {
    setNotice(null);
    setUploading(true);
  };

  return (
    <div className="page data-page">
      <PageHeader
        title="Data & drift"
        description="The dataset versions your runs read, their column profiles, and how far one version has drifted from another."
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={openUpload}
            disabled={uploading || !canUpload.allowed}
            title={canUpload.allowed ? undefined : canUpload.reason}
          >
            Upload CSV
          </button>
        }
      />

      {uploading && <CsvUploadPanel onUploaded={onUploaded} onCancel={() => setUploading(false)} />}
      {notice && (
        <div className="alert alert-info row notice" role="status">
          <span>{notice}</span>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ✕
          </button>
        </div>
      )}

      {list.isPending ? (
        <div className="data-layout">
          <section className="card" aria-label="Datasets">
            <div className="card-header">
              <h2>Datasets</h2>
            </div>
            <LoadingRows rows={6} />
          </section>
          <section className="card" aria-label="Drift">
            <LoadingRows rows={8} />
          </section>
        </div>
      ) : list.isError ? (
        <ErrorBox error={list.error} onRetry={() => void list.refetch()} />
      ) : datasets.length === 0 ? (
        <section className="card">
          <DataEmpty onUpload={canUpload.allowed ? openUpload : null} />
        </section>
      ) : (
        <div className="data-layout">
          <section className="card data-list-card" aria-label="Datasets">
            <div className="card-header">
              <h2>
                Datasets <span className="count-pill">{datasets.length}</span>
              </h2>
            </div>
            <DatasetList
              datasets={datasets}
              selectedId={params.dataset}
              referenceId={referenceId}
              currentId={currentId}
              onSelect={(id) => setParams({ dataset: params.dataset === id ? null : id })}
            />
          </section>
          <div className="stack data-main">
            {params.dataset !== null && (
              <DatasetDetailCard
                key={params.dataset}
                id={params.dataset}
                onClose={() => setParams({ dataset: null })}
                onCompare={(side, id) => setParams(driftPairSet(pair, side, id))}
              />
            )}
            <DriftPanel datasets={datasets} referenceId={referenceId} currentId={currentId} onChange={(ref, cur) => setParams({ ref, cur })} />
          </div>
        </div>
      )}
    </div>
  );
}
