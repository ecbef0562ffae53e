// /kpis/:kpiId — one KPI: its whole history with the model changes marked, the KPI before
// and after any promotion or rollback, the product owner's comments, and uploads of values.
// The picked change, window and open upload live in the URL, so a view can be shared.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { idReadableError } from '../../components/id-readable-error';
import { kpiDayText, kpiDirectionText, kpiValueText } from '../../components/kpi-format';
import { KpiGap, KpiStatusBadge, KpiTrend } from '../../components/kpi-status';
import { PageHeader } from '../../components/page-header';
import { PolicyGate } from '../../components/policy-gate';
import { EmptyState, ErrorBox, Skeleton } from '../../components/states';
import { useSearchParam } from '../../lib/use-search-param';
import { useKpi } from './api/use-kpis';
import { KpiBeforeAfterCard } from './components/kpi-before-after-card';
import { KpiChart } from './components/kpi-chart';
import { KpiChartLegend } from './components/kpi-chart-legend';
import { KpiComments } from './components/kpi-comments';
import { KpiCsvUpload } from './components/kpi-csv-upload';
import { KpiFormDialog } from './components/kpi-form-dialog';
import { KpiModelLinks } from './components/kpi-model-links';
import { KpiSdkHint } from './components/kpi-sdk-hint';
import { KPI_WINDOWS, kpiBeforeAfterView, kpiChangeKey, kpiChanges, kpiDefaultChange, kpiWindowShades, type KpiWindow } from './utils/kpi-before-after';
import { kpiDomainX } from './utils/kpi-chart-layout';

