// Upload a KPI's daily values from a CSV: read and checked in the browser (every problem
// with its line number, and nothing sent while there is one), previewed (range, how many
// recorded days get replaced), then sent in calls the API accepts.
import type { KpiObservation } from '@quorum/domain';
import { kpiObservationRows } from '@quorum/domain';
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { kpiDayText } from '../../../components/kpi-format';
import { ErrorBox } from '../../../components/states';
import { useKpiRecord, useKpiReload } from '../api/use-kpis';
import { kpiCsvChunks, kpiCsvPreview, kpiCsvRows, type KpiCsvPreview } from '../utils/kpi-csv';

type UploadState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'invalid'; fileName: string; errors: string[] }
  | { phase: 'ready'; fileName: string; observations: KpiObservation[]; preview: KpiCsvPreview }
  | { phase: 'sending'; fileName: string; sent: number; total: number }
  | { phase: 'done'; fileName: string; recorded: number; replaced: number }
  | { phase: 'failed'; fileName: string; sent: number; total: number; error: { message: string; data?: unknown } };

const days = (n: number) => `${n.toLocaleString('en')} day${n === 1 ? '' : 's'}`;

export function KpiCsvUpload({ kpiId, kpiName, recordedDays, onClose }: { kpiId: number; kpiName: string; recordedDays: ReadonlySet<number>; onClose: () => void }) {
  const id = useId();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const record = useKpiRecord();
  const reload = useKpiReload();

  const onFile = async (file: File | undefined) => {
    if (!file) return setState({ phase: 'idle' });
    setState({ phase: 'reading', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return setState({ phase: 'invalid', fileName: file.name, errors: [`Could not read the file: ${e instanceof Error ? e.message : String(e)}`] });
    }
    const checked = kpiObservationRows(kpiCsvRows(text));
    if (!checked.ok) return setState({ phase: 'invalid', fileName: file.name, errors: checked.errors });
    setState({ phase: 'ready', fileName: file.name, observations: checked.observations, preview: kpiCsvPreview(checked.observations, recordedDays)! });
  };

  const send = async (fileName: string, observations: KpiObservation[]) => {
    const chunks = kpiCsvChunks(observations);
    let sent = 0;
    let recorded = 0;
    let replaced = 0;
    setState({ phase: 'sending', fileName, sent, total: observations.length });
    try {
      for (const chunk of chunks) {
        const r = await record.mutateAsync({ kpiId, observations: chunk, source: 'csv' });
        sent += chunk.length;
        recorded += r.recorded;
        replaced += r.replaced;
        setState({ phase: 'sending', fileName, sent, total: observations.length });
      }
      setState({ phase: 'done', fileName, recorded, replaced });
    } catch (error) {
      setState({ phase: 'failed', fileName, sent, total: observations.length, error: error as { message: string } });
    } finally {
      await reload();
    }
  };

  const again = () => {
    setState({ phase: 'idle' });
    setInputKey((k) => k + 1);
  };

  return (
    <section className="card kpi-upload" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>Upload daily values</h2>
        <button type="button" className="btn btn-ghost btn-sm reg-dialog-close" aria-label="Close upload" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="card-body stack">
        <p className="small muted reg-no-margin">
          A CSV with two columns, the day (YYYY-MM-DD) and the value, one row per day; a header row is fine. Read in your browser; a day that already has a value is replaced.
        </p>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input
            key={inputKey}
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            className="input"
            disabled={state.phase === 'sending'}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <div aria-live="polite" className="stack kpi-upload-status">
          {state.phase === 'reading' && <span className="muted">Reading {state.fileName}…</span>}
          {state.phase === 'invalid' && (
            <div className="alert alert-error" role="alert">
              <strong>Nothing was sent: fix {state.fileName} and pick it again.</strong>
              <ul className="kpi-upload-errors">
                {state.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )}
          {state.phase === 'ready' && (
            <>
              <div className="kpi-upload-preview">
                <strong>{days(state.preview.count)}</strong> from {kpiDayText(state.preview.from)} to {kpiDayText(state.preview.to)}:{' '}
                {days(state.preview.added)} new
                {state.preview.replaced > 0 && (
                  <>
                    , <span className="id-warn-text">{days(state.preview.replaced)} already recorded will be replaced</span>
                  </>
                )}
                .
              </div>
              <div className="row">
                <button type="button" className="btn btn-primary" onClick={() => void send(state.fileName, state.observations)}>
                  Upload {days(state.preview.count)} to {kpiName}
                </button>
                <button type="button" className="btn" onClick={again}>
                  Pick another file
                </button>
              </div>
            </>
          )}
          {state.phase === 'sending' && (
            <span className="muted">
              Sending {state.fileName}: {state.sent.toLocaleString('en')} of {days(state.total)}…
            </span>
          )}
          {state.phase === 'done' && (
            <div className="alert kpi-upload-done row">
              <span>
                Recorded {days(state.recorded)} from {state.fileName}
                {state.replaced > 0 && ` (${days(state.replaced)} replaced)`}.
              </span>
              <span className="spacer" />
              <button type="button" className="btn btn-sm" onClick={again}>
                Upload another
              </button>
            </div>
          )}
          {state.phase === 'failed' && (
            <>
              {state.sent > 0 && <span className="id-warn-text small">{days(state.sent)} of {state.total.toLocaleString('en')} were stored before the error.</span>}
              <ErrorBox error={idReadableError(state.error)} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
