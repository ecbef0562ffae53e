// The drift heat map's arithmetic: how far each feature's score sits past or within its
// test's threshold, the colour that says so, and the order of the feature rows.
import { driftRuleText, driftTestInfo } from '../../../components/drift-tests';
import { formatMetric } from '../../../lib/format';

/** One feature's drift test in one window (the server's MonitorDriftColumn, as stored). */
export interface HeatColumn {
  name: string;
  test: string;
  scoreKind: 'p_value' | 'distance';
  score: number;
  threshold: number;
  drifted: boolean;
}

/** p-values this many decades below the threshold get the strongest colour. */
const P_VALUE_DECADES = 3;

/**
 * Where the score sits against the threshold, from −1 (far within: no sign of drift) through 0
 * (at the threshold) to 1 (far past it). A p-value test drifts when the score is *below* its
 * threshold and is measured in decades (0.05 → 0.00005 is three); a distance drifts when the
 * score is *above* and is measured relative to the threshold (twice the threshold is 1). NaN
 * when the score is not a number.
 */
export function heatPosition(c: Pick<HeatColumn, 'scoreKind' | 'score' | 'threshold'>): number {
  const { score, threshold } = c;
  if (!Number.isFinite(score) || !Number.isFinite(threshold)) return Number.NaN;
  if (c.scoreKind === 'p_value') {
    if (score <= 0) return 1;
    if (threshold <= 0) return -1;
    const decades = Math.log10(threshold / score);
    if (decades >= 0) return Math.min(1, decades / P_VALUE_DECADES);
    // Within: from the threshold (0) up to a p-value of 1 (−1).
    const room = Math.log10(1 / threshold);
    return room > 0 ? Math.max(-1, decades / room) : -1;
  }
  if (threshold <= 0) return score > 0 ? 1 : -1;
  return Math.max(-1, Math.min(1, score / threshold - 1));
}

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const mix = (a: Rgb, b: Rgb, t: number) => `rgb(${a.map((v, i) => Math.round(v + (b[i]! - v) * t)).join(', ')})`;

/** Stable cells: grey-blue far within, warming to sand at the threshold. */
export const HEAT_STABLE: readonly [string, string] = ['#eef2f7', '#f5d59f'];
/** Drifted cells: from a light red just past the threshold to a dark red far past it. */
export const HEAT_DRIFTED: readonly [string, string] = ['#f09a8e', '#7f1d1d'];
/** Cells whose feature was not compared in that window. */
export const HEAT_MISSING = '#ffffff';

// The ends of both scales as RGB, parsed once rather than for every cell.
const STABLE_RGB: readonly [Rgb, Rgb] = [hex(HEAT_STABLE[0]), hex(HEAT_STABLE[1])];
const DRIFTED_RGB: readonly [Rgb, Rgb] = [hex(HEAT_DRIFTED[0]), hex(HEAT_DRIFTED[1])];

/**
 * The cell's colour: the server's verdict picks the scale (drifted or not), the position its
 * shade. Lightness falls monotonically from far within to far past, so the map reads without hue.
 */
export function heatColour(c: HeatColumn | null | undefined): string {
  if (!c) return HEAT_MISSING;
  const p = heatPosition(c);
  if (Number.isNaN(p)) return HEAT_MISSING;
  if (c.drifted) return mix(DRIFTED_RGB[0], DRIFTED_RGB[1], Math.max(0, p));
  // Squared, so only scores close to the threshold warm noticeably.
  const closeness = Math.max(0, Math.min(1, 1 + p));
  return mix(STABLE_RGB[0], STABLE_RGB[1], closeness * closeness);
}

/** The test's short name: "K–S", "PSI". */
export const heatTestLabel = (test: string): string => driftTestInfo(test).label;

/** The rule the server applied: "drift when p ≤ 0.05", "drift when distance ≥ 0.1". */
export function heatRuleText(c: Pick<HeatColumn, 'test' | 'scoreKind' | 'threshold'>): string {
  return driftRuleText(c.test, c.threshold, 'drift', c.scoreKind === 'distance' ? 'distance' : 'p-value');
}

/** The cell in words: "K–S p-value 0.0031: drifted (drift when the p-value is ≤ 0.05)". */
export function heatCellText(c: HeatColumn): string {
  const kind = c.scoreKind === 'p_value' ? 'p-value' : 'distance';
  return `${heatTestLabel(c.test)} ${kind} ${formatMetric(c.score)}: ${c.drifted ? 'drifted' : 'no drift'} (${heatRuleText(c)})`;
}

export interface HeatWindow {
  id: number;
  drift: unknown;
}

export interface HeatFeature {
  name: string;
  /** Windows in which the feature drifted. */
  drifted: number;
  /** Windows in which it was compared at all. */
  compared: number;
}

/** The drift columns of a stored window by feature name (none when the window compared nothing). */
export function heatColumnsOf(w: HeatWindow): Map<string, HeatColumn> {
  const columns = (w.drift as { columns?: HeatColumn[] } | null)?.columns ?? [];
  return new Map(columns.map((c) => [c.name, c]));
}

/**
 * The feature rows: most often drifted first, so the problem is at the top of a tall map; then
 * the one furthest past its threshold most recently; then by name.
 */
export function heatFeatures(windows: readonly HeatWindow[]): HeatFeature[] {
  const stats = new Map<string, HeatFeature & { recent: number }>();
  for (const w of windows) {
    for (const c of heatColumnsOf(w).values()) {
      const s = stats.get(c.name) ?? { name: c.name, drifted: 0, compared: 0, recent: -1 };
      s.compared++;
      if (c.drifted) s.drifted++;
      const p = heatPosition(c);
      s.recent = Number.isNaN(p) ? s.recent : p;
      stats.set(c.name, s);
    }
  }
  return [...stats.values()]
    .sort((a, b) => b.drifted - a.drifted || b.recent - a.recent || a.name.localeCompare(b.name))
    .map(({ name, drifted, compared }) => ({ name, drifted, compared }));
}

/** The narrowest readable cell, in pixels: below it the map scrolls sideways instead. */
export const HEAT_MIN_CELL = 6;

/**
 * The plot's width: the room available, so cells line up with the charts above on the same
 * time axis; or wider, so a typical window is at least HEAT_MIN_CELL wide (then it scrolls).
 */
export function heatPlotWidth(domain: readonly [number, number], windowMs: number, available: number): { width: number; scrolls: boolean } {
  const span = domain[1] - domain[0];
  const room = Math.max(available, 1);
  if (!(windowMs > 0) || !(span > 0)) return { width: room, scrolls: false };
  const needed = Math.ceil((span / windowMs) * HEAT_MIN_CELL);
  return needed > room ? { width: needed, scrolls: true } : { width: room, scrolls: false };
}

/** A window's cell on the plot: from its start to its end, clipped to the domain, at least a pixel wide. */
export function heatCellBox(w: { windowStart: number; windowEnd: number }, domain: readonly [number, number], width: number): { x: number; width: number } | null {
  const [start, end] = domain;
  const from = Math.max(w.windowStart, start);
  const to = Math.min(w.windowEnd, end);
  if (to <= from) return null;
  const x = ((from - start) / (end - start)) * width;
  return { x, width: Math.max(1, ((to - from) / (end - start)) * width) };
}
