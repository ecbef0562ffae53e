// /monitoring and /monitoring/:modelId — a deployed model in production: open alerts first,
// then per alias its quality, latency, volume and feature drift on one time axis marked with
// promotions, rollbacks and alerts; then the retraining triggers sent and the alert rules.
import { useMemo } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox, Skeleton } from '../../components/states';
import { formatAgo } from '../../lib/format';
import { useSearchParam } from '../../lib/use-search-param';
import { useMonitorModel, useMonitorOverview } from './api/use-monitoring';
import type { MonitorOverviewModel, MonitorPage } from './api/types';
import { AlertsCard } from './components/alerts-card';
import { AliasCharts } from './components/alias-charts';
import { AliasSummary } from './components/alias-summary';
import { AliasTabs } from './components/alias-tabs';
import { ModelPicker } from './components/model-picker';
import { WindowsHint } from './components/monitoring-hints';
import { RulesCard } from './components/rules-card';
import { TriggersCard } from './components/triggers-card';
import { aliasLabel, aliasTabs } from './utils/alias-tabs';
import { heatColumnsOf } from './utils/heat-map';
import { defaultModel } from './utils/model-order';
import type { RuleFeature } from './utils/rule-form';

const RANGES = [7, 30, 60, 90] as const;
const DEFAULT_DAYS = 60;

function Loading() {
  return (
    <div className="page">
      <div className="stack" aria-busy="true" aria-label="Loading monitoring">
        <Skeleton height={14} width={200} />
        <Skeleton height={26} width={340} />
        <Skeleton height={70} />
        <Skeleton height={420} />
      </div>
    </div>
  );
}

export function MonitoringPage() {
  const param = useParams().modelId;
  const modelId = param === undefined ? null : Number(param);
  const { search } = useLocation();
  const overview = useMonitorOverview();
  const models = overview.data ?? [];

  if (modelId === null) {
    if (overview.isPending) return <Loading />;
    if (overview.error)
      return (
        <div className="page">
          <ErrorBox error={idReadableError(overview.error)} onRetry={() => void overview.refetch()} />
        </div>
      );
    const first = defaultModel(models);
    if (!first) {
      return (
        <div className="page">
          <PageHeader title="Monitoring" />
          <EmptyState title="No registered models to monitor">
            <p>Register a model and deploy it from the registry; then its serving code sends windows of traffic here.</p>
            <Link to="/models">Go to the model registry</Link>
          </EmptyState>
        </div>
      );
    }
    return <Navigate to={`/monitoring/${first.id}${search}`} replace />;
  }
  if (!Number.isSafeInteger(modelId) || modelId <= 0) {
    return (
      <div className="page">
        <EmptyState title="Model not found">
          <p>The address does not name a model.</p>
          <Link to="/monitoring">Back to monitoring</Link>
        </EmptyState>
      </div>
    );
  }
  return <ModelMonitoring modelId={modelId} models={models} overviewAt={overview.dataUpdatedAt} />;
}

