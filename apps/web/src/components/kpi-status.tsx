// A KPI's standing at a glance: on/off target, the signed gap, and the trend coloured by
// whether it is good for the KPI (a falling churn rate is green).
import type { KpiStatusResult, KpiTrendResult } from '@quorum/domain';
import { KPI_STATUS_LABEL, KPI_TREND_DAYS, kpiGapView, kpiTrendView } from './kpi-format';

const STATUS_MARK: Record<KpiStatusResult['status'], string> = { on_target: '✓', off_target: '✗', no_data: '–' };

export function KpiStatusBadge({ status }: { status: KpiStatusResult['status'] }) {
  return (
    <span className={`badge kpi-status kpi-status-${status}`}>
      <span aria-hidden>{STATUS_MARK[status]}</span> {KPI_STATUS_LABEL[status]}
    </span>
  );
}

export function KpiGap({ status, target, unit, direction }: { status: KpiStatusResult; target: number; unit: string; direction: 'higher' | 'lower' }) {
  const gap = kpiGapView(status, target, unit, direction);
  if (!gap) return null;
  return (
    <span className={`kpi-tone-${gap.tone} tabular`} title={gap.title}>
      {gap.text}
    </span>
  );
}

/** "▼ −0.12% (−4.1%) 28 d"; "no trend yet" with fewer than two values in the period. */
export function KpiTrend({ trend, unit, showPeriod = true }: { trend: KpiTrendResult | null; unit: string; showPeriod?: boolean }) {
  const view = kpiTrendView(trend, unit);
  if (!view) return <span className="muted small" title={`Fewer than two values in the last ${KPI_TREND_DAYS} days`}>no trend yet</span>;
  return (
    <span className={`kpi-trend kpi-tone-${view.tone}`} title={view.title}>
      <span aria-hidden>{view.arrow}</span> <span className="tabular">{view.text}</span>
      {showPeriod && <span className="muted small"> in {KPI_TREND_DAYS} days</span>}
    </span>
  );
}
