// Alias moves over time as lanes: each bar is a stretch one version served the alias,
// circles mark promotions and red diamonds rollbacks.
import { CHART_PALETTE } from '../../../components/chart-palette';
import { chartTickTime } from '../../../components/chart-ticks';
import { formatDateTime } from '../../../lib/format';
import { useElementWidth } from '../../../lib/use-element-width';
import { timelineDomain, timelineLanes, timelineTicks, type TimelineMove } from '../utils/timeline-layout';

const LABEL_W = 104;
const LANE_H = 30;
const LANE_GAP = 12;
const TOP = 8;
const AXIS_H = 26;
const RIGHT = 36;

const versionColour = (v: number | null) => (v === null ? 'var(--border-strong)' : CHART_PALETTE[(v - 1) % CHART_PALETTE.length]!);

export function AliasTimelineChart({ moves, now }: { moves: TimelineMove[]; now: number }) {
  const [ref, width] = useElementWidth(800);
  const lanes = timelineLanes(moves, now);
  const domain = timelineDomain(moves, now);
  const plotW = Math.max(120, width - LABEL_W - RIGHT);
  const x = (t: number) => LABEL_W + ((t - domain[0]) / (domain[1] - domain[0])) * plotW;
  const height = TOP + lanes.length * (LANE_H + LANE_GAP) + AXIS_H;
  const span = domain[1] - domain[0];
  const summary = lanes.map((l) => `${l.alias}: ${l.moves.map((m) => `${m.reason} to ${m.version === null ? 'nothing' : `v${m.version}`} on ${formatDateTime(m.movedAt)}`).join(', ')}`).join('; ');

  return (
    <div ref={ref} className="reg-timeline-chart">
      <svg width={width} height={height} role="img" aria-label={`Alias moves over time. ${summary}`}>
        {timelineTicks(domain)
          // A tick right by the "now" line would print over its label.
          .filter((t) => x(now) - x(t) > 56)
          .map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - AXIS_H + 4} stroke="var(--border)" strokeDasharray="3 3" />
            <text x={x(t)} y={height - 8} textAnchor="middle" className="reg-timeline-tick">
              {chartTickTime(t, span)}
            </text>
          </g>
        ))}
        <line x1={x(now)} x2={x(now)} y1={TOP - 4} y2={height - AXIS_H + 4} stroke="var(--text-3)" strokeWidth={1} />
        <text x={x(now) + 4} y={height - 8} className="reg-timeline-tick" textAnchor="start">
          now
        </text>
        {lanes.map((lane, i) => {
          const y = TOP + i * (LANE_H + LANE_GAP);
          const mid = y + LANE_H / 2;
          return (
            <g key={lane.alias}>
              <text x={LABEL_W - 12} y={mid + 4} textAnchor="end" className="reg-timeline-lane">
                {lane.alias}
              </text>
              <line x1={LABEL_W} x2={LABEL_W + plotW} y1={mid} y2={mid} stroke="var(--border)" />
              {lane.segments.map((s) => {
                const x1 = x(s.from);
                const w = Math.max(2, x(s.to) - x1);
                return (
                  <g key={s.from}>
                    <rect x={x1} y={y + 4} width={w} height={LANE_H - 8} rx={4} fill={versionColour(s.version)} fillOpacity={0.2} stroke={versionColour(s.version)} strokeOpacity={0.6} />
                    {w > 34 && (
                      <text x={x1 + Math.min(w / 2, 40)} y={mid + 4} textAnchor="middle" className="reg-timeline-version" fill={versionColour(s.version)}>
                        v{s.version}
                      </text>
                    )}
                    <title>{`${lane.alias} served v${s.version} from ${formatDateTime(s.from)} to ${s.to >= now ? 'now' : formatDateTime(s.to)}`}</title>
                  </g>
                );
              })}
              {lane.moves.map((m) => {
                const cx = x(m.movedAt);
                const label = `${m.reason === 'rollback' ? 'Rollback' : m.reason === 'initial' ? 'Initial' : 'Promotion'} to ${m.version === null ? 'nothing' : `v${m.version}`}, ${formatDateTime(m.movedAt)}`;
                return m.reason === 'rollback' ? (
                  <path key={`${m.movedAt}-${m.reason}`} d={`M${cx},${mid - 7} L${cx + 7},${mid} L${cx},${mid + 7} L${cx - 7},${mid} Z`} fill="var(--bad)" stroke="#fff" strokeWidth={1.5}>
                    <title>{label}</title>
                  </path>
                ) : (
                  <circle key={`${m.movedAt}-${m.reason}`} cx={cx} cy={mid} r={6} fill="#fff" stroke={versionColour(m.version)} strokeWidth={2.5}>
                    <title>{label}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
      <ul className="data-legend reg-timeline-legend" aria-hidden>
        <li>
          <svg width="14" height="14">
            <circle cx="7" cy="7" r="5" fill="#fff" stroke="var(--text-2)" strokeWidth="2" />
          </svg>
          promotion
        </li>
        <li>
          <svg width="14" height="14">
            <path d="M7,1 L13,7 L7,13 L1,7 Z" fill="var(--bad)" />
          </svg>
          rollback
        </li>
        <li>bars: the version serving the alias</li>
      </ul>
    </div>
  );
}
