// The KPI board in a table: each KPI's status, latest value against target, trend, and the
// last promotion or rollback of its models.
import { Link } from 'react-router';
import { KPI_BOARD_DAYS, KPI_TREND_DAYS, kpiAnnotationLabel, kpiLastChange, kpiValueText } from '../../../components/kpi-format';
import { KpiGap, KpiStatusBadge, KpiTrend } from '../../../components/kpi-status';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { HomeKpi } from '../api/use-home-data';

export function KpiMiniBoard({ kpis, now }: { kpis: readonly HomeKpi[]; now: number }) {
  return (
    <div className="table-scroll">
      <table className="table id-kpi-mini" aria-label="KPIs against their targets">
        <thead>
          <tr>
            <th>KPI</th>
            <th>Status</th>
            <th className="num">Latest</th>
            <th className="num">Target</th>
            <th className="num">Gap</th>
            <th>{KPI_TREND_DAYS}-day trend</th>
            <th>Last model change</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k) => {
            const last = kpiLastChange(k.annotations);
            return (
              <tr key={k.id}>
                <td>
                  <Link to={`/kpis/${k.id}`} className="id-strong-link">
                    {k.name}
                  </Link>
                </td>
                <td>
                  <KpiStatusBadge status={k.status.status} />
                </td>
                <td className="num">{kpiValueText(k.latest?.value, k.unit)}</td>
                <td className="num muted">{kpiValueText(k.target, k.unit)}</td>
                <td className="num">{k.status.gap === null ? <span className="muted">—</span> : <KpiGap status={k.status} target={k.target} unit={k.unit} direction={k.direction} />}</td>
                <td>
                  <KpiTrend trend={k.trend} unit={k.unit} showPeriod={false} />
                </td>
                <td className="id-kpi-change">
                  {last ? (
                    <span title={formatDateTime(last.at)}>
                      {last.requestId !== null ? <Link to={`/approvals/${last.requestId}`}>{kpiAnnotationLabel(last)}</Link> : kpiAnnotationLabel(last)}{' '}
                      <span className="muted small">{formatAgo(last.at, now)}</span>
                    </span>
                  ) : (
                    <span className="muted small">{`none in ${KPI_BOARD_DAYS} days`}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
