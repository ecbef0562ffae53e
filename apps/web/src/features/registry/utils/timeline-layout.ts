// Alias moves as lanes over time: one lane per alias, a segment for each stretch a version
// served it, a marker for each move.
import { chartTimeTicks } from '../../../components/chart-ticks';

export interface TimelineMove {
  alias: string;
  versionId: number | null;
  version: number | null;
  movedAt: number;
  reason: 'promotion' | 'rollback' | 'initial';
}

export interface TimelineSegment {
  version: number | null;
  from: number;
  to: number;
}

export interface TimelineLane {
  alias: string;
  moves: TimelineMove[];
  segments: TimelineSegment[];
}

/** Production first (it matters most), then the other aliases by name. */
export function timelineLanes(moves: readonly TimelineMove[], now: number): TimelineLane[] {
  const byAlias = new Map<string, TimelineMove[]>();
  for (const m of moves) byAlias.set(m.alias, [...(byAlias.get(m.alias) ?? []), m]);
  const aliases = [...byAlias.keys()].sort((a, b) => (a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b)));
  return aliases.map((alias) => {
    const sorted = [...byAlias.get(alias)!].sort((a, b) => a.movedAt - b.movedAt);
    const segments = sorted.flatMap((m, i) => (m.versionId === null ? [] : [{ version: m.version, from: m.movedAt, to: sorted[i + 1]?.movedAt ?? now }]));
    return { alias, moves: sorted, segments };
  });
}

const DAY = 86_400_000;

/** The time span to draw: from a little before the first move to now, and at least a day. */
export function timelineDomain(moves: readonly TimelineMove[], now: number): [number, number] {
  const first = Math.min(now - DAY, ...moves.map((m) => m.movedAt));
  return [first - (now - first) * 0.06, now];
}

/** About `count` ticks at whole days (or hours for short spans) inside the domain. */
export function timelineTicks(domain: [number, number], count = 6): number[] {
  return chartTimeTicks(domain, count);
}
