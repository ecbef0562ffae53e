// The time axis every chart of one alias shares: its span, its ticks, and where alias moves
// (promotions, rollbacks) and alerts sit on it, so the charts line up and carry the same marks.
import type { AlertMetric } from '@quorum/domain';
import { chartTimeTicks } from '../../../components/chart-ticks';

const HOUR = 3_600_000;

export type TimeDomain = [number, number];

export interface AxisWindow {
  id: number;
  windowStart: number;
  windowEnd: number;
}

/**
 * From the first window (or alias move) in the range to now, or to the last window's end if
 * that is later: the right edge is "now" so a feed that stopped shows as empty space.
 */
export function monitorTimeDomain(windows: readonly AxisWindow[], moveTimes: readonly number[], from: number, now: number): TimeDomain {
  const starts = [...windows.map((w) => w.windowStart), ...moveTimes.filter((t) => t >= from)];
  const end = Math.max(now, ...windows.map((w) => w.windowEnd));
  const start = starts.length === 0 ? from : Math.max(from, Math.min(...starts));
  // A span of zero would put every point on one pixel.
  return start < end ? [start, end] : [end - HOUR, end];
}

/** About `count` ticks on whole local days (or whole hours for spans under two days) inside the domain. */
export function monitorTimeTicks(domain: TimeDomain, count = 7): number[] {
  return chartTimeTicks(domain, count);
}

export interface AxisMove {
  alias: string;
  version: number | null;
  movedAt: number;
  reason: 'promotion' | 'rollback' | 'initial';
}

/**
 * A vertical line for an alias move, labelled as people say it. `lane` stacks labels that would
 * overlap; `anchor` is 'end' when the label would run off the right edge, so it sits left of the line.
 */
export interface MoveMarker {
  at: number;
  kind: 'promotion' | 'rollback';
  label: string;
  lane: number;
  anchor: 'start' | 'end';
}

const versionText = (v: number | null) => (v === null ? 'nothing' : `v${v}`);

/** Approximate width of a marker label at 11px, for stacking. */
const labelWidth = (label: string) => label.length * 6.2 + 10;

/**
 * The alias's promotions and rollbacks inside the domain, oldest first: "v2 → production",
 * "rollback to v1". Labels that would collide at `plotWidth` pixels go to the next lane up
 * (at most `lanes`; past that they share the last lane).
 */
export function monitorMoveMarkers(moves: readonly AxisMove[], alias: string, domain: TimeDomain, plotWidth: number, lanes = 3): MoveMarker[] {
  const [start, end] = domain;
  const x = (t: number) => ((t - start) / (end - start)) * plotWidth;
  const inRange = moves
    .filter((m) => m.alias === alias && m.reason !== 'initial' && m.movedAt >= start && m.movedAt <= end)
    .sort((a, b) => a.movedAt - b.movedAt);
  const laneEnds: number[] = [];
  return inRange.map((m) => {
    const kind = m.reason === 'rollback' ? 'rollback' : 'promotion';
    const label = kind === 'rollback' ? `rollback to ${versionText(m.version)}` : `${versionText(m.version)} → ${alias}`;
    const at = x(m.movedAt);
    const width = labelWidth(label);
    const anchor = at + width > plotWidth ? 'end' : 'start';
    const [left, right] = anchor === 'end' ? [at - width, at] : [at, at + width];
    let lane = laneEnds.findIndex((endX) => endX <= left);
    if (lane === -1) lane = laneEnds.length < lanes ? laneEnds.length : lanes - 1;
    laneEnds[lane] = right;
    return { at: m.movedAt, kind, label, lane, anchor };
  });
}

export interface AxisAlert {
  id: number;
  ruleId: number;
  alias: string;
  state: 'open' | 'acknowledged' | 'resolved';
  reason: string;
  openedAt: number;
  openedWindowId: number | null;
  resolvedAt: number | null;
  resolvedWindowId: number | null;
}

/** A shaded stretch while an alert was active. */
export interface AlertSpan {
  id: number;
  ruleId: number;
  from: number;
  to: number;
  active: boolean;
  label: string;
}

/**
 * Where the alias's alerts were active, clipped to the domain. An alert spans from the window
 * that opened it to the window that resolved it: the windows are what the axis shows, and an
 * alert on accuracy opens days after its window, when the labels arrive. Without a window the
 * alert's own times are used; an alert still active runs to the domain's end.
 */
export function monitorAlertSpans(alerts: readonly AxisAlert[], windows: readonly AxisWindow[], alias: string, domain: TimeDomain): AlertSpan[] {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const [start, end] = domain;
  return alerts
    .filter((a) => a.alias === alias)
    .flatMap((a) => {
      const opened = a.openedWindowId === null ? undefined : byId.get(a.openedWindowId);
      const resolved = a.resolvedWindowId === null ? undefined : byId.get(a.resolvedWindowId);
      const active = a.state !== 'resolved';
      const from = opened?.windowStart ?? a.openedAt;
      const to = active ? end : (resolved?.windowEnd ?? a.resolvedAt ?? end);
      if (to < start || from > end) return [];
      return [{ id: a.id, ruleId: a.ruleId, from: Math.max(from, start), to: Math.min(Math.max(to, from), end), active, label: a.reason }];
    })
    .sort((a, b) => a.from - b.from);
}

/** The panels of an alias's page that share the time axis. */
export type MonitorPanel = 'quality' | 'latency' | 'volume' | 'drift';

/** The panel that draws what a rule's metric watches: its alerts are shaded strongest there. */
export function alertPanel(metric: AlertMetric): MonitorPanel {
  if (metric.startsWith('latency_')) return 'latency';
  if (metric === 'prediction_volume') return 'volume';
  if (metric === 'feature_drift' || metric === 'drifted_share') return 'drift';
  return 'quality';
}
