// How a business KPI reads in words: values with their unit, the gap to target, the recent
// trend, and the model changes marked on its chart. Shared by the KPI board, the product
// owner's home and the promotion request page.
import type { KpiStatusResult, KpiTrendResult } from '@quorum/domain';

/** The period of the trend `kpis.board` reports (the server's KPI_TREND_DAYS). */
export const KPI_TREND_DAYS = 28;

/** How many days back the board reads (the server's KPI_BOARD_DAYS). */
export const KPI_BOARD_DAYS = 90;

export type KpiTone = 'good' | 'bad' | 'neutral';

/** A model change or alert on a KPI's chart, as `kpis.board` and `kpis.get` return them. */
export type KpiAnnotationLike =
  | { kind: 'promotion' | 'rollback'; at: number; modelId: number; modelName: string; alias: string; version: number | null; requestId: number | null }
  | { kind: 'alert'; at: number; modelId: number; modelName: string; alias: string; alertId: number; reason: string };

const significant = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/** A number in at most 4 significant digits with thousands separators; − for negatives. */
export function kpiNumberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2).replace('-', '−');
  return significant.format(v).replace('-', '−');
}

/** "4.49%", "12.3 €k/day", "40 SKUs"; a dash when there is no value. */
export function kpiValueText(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '—';
  return kpiWithUnit(kpiNumberText(v), unit);
}

/**
 * "+0.29 pp", "−1.07 €k/day": a change or gap always carries its sign. A difference of two
 * percentages is in percentage points, so it cannot be mistaken for a relative change.
 */
export function kpiSignedText(v: number, unit: string): string {
  const sign = v > 0 ? '+' : v === 0 ? '±' : '';
  return `${sign}${kpiDifferenceText(v, unit)}`;
}

/** A difference without its sign forced: "0.29 pp" for a percentage, else the value with its unit. */
export function kpiDifferenceText(v: number, unit: string): string {
  return kpiWithUnit(kpiNumberText(v), unit.trim() === '%' ? 'pp' : unit);
}

function kpiWithUnit(number: string, unit: string): string {
  const u = unit.trim();
  if (!u) return number;
  return u === '%' ? `${number}%` : `${number} ${u}`;
}

/** A relative change as a signed percentage: "+5.0%", "−12%". */
export function kpiPercentText(ratio: number): string {
  const pct = ratio * 100;
  const digits = Math.abs(pct) >= 10 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `±${text}%`;
  return `${pct > 0 ? '+' : '−'}${text}%`;
}

export const KPI_STATUS_LABEL: Record<KpiStatusResult['status'], string> = {
  on_target: 'On target',
  off_target: 'Off target',
  no_data: 'No data',
};

/** "higher is better" / "lower is better". */
export function kpiDirectionText(direction: 'higher' | 'lower'): string {
  return `${direction} is better`;
}

/**
 * The signed gap to target, positive when the KPI is on the good side whichever way is
 * better, with a sentence for its tooltip.
 */
export function kpiGapView(status: KpiStatusResult, target: number, unit: string, direction: 'higher' | 'lower'): { text: string; tone: KpiTone; title: string } | null {
  if (status.gap === null) return null;
  const side = status.gap >= 0 ? 'better' : 'worse';
  return {
    text: kpiSignedText(status.gap, unit),
    tone: status.status === 'on_target' ? 'good' : 'bad',
    title: `${kpiDifferenceText(Math.abs(status.gap), unit)} ${side} than the target of ${kpiValueText(target, unit)} (${kpiDirectionText(direction)})`,
  };
}

/** The trend as an arrow for the movement, the change, and a tone from the verdict (not the movement). */
export function kpiTrendView(trend: KpiTrendResult | null, unit: string): { arrow: string; text: string; tone: KpiTone; title: string } | null {
  if (!trend) return null;
  const arrow = trend.movement === 'up' ? '▲' : trend.movement === 'down' ? '▼' : '▶';
  const relative = trend.relativeChange === null ? '' : ` (${kpiPercentText(trend.relativeChange)})`;
  const tone: KpiTone = trend.verdict === 'better' ? 'good' : trend.verdict === 'worse' ? 'bad' : 'neutral';
  const verdict = trend.verdict === 'better' ? 'an improvement' : trend.verdict === 'worse' ? 'a deterioration' : 'about flat';
  return {
    arrow,
    text: `${kpiSignedText(trend.change, unit)}${relative}`,
    tone,
    title: `From ${kpiValueText(trend.from.value, unit)} on ${kpiDayText(trend.from.at)} to ${kpiValueText(trend.to.value, unit)} on ${kpiDayText(trend.to.at)}: ${verdict}`,
  };
}

/** A UTC day as "12 Nov 2026": observations are UTC midnights, so local time would shift them. */
export function kpiDayText(at: number, withYear = true): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(withYear && { year: 'numeric' }), timeZone: 'UTC' });
}

/** "churn-classifier v2 → production", "churn-classifier production rolled back to v1", "fraud-detector production alert: …". */
export function kpiAnnotationLabel(a: KpiAnnotationLike): string {
  if (a.kind === 'alert') return `${a.modelName} ${a.alias} alert: ${a.reason}`;
  const version = a.version === null ? 'nothing' : `v${a.version}`;
  if (a.kind === 'rollback') return `${a.modelName} ${a.alias} rolled back to ${version}`;
  return `${a.modelName} ${version} → ${a.alias}`;
}

/** The few characters a chart marker has room for; the model name only when several models share the chart. */
export function kpiAnnotationShort(a: KpiAnnotationLike, withModel: boolean): string {
  const model = withModel ? `${a.modelName} ` : '';
  if (a.kind === 'alert') return `${model}alert`;
  const version = a.version === null ? 'nothing' : `v${a.version}`;
  return a.kind === 'rollback' ? `${model}↩ ${version}` : `${model}${version} → ${a.alias}`;
}

/** The most recent promotion or rollback among the annotations, if any. */
export function kpiLastChange<T extends KpiAnnotationLike>(annotations: readonly T[]): (T & { kind: 'promotion' | 'rollback' }) | null {
  let last: (T & { kind: 'promotion' | 'rollback' }) | null = null;
  for (const a of annotations) {
    if (a.kind !== 'alert' && (last === null || a.at >= last.at)) last = a as T & { kind: 'promotion' | 'rollback' };
  }
  return last;
}
