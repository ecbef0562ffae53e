// Where things go on a KPI chart: the time and value ranges (the target line and every marker
// stay in view), day ticks, and rows for marker labels so close markers do not print over each other.

export const DAY_MS = 86_400_000;

/** The time range that holds every observation and marker; a lone point gets a day either side. */
export function kpiDomainX(times: readonly number[]): [number, number] | null {
  if (times.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return hi > lo ? [lo, hi] : [lo - DAY_MS, hi + DAY_MS];
}

/** A round step (1, 2 or 5 × a power of ten) that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit < 1.5 ? 1 : unit < 3 ? 2 : unit < 7 ? 5 : 10) * power;
}

/**
 * The value axis: a range holding the observations and the target (so its line is always
 * drawn, and never on the frame), widened to round numbers, with ticks at those numbers.
 */
export function kpiAxisY(values: readonly number[], target: number, count = 4): { domain: [number, number]; ticks: number[] } {
  let lo = target;
  let hi = target;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  // Rounding to the step's precision keeps 0.1 + 0.2 from printing as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (v: number) => Number(v.toFixed(digits));
  let start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  // A target line on the frame would read as the axis: give it a step of room.
  if (target - start < step * 0.05) start -= step;
  if (end - target < step * 0.05) end += step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step / 2; i++) ticks.push(round(start + i * step));
  return { domain: [round(start), round(end)], ticks };
}

const TICK_STEPS_DAYS = [1, 2, 7, 14, 28, 56, 91, 182, 365];

/** UTC midnights at a round step (1, 2, 7, 14… days) across the range, about `count` of them. */
export function kpiDayTicks(domain: [number, number], count = 6): number[] {
  const [lo, hi] = domain;
  const spanDays = (hi - lo) / DAY_MS;
  const stepDays = TICK_STEPS_DAYS.find((s) => spanDays / s <= count) ?? Math.ceil(spanDays / count / 365) * 365;
  const step = stepDays * DAY_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

export interface KpiMarkerInput {
  key: string;
  at: number;
  label: string;
}

export interface KpiMarkerPlacement {
  key: string;
  /** Pixels from the plot's left edge. */
  x: number;
  /** Label row, 0 at the top. */
  lane: number;
  /** 'start': the label runs right of the line; 'end': it ends at the line (near the right edge). */
  anchor: 'start' | 'end';
  /** False when no row had room: the marker is drawn and keeps its tooltip, without a label. */
  labelled: boolean;
}

/**
 * Places marker labels in up to `lanes` rows. Markers go left to right; each label takes the
 * first row where it clears the previous label by `gap` pixels. A label that would run past
 * the right edge ends at its line instead.
 */
export function kpiMarkerLanes(
  markers: readonly KpiMarkerInput[],
  domain: [number, number],
  width: number,
  options: { lanes?: number; charPx?: number; gap?: number; padding?: number } = {},
): KpiMarkerPlacement[] {
  const { lanes = 2, charPx = 6.2, gap = 8, padding = 4 } = options;
  const [lo, hi] = domain;
  const ends: number[] = Array.from({ length: lanes }, () => -Infinity);
  return [...markers]
    .filter((m) => m.at >= lo && m.at <= hi)
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      const x = hi > lo ? ((m.at - lo) / (hi - lo)) * width : 0;
      const textW = [...m.label].length * charPx;
      const anchor = x + padding + textW > width ? 'end' : 'start';
      const left = anchor === 'start' ? x : x - padding - textW;
      const right = anchor === 'start' ? x + padding + textW : x;
      const lane = ends.findIndex((end) => left >= end + gap);
      if (lane === -1) return { key: m.key, x, lane: 0, anchor, labelled: false };
      ends[lane] = right;
      return { key: m.key, x, lane, anchor, labelled: true };
    });
}
