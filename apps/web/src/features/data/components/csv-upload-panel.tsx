// Upload a CSV as a dataset version: parsed and sampled in the browser, only the profile is sent.
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../../components/states';
import { useDatasetUpload, type DatasetDetail } from '../api/use-datasets';
import { csvParseFile, type CsvParsed } from '../utils/csv-parse';
import { csvDatasetName, csvProgressText } from '../utils/csv-profile';
import { datasetPlural } from '../utils/dataset-format';

type ParseState = { phase: 'idle' } | { phase: 'parsing'; fileName: string } | { phase: 'parsed'; parsed: CsvParsed } | { phase: 'failed'; message: string };

export function CsvUploadPanel({ onUploaded, onCancel }: { onUploaded: (dataset: DatasetDetail) => void; onCancel: () => void }) {
  const [parse, setParse] = useState<ParseState>({ phase: 'idle' });
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [source, setSource] = useState('');
  const upload = useDatasetUpload();

  const onFile = (file: File | undefined) => {
    upload.reset();
    if (!file) {
      setParse({ phase: 'idle' });
      return;
    }
    if (!nameEdited) setName(csvDatasetName(file.name));
    setParse({ phase: 'parsing', fileName: file.name });
    // Yield a frame so "Parsing…" paints before the main thread is busy with the file.
    requestAnimationFrame(() => {
      csvParseFile(file).then(
        (parsed) => setParse({ phase: 'parsed', parsed }),
        (e: unknown) => setParse({ phase: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (parse.phase !== 'parsed') return;
    upload.mutate({ name, source, sourceType: 'csv', profile: { columns: parse.parsed.profile.columns } }, { onSuccess: onUploaded });
  };

  const profile = parse.phase === 'parsed' ? parse.parsed.profile : null;
  return (
    <section className="card data-upload" aria-label="Upload CSV">
      <div className="card-header">
        <h2>Upload a CSV</h2>
        <span className="small muted">Parsed in your browser; only a sample of each column is sent.</span>
      </div>
      <form className="card-body data-upload-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="csv-file">CSV file</label>
          <input id="csv-file" type="file" accept=".csv,.tsv,.txt,text/csv" className="input" onChange={(e) => onFile(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor="csv-name">Name</label>
          <input
            id="csv-name"
            className="input"
            value={name}
            maxLength={500}
            placeholder="e.g. churn-scoring"
            onChange={(e) => {
              setName(e.target.value);
              setNameEdited(true);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="csv-source">
            Source <span className="muted">(optional)</span>
          </label>
          <input id="csv-source" className="input" value={source} maxLength={2000} placeholder="e.g. s3://bucket/scoring/2026-12.csv" onChange={(e) => setSource(e.target.value)} />
        </div>

        <div className="data-upload-status" aria-live="polite">
          {parse.phase === 'parsing' && <span className="muted">Parsing {parse.fileName}…</span>}
          {parse.phase === 'failed' && <ErrorBox error={{ message: parse.message }} />}
          {profile && (
            <div className="stack data-upload-summary">
              <span>
                {upload.isPending
                  ? `${csvProgressText(profile.rowCount, profile.columns.length)}…`
                  : `Parsed ${datasetPlural(profile.rowCount, 'row')} × ${datasetPlural(profile.columns.length, 'column')}:`}
              </span>
              {!upload.isPending && (
                <ul className="data-upload-columns">
                  {profile.columns.map((c) => (
                    <li key={c.name}>
                      <span className="mono" title={c.name}>
                        {c.name}
                      </span>
                      <span className={`badge data-kind data-kind-${c.kind}`}>{c.kind}</span>
                      {c.missingCount > 0 && <span className="muted small"> {c.missingCount.toLocaleString('en')} missing</span>}
                    </li>
                  ))}
                </ul>
              )}
              {profile.skipped.length > 0 && <span className="small muted">Left out, no values: {profile.skipped.join(', ')}</span>}
              {parse.phase === 'parsed' && parse.parsed.warning && <span className="small data-warning">{parse.parsed.warning}</span>}
            </div>
          )}
          <ErrorBox error={upload.error} />
        </div>

        <div className="row data-upload-actions">
          <button type="submit" className="btn btn-primary" disabled={!profile || !name.trim() || upload.isPending}>
            {upload.isPending ? 'Uploading…' : 'Upload'}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