export function KpiPage() {
  const kpiId = Number(useParams().kpiId);
  const valid = Number.isSafeInteger(kpiId) && kpiId > 0;
  const query = useKpi(valid ? kpiId : 0);
  const [changeParam, setChangeParam] = useSearchParam('change', { replace: true });
  const [windowParam, setWindowParam] = useSearchParam('window', { replace: true });
  const [uploadParam, setUploadParam] = useSearchParam('upload', { replace: true });
  const [editing, setEditing] = useState(false);
  const kpi = query.data;

  if (!kpi) {
    const code = query.error?.data?.code;
    return (
      <div className="page">
        {!valid || code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
          <EmptyState title="KPI not found">
            <p>{valid ? query.error?.message : 'The address does not name a KPI.'}</p>
            <Link to="/kpis">Back to the KPI board</Link>
          </EmptyState>
        ) : query.error ? (
          <ErrorBox error={idReadableError(query.error)} onRetry={() => void query.refetch()} />
        ) : (
          <div className="stack" aria-busy="true" aria-label="Loading KPI">
            <Skeleton height={14} width={200} />
            <Skeleton height={26} width={340} />
            <Skeleton height={90} />
            <Skeleton height={340} />
          </div>
        )}
      </div>
    );
  }

  const now = query.dataUpdatedAt;
  const changes = kpiChanges(kpi.annotations);
  const selected = changeParam === 'none' ? null : (changes.find((c) => kpiChangeKey(c) === changeParam) ?? kpiDefaultChange(changes, kpi.observations));
  const window = (KPI_WINDOWS.find((d) => String(d) === windowParam) ?? 14) as KpiWindow;
  const domain = kpiDomainX([...kpi.observations.map((o) => o.at), ...kpi.annotations.map((a) => a.at)]);
  const view = selected ? kpiBeforeAfterView(kpi.observations, selected.at, window, kpi.direction, kpi.unit, now, kpi.annotations) : null;
  const shades = selected && domain ? kpiWindowShades(selected.at, window, domain) : null;
  const uploading = uploadParam === '1';
  const recordedDays = new Set(kpi.observations.map((o) => o.at));

  return (
    <div className="page">
      <PageHeader
        crumbs={
          <>
            <Link to="/kpis">KPIs</Link> <span aria-hidden>/</span> {kpi.name}
          </>
        }
        title={
          <span className="row">
            {kpi.name} <KpiStatusBadge status={kpi.status.status} />
          </span>
        }
        description={kpi.description || undefined}
        actions={
          <>
            <PolicyGate action="kpis.record">
              <button type="button" className="btn" onClick={() => setUploadParam(uploading ? null : '1')} aria-expanded={uploading}>
                Upload CSV
              </button>
            </PolicyGate>
            <PolicyGate action="kpis.update">
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                Edit target and links
              </button>
            </PolicyGate>
          </>
        }
      />
      <dl className="card kpi-facts">
        <div>
          <dt>Latest</dt>
          <dd>
            <span className="kpi-latest">{kpiValueText(kpi.latest?.value, kpi.unit)}</span>
            {kpi.latest && <span className="muted small"> on {kpiDayText(kpi.latest.at)}</span>}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>
            <span className="tabular">{kpiValueText(kpi.target, kpi.unit)}</span> <span className="muted small">{kpiDirectionText(kpi.direction)}</span>
          </dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd>{kpi.status.gap === null ? <span className="muted">no data</span> : <KpiGap status={kpi.status} target={kpi.target} unit={kpi.unit} direction={kpi.direction} />}</dd>
        </div>
        <div>
          <dt>Trend</dt>
          <dd>
            <KpiTrend trend={kpi.trend} unit={kpi.unit} />
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{kpi.ownerName ?? <span className="muted">nobody</span>}</dd>
        </div>
        <div>
          <dt>Linked models</dt>
          <dd>
            <KpiModelLinks models={kpi.models} />
          </dd>
        </div>
      </dl>
      <div className="stack">
        {uploading && <KpiCsvUpload kpiId={kpi.id} kpiName={kpi.name} recordedDays={recordedDays} onClose={() => setUploadParam(null)} />}
        <section className="card" aria-labelledby="kpi-history-title">
          <div className="card-header">
            <h2 id="kpi-history-title">History</h2>
            {kpi.observations.length > 0 && (
              <span className="small muted">
                {kpi.observations.length.toLocaleString('en')} daily values since {kpiDayText(kpi.observations[0]!.at)}
              </span>
            )}
          </div>
          {kpi.observations.length === 0 ? (
            <EmptyState title="No values yet">
              <p className="reg-empty-text">
                Upload a CSV of day and value with <strong>Upload CSV</strong> above, or have the warehouse job post each day’s value with a data or platform engineer’s token:
              </p>
              <KpiSdkHint name={kpi.name} />
            </EmptyState>
          ) : (
            <div className="kpi-history">
              <KpiChart
                observations={kpi.observations}
                target={kpi.target}
                unit={kpi.unit}
                annotations={kpi.annotations}
                height={340}
                lanes={3}
                withModel={kpi.models.length > 1}
                selectedKey={selected ? kpiChangeKey(selected) : null}
                onSelect={(c) => setChangeParam(kpiChangeKey(c))}
                shades={shades}
                label={`${kpi.name} since ${kpiDayText(kpi.observations[0]!.at)} against its target of ${kpiValueText(kpi.target, kpi.unit)}`}
              />
              <KpiChartLegend kinds={new Set(kpi.annotations.map((a) => a.kind))} shaded={shades !== null} />
            </div>
          )}
        </section>
        <div className="reg-two">
          <KpiBeforeAfterCard
            changes={changes}
            hasValues={kpi.observations.length > 0}
            selected={selected}
            window={window}
            view={view}
            unit={kpi.unit}
            onSelect={(c) => setChangeParam(c ? kpiChangeKey(c) : 'none')}
            onWindow={(d) => setWindowParam(String(d))}
          />
          <KpiComments kpiId={kpi.id} comments={kpi.comments} modelIds={kpi.models.map((m) => m.id)} now={now} />
        </div>
      </div>
      {editing && (
        <KpiFormDialog
          kpi={{ id: kpi.id, name: kpi.name, unit: kpi.unit, description: kpi.description, direction: kpi.direction, target: kpi.target, modelIds: kpi.models.map((m) => m.id) }}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
