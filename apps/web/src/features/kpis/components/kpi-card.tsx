// One KPI on the board: where it stands against its target, its trend, and 90 days of values
// with the promotions, rollbacks and alerts of its models marked on them.
import { Link } from 'react-router';
import { KPI_BOARD_DAYS, KPI_TREND_DAYS, kpiAnnotationLabel, kpiDayText, kpiDirectionText, kpiLastChange, kpiValueText } from '../../../components/kpi-format';
import { KpiGap, KpiStatusBadge, KpiTrend } from '../../../components/kpi-status';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { KpiBoardItem } from '../api/use-kpis';
import { DAY_MS } from '../utils/kpi-chart-layout';
import { KpiChart } from './kpi-chart';
import { KpiModelLinks } from './kpi-model-links';

export function KpiCard({ kpi, now }: { kpi: KpiBoardItem; now: number }) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const last = kpiLastChange(kpi.annotations);
  const href = `/kpis/${kpi.id}`;
  return (
    <article className="card kpi-card" aria-labelledby={`kpi-${kpi.id}-name`}>
      <header className="kpi-card-head">
        <div className="kpi-card-title">
          <Link id={`kpi-${kpi.id}-name`} to={href} className="kpi-card-name">
            {kpi.name}
          </Link>
          <div className="kpi-card-meta small muted">
            {kpi.unit && <span className="badge kpi-unit">{kpi.unit}</span>}
            <span>{kpiDirectionText(kpi.direction)}</span>
            <span aria-hidden>·</span>
            <span>{kpi.ownerName ? `owned by ${kpi.ownerName}` : 'no owner'}</span>
            <span aria-hidden>·</span>
            <KpiModelLinks models={kpi.models} />
          </div>
        </div>
        <KpiStatusBadge status={kpi.status.status} />
      </header>
      <dl className="kpi-figures">
        <div>
          <dt>Latest</dt>
          <dd>
            <span className="kpi-latest">{kpiValueText(kpi.latest?.value, kpi.unit)}</span>
            {kpi.latest && <span className="muted small kpi-latest-day">on {kpiDayText(kpi.latest.at, false)}</span>}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd className="tabular">{kpiValueText(kpi.target, kpi.unit)}</dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd>
            <KpiGap status={kpi.status} target={kpi.target} unit={kpi.unit} direction={kpi.direction} />
            {kpi.status.gap === null && <span className="muted">—</span>}
          </dd>
        </div>
        <div>
          <dt>{KPI_TREND_DAYS}-day trend</dt>
          <dd>
            <KpiTrend trend={kpi.trend} unit={kpi.unit} showPeriod={false} />
          </dd>
        </div>
      </dl>
      {kpi.observations.length === 0 ? (
        <div className="kpi-card-empty">
          <p>No values in the last {KPI_BOARD_DAYS} days.</p>
          <p className="small muted">
            <Link to={`${href}?upload=1`}>Upload a CSV</Link> of day and value, or have the warehouse job post daily values (see the <Link to={href}>KPI page</Link>).
          </p>
        </div>
      ) : (
        <KpiChart
          observations={kpi.observations}
          target={kpi.target}
          unit={kpi.unit}
          annotations={kpi.annotations}
          height={190}
          range={[today - KPI_BOARD_DAYS * DAY_MS, today]}
          withModel={kpi.models.length > 1}
          label={`${kpi.name} over the last ${KPI_BOARD_DAYS} days against its target of ${kpiValueText(kpi.target, kpi.unit)}, with ${kpi.annotations.length} model changes and alerts marked`}
        />
      )}
      <footer className="kpi-card-foot small">
        {last ? (
          <span className="muted kpi-card-last" title={`${kpiAnnotationLabel(last)}, ${formatDateTime(last.at)}`}>
            Last change: <span className="kpi-card-change">{kpiAnnotationLabel(last)}</span> · {formatAgo(last.at, now)}
          </span>
        ) : (
          <span className="muted">{kpi.models.length ? `No promotion of its models in the last ${KPI_BOARD_DAYS} days` : 'Link models to see their promotions here'}</span>
        )}
        <span className="spacer" />
        <Link to={href} className="kpi-card-more">
          Details →
        </Link>
      </footer>
    </article>
  );
}
