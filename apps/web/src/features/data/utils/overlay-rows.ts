// A distribution overlay as chart rows: one per bin or category, with a short axis tick.
import { chartTickNumber } from '../../../components/chart-ticks';

export interface OverlayRow {
  /** The full bin or category label, unique within the chart. */
  label: string;
  /** What fits under a bar: a bin's lower edge, or a category cut to a few characters. */
  tick: string;
  // Not "ref": recharts spreads a row's fields onto each bar as props, and React reads ref as a ref.
  reference: number;
  current: number;
}

const TICK_CHARS = 12;

export function overlayRows(overlay: { labels: string[]; edges: number[]; ref: number[]; cur: number[] }): OverlayRow[] {
  const numeric = overlay.edges.length === overlay.labels.length + 1;
  return overlay.labels.map((label, i) => ({
    label,
    tick: numeric ? chartTickNumber(overlay.edges[i]!) : label.length > TICK_CHARS ? `${label.slice(0, TICK_CHARS - 1)}…` : label,
    reference: overlay.ref[i] ?? 0,
    current: overlay.cur[i] ?? 0,
  }));
}

/** A share on the axis: "12%", "13.5%", "0.5%"; three significant digits keep odd steps exact. */
export function overlayShareTick(v: number): string {
  return `${Number((v * 100).toPrecision(3))}%`;
}