function ModelMonitoring({ modelId, models, overviewAt }: { modelId: number; models: MonitorOverviewModel[]; overviewAt: number }) {
  const [daysParam, setDays] = useSearchParam('days', { replace: true });
  const [aliasParam, setAlias] = useSearchParam('alias', { replace: true });
  const { search } = useLocation();
  const days = RANGES.find((d) => String(d) === daysParam) ?? DEFAULT_DAYS;
  const query = useMonitorModel(modelId, days);
  const page = query.data;
  const now = query.dataUpdatedAt || overviewAt || Date.now();
  const tabs = useMemo(() => (page ? aliasTabs(page) : []), [page]);
  const features = useMemo(() => (page ? ruleFeatures(page) : []), [page]);
  const tab = tabs.find((t) => t.alias === aliasParam) ?? tabs[0];
  const alias = tab?.alias ?? null;
  // Memoised: the charts below memoise on this array.
  const windows = useMemo(() => (page && alias !== null ? page.windows.filter((w) => w.alias === alias) : []), [page, alias]);

  if (!page) {
    const code = query.error?.data?.code;
    if (code === 'NOT_FOUND') {
      return (
        <div className="page">
          <EmptyState title="Model not found">
            <p>{query.error?.message}</p>
            <Link to="/monitoring">Back to monitoring</Link>
          </EmptyState>
        </div>
      );
    }
    if (query.error)
      return (
        <div className="page">
          <ErrorBox error={idReadableError(query.error)} onRetry={() => void query.refetch()} />
        </div>
      );
    return <Loading />;
  }

  const summary = models.find((m) => m.id === modelId);
  const pickerSearch = searchWithout(search, 'alias');

  return (
    <div className="page mon-page">
      <PageHeader
        crumbs={
          <>
            <Link to="/monitoring">Monitoring</Link> <span aria-hidden>/</span> {page.model.name}
          </>
        }
        title={page.model.name}
        description="Production traffic window by window: quality once labels arrive, latency, volume and drift against the training data."
        actions={
          <>
            <div className="segmented" role="group" aria-label="Time range">
              {RANGES.map((d) => (
                <button key={d} type="button" aria-pressed={d === days} onClick={() => setDays(d === DEFAULT_DAYS ? null : String(d))}>
                  {d} days
                </button>
              ))}
            </div>
            <Link className="btn btn-sm" to={`/models/${page.model.id}`}>
              Registry
            </Link>
          </>
        }
      />
      {models.length > 1 && <ModelPicker models={models} selected={modelId} search={pickerSearch} now={now} />}
      <div className="stack">
        <AlertsCard alerts={page.alerts} rules={page.rules} now={now} />
        <section className="card" aria-labelledby="mon-traffic-title">
          <div className="card-header">
            <h2 id="mon-traffic-title">Production traffic</h2>
            <span className="small muted">
              last {days} days{query.isFetching && ' · refreshing…'}
            </span>
          </div>
          {alias === null ? (
            <NoWindows page={page} days={days} lastWindowEnd={summary?.lastWindowEnd ?? null} now={now} />
          ) : (
            <>
              <AliasTabs tabs={tabs} selected={alias} onSelect={(a) => setAlias(a === tabs[0]?.alias ? null : a)} />
              <div id="mon-alias-panel" role="tabpanel" aria-labelledby={`mon-tab-${alias || 'direct'}`} className="mon-alias-panel">
                <AliasSummary windows={windows} serving={tab?.version ?? null} openAlerts={tab?.openAlerts ?? 0} now={now} />
                {windows.length === 0 ? (
                  <div className="mon-empty">
                    <h3>
                      No windows for <span className="mono">{aliasLabel(alias)}</span> in the last {days} days
                    </h3>
                    <p className="muted">Send the traffic this alias serves, window by window:</p>
                    <WindowsHint model={page.model.name} alias={alias || 'production'} />
                  </div>
                ) : (
                  <AliasCharts page={page} alias={alias} windows={windows} now={now} />
                )}
              </div>
            </>
          )}
        </section>
        <TriggersCard deliveries={page.deliveries} rules={page.rules} />
        <RulesCard modelId={page.model.id} modelName={page.model.name} rules={page.rules} aliases={tabs.map((t) => t.alias).filter((a) => a !== '')} features={features} />
      </div>
    </div>
  );
}

/** The query string minus one param: switching model keeps the range but not the alias. */
function searchWithout(search: string, name: string): string {
  const params = new URLSearchParams(search);
  params.delete(name);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

function NoWindows({ page, days, lastWindowEnd, now }: { page: MonitorPage; days: number; lastWindowEnd: number | null; now: number }) {
  return (
    <div className="mon-empty">
      <h3>No production windows for {page.model.name} in the last {days} days</h3>
      {lastWindowEnd !== null ? (
        <p className="muted">The last window ended {formatAgo(lastWindowEnd, now)}: pick a longer range, or check that the serving code still sends windows.</p>
      ) : (
        <p className="muted">
          Quorum learns how a model does in production from windows its serving code sends: the predictions made (with ids, so labels can be joined later), their latency and the
          features they saw. Record them with the SDK:
        </p>
      )}
      <WindowsHint model={page.model.name} alias={page.aliases[0]?.alias ?? 'production'} />
    </div>
  );
}

/** Features a drift rule can watch: those the windows compared, with the test of the newest comparison. */
function ruleFeatures(page: MonitorPage): RuleFeature[] {
  const found = new Map<string, RuleFeature>();
  for (const w of [...page.windows].sort((a, b) => b.windowStart - a.windowStart)) {
    for (const c of heatColumnsOf(w).values()) if (!found.has(c.name)) found.set(c.name, { name: c.name, test: c.test, scoreKind: c.scoreKind, threshold: c.threshold });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
