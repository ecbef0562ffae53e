// The before/after comparison around one model change: which changes can be picked, the two
// windows shaded on the chart, and the comparison in words for the KPI's direction.
import { kpiBeforeAfter, type KpiBeforeAfterResult, type KpiDirection, type KpiObservation } from '@quorum/domain';
import { kpiAnnotationLabel, kpiDayText, kpiPercentText, kpiSignedText, type KpiAnnotationLike, type KpiTone } from '../../../components/kpi-format';
import { DAY_MS } from './kpi-chart-layout';

/** The windows a person may compare, in days. */
export const KPI_WINDOWS = [7, 14, 28] as const;
export type KpiWindow = (typeof KPI_WINDOWS)[number];

export type KpiChange = Extract<KpiAnnotationLike, { kind: 'promotion' | 'rollback' }>;

/** A stable key for a change, for the URL and the chart's selected marker. */
export function kpiChangeKey(a: Pick<KpiAnnotationLike, 'modelId' | 'at'>): string {
  return `${a.modelId}-${a.at}`;
}

/** The promotions and rollbacks among a KPI's annotations, newest first. */
export function kpiChanges(annotations: readonly KpiAnnotationLike[]): KpiChange[] {
  return annotations.filter((a): a is KpiChange => a.kind !== 'alert').sort((a, b) => b.at - a.at);
}

/** The change to show first: the newest with at least one observation on each side, else the newest. */
export function kpiDefaultChange(changes: readonly KpiChange[], observations: readonly KpiObservation[]): KpiChange | null {
  const usable = changes.find((c) => observations.some((o) => o.at < c.at) && observations.some((o) => o.at >= c.at));
  return usable ?? changes[0] ?? null;
}

export interface KpiShade {
  x1: number;
  x2: number;
}

/**
 * The before window [at − days, at) and the after window [at, at + days), as kpiBeforeAfter
 * reads them, clipped to the chart's range; a window wholly outside it is null.
 */
export function kpiWindowShades(at: number, days: number, domain: [number, number]): { before: KpiShade | null; after: KpiShade | null } {
  const clip = (x1: number, x2: number): KpiShade | null => {
    const a = Math.max(x1, domain[0]);
    const b = Math.min(x2, domain[1]);
    return b > a ? { x1: a, x2: b } : null;
  };
  return { before: clip(at - days * DAY_MS, at), after: clip(at, at + days * DAY_MS) };
}

export interface KpiBeforeAfterView {
  result: KpiBeforeAfterResult;
  /** "+0.12%", or null when a side has no values. */
  changeText: string | null;
  /** "+2.9%", or null when it cannot be computed. */
  relativeText: string | null;
  verdictText: string;
  tone: KpiTone;
  /** Why the numbers may mislead: windows not yet full or with missing days. */
  notes: string[];
}

/**
 * Means of the KPI before and after a change, what the change means for the KPI, and caveats:
 * windows not yet over, days without values, and other changes or alerts inside the windows
 * (the difference may be theirs).
 */
export function kpiBeforeAfterView(
  observations: readonly KpiObservation[],
  at: number,
  days: number,
  direction: KpiDirection,
  unit: string,
  now: number,
  annotations: readonly KpiAnnotationLike[] = [],
): KpiBeforeAfterView {
  const result = kpiBeforeAfter(observations, at, days, direction);
  const notes: string[] = [];
  // Daily values sit on UTC midnights: the after window's first day is the first midnight at or after the change.
  const firstAfter = Math.ceil(at / DAY_MS) * DAY_MS;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const elapsed = Math.max(0, Math.min(days, Math.floor((today - firstAfter) / DAY_MS) + 1));
  if (result.before.n === 0) notes.push(`No values in the ${days} days before the change.`);
  else if (result.before.n < days) notes.push(`${result.before.n} of ${days} days before the change have a value.`);
  if (elapsed === 0) notes.push('The change is this recent: no day after it has passed yet.');
  else {
    if (elapsed < days) notes.push(`Only ${elapsed} of the ${days} days after the change have passed; the after mean will move.`);
    if (result.after.n === 0) notes.push(`No values in the ${elapsed === days ? days : elapsed} days after the change.`);
    else if (result.after.n < elapsed) notes.push(`${result.after.n} of ${elapsed} days after the change have a value.`);
  }
  for (const a of annotations) {
    if (a.at === at) continue;
    const side = a.at >= at - days * DAY_MS && a.at < at ? 'before' : a.at > at && a.at < at + days * DAY_MS ? 'after' : null;
    if (side) notes.push(`The ${side} window also holds ${a.kind === 'alert' ? 'an alert' : `a ${a.kind}`}: ${kpiAnnotationLabel(a)} (${kpiDayText(a.at)}).`);
  }
  const verdictText = { better: 'Better', worse: 'Worse', unchanged: 'Unchanged', insufficient: 'Not enough data' }[result.verdict];
  const tone: KpiTone = result.verdict === 'better' ? 'good' : result.verdict === 'worse' ? 'bad' : 'neutral';
  return {
    result,
    changeText: result.change === null ? null : kpiSignedText(result.change, unit),
    relativeText: result.relativeChange === null ? null : kpiPercentText(result.relativeChange),
    verdictText,
    tone,
    notes,
  };
}
