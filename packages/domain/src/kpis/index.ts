// Business KPIs: status against target, trends, before/after a promotion, and uploaded observations.
export {
  KPI_DAY_MS,
  KPI_UNCHANGED_EPSILON,
  kpiBeforeAfter,
  kpiStatus,
  kpiTrend,
  kpiVerdict,
  type KpiBeforeAfterResult,
  type KpiDirection,
  type KpiObservation,
  type KpiStatusResult,
  type KpiTrendResult,
  type KpiVerdict,
} from './kpis';
export { KPI_MAX_ERRORS, KPI_MAX_ROWS, kpiObservationRows, type KpiObservationRowsResult } from './observations';
