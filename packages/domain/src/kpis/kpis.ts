// Business KPIs on the product owner's board: status against target, recent trend, and the change
// around a moment such as a promotion, each judged by whether higher or lower is better.
import { StatsInputError } from '../stats/errors';

/** Which way is good for a KPI: revenue goes 'higher', churn goes 'lower'. */
export type KpiDirection = 'higher' | 'lower';

/** One value of a KPI at a time (epoch ms; daily KPIs use UTC midnight). */
export interface KpiObservation {
  at: number;
  value: number;
}

/** How a change reads for the KPI's direction; 'unchanged' within KPI_UNCHANGED_EPSILON. */
export type KpiVerdict = 'better' | 'worse' | 'unchanged';

/** Status against target; `gap` is latest − target for 'higher' and target − latest for 'lower', so positive is good. */
export interface KpiStatusResult {
  status: 'on_target' | 'off_target' | 'no_data';
  gap: number | null;
}

/** The change between the first and last observations of the last N days. */
export interface KpiTrendResult {
  from: KpiObservation;
  to: KpiObservation;
  /** Observations in the period. */
  n: number;
  change: number;
  /** change / |from.value|; null when from.value is 0. */
  relativeChange: number | null;
  /** Which way the value moved; 'flat' within KPI_UNCHANGED_EPSILON. */
  movement: 'up' | 'down' | 'flat';
  /** Whether that is good for the direction; null when no direction was given. */
  verdict: KpiVerdict | null;
}

/** Mean of the KPI over `days` before and after a moment, and what the change means. */
export interface KpiBeforeAfterResult {
  before: { mean: number | null; n: number };
  after: { mean: number | null; n: number };
  /** after.mean − before.mean; null when a side is empty. */
  change: number | null;
  /** change / |before.mean|; null when a side is empty or before.mean is 0. */
  relativeChange: number | null;
  verdict: KpiVerdict | 'insufficient';
}

/** One day in milliseconds; KPI periods are whole days of 86,400,000 ms. */
export const KPI_DAY_MS = 86_400_000;

/**
 * A change smaller than this share of the starting value (0.1%) is 'unchanged': rounding in a
 * reporting pipeline should not read as a win or a loss. From a starting value of 0, only an
 * exact 0 change is unchanged.
 */
export const KPI_UNCHANGED_EPSILON = 1e-3;

const finite = (name: string, v: number): void => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StatsInputError('NOT_FINITE', `${name} is ${String(v)}; it must be a finite number`);
};

function directionChecked(direction: KpiDirection): void {
  if (direction !== 'higher' && direction !== 'lower') {
    throw new StatsInputError('INVALID_OPTION', `direction is ${JSON.stringify(direction)}; it is "higher" or "lower" (which way is good)`);
  }
}

function daysChecked(days: number): number {
  if (!(typeof days === 'number' && Number.isFinite(days) && days > 0)) throw new StatsInputError('OUT_OF_RANGE', `days is ${days}; it is a number of days above 0`);
  return days * KPI_DAY_MS;
}

function observationsChecked(observations: readonly KpiObservation[]): void {
  if (!Array.isArray(observations)) throw new StatsInputError('INVALID_VALUE', 'observations must be a list of { at, value }');
  observations.forEach((o, i) => {
    finite(`observations[${i}].at`, o?.at);
    finite(`observations[${i}].value`, o?.value);
  });
}

/** Whether the latest value meets the target (meeting it exactly counts as on target). */
export function kpiStatus(input: { direction: KpiDirection; target: number; latest: number | null | undefined }): KpiStatusResult {
  directionChecked(input.direction);
  finite('target', input.target);
  if (input.latest === null || input.latest === undefined) return { status: 'no_data', gap: null };
  finite('latest', input.latest);
  const gap = input.direction === 'higher' ? input.latest - input.target : input.target - input.latest;
  return { status: gap >= 0 ? 'on_target' : 'off_target', gap };
}

/** Whether a change is good for the direction, given the value it started from. */
export function kpiVerdict(direction: KpiDirection, change: number, base: number): KpiVerdict {
  if (Math.abs(change) < KPI_UNCHANGED_EPSILON * Math.abs(base) || change === 0) return 'unchanged';
  return (change > 0) === (direction === 'higher') ? 'better' : 'worse';
}

const relative = (change: number, base: number): number | null => (base === 0 ? null : change / Math.abs(base));

/**
 * The change over the closed period [now − days, now]: from its earliest observation to its latest.
 * Observations after `now` are ignored. Null with fewer than two observations in the period.
 * With a direction, the verdict says whether the change is good.
 */
export function kpiTrend(observations: readonly KpiObservation[], days: number, now: number, direction?: KpiDirection): KpiTrendResult | null {
  observationsChecked(observations);
  finite('now', now);
  if (direction !== undefined) directionChecked(direction);
  const start = now - daysChecked(days);
  let from: KpiObservation | null = null;
  let to: KpiObservation | null = null;
  let n = 0;
  for (const o of observations) {
    if (o.at < start || o.at > now) continue;
    n++;
    if (from === null || o.at < from.at) from = o;
    if (to === null || o.at >= to.at) to = o;
  }
  if (from === null || to === null || n < 2 || from.at === to.at) return null;
  const change = to.value - from.value;
  const movement = kpiVerdict('higher', change, from.value);
  return {
    from: { at: from.at, value: from.value },
    to: { at: to.at, value: to.value },
    n,
    change,
    relativeChange: relative(change, from.value),
    movement: movement === 'better' ? 'up' : movement === 'worse' ? 'down' : 'flat',
    verdict: direction === undefined ? null : kpiVerdict(direction, change, from.value),
  };
}

/**
 * Mean over before = [at − days, at) and after = [at, at + days): the KPI around a promotion.
 * 'insufficient' when either side has fewer than `minPoints` observations (default 1).
 */
export function kpiBeforeAfter(
  observations: readonly KpiObservation[],
  at: number,
  days: number,
  direction: KpiDirection,
  options: { minPoints?: number } = {},
): KpiBeforeAfterResult {
  observationsChecked(observations);
  finite('at', at);
  directionChecked(direction);
  const span = daysChecked(days);
  const minPoints = options.minPoints ?? 1;
  if (!(Number.isInteger(minPoints) && minPoints >= 1)) throw new StatsInputError('OUT_OF_RANGE', `minPoints is ${minPoints}; it is a whole number of at least 1`);
  let beforeSum = 0;
  let beforeN = 0;
  let afterSum = 0;
  let afterN = 0;
  for (const o of observations) {
    if (o.at >= at - span && o.at < at) {
      beforeSum += o.value;
      beforeN++;
    } else if (o.at >= at && o.at < at + span) {
      afterSum += o.value;
      afterN++;
    }
  }
  const before = { mean: beforeN === 0 ? null : beforeSum / beforeN, n: beforeN };
  const after = { mean: afterN === 0 ? null : afterSum / afterN, n: afterN };
  if (before.mean === null || after.mean === null) return { before, after, change: null, relativeChange: null, verdict: 'insufficient' };
  const change = after.mean - before.mean;
  const verdict = beforeN < minPoints || afterN < minPoints ? 'insufficient' : kpiVerdict(direction, change, before.mean);
  return { before, after, change, relativeChange: relative(change, before.mean), verdict };
}
