// One panel of an alias's time charts: a legend with the latest values on the left, and a
// chart on the shared time axis with alias moves as labelled lines and alerts as shaded spans.
// Every panel has the same gutter, axis width and margins, so their plots line up.
import type { ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartTickTime } from '../../../components/chart-ticks';
import { formatDateTime } from '../../../lib/format';
import type { AlertSpan, MonitorPanel, MoveMarker, TimeDomain } from '../utils/time-axis';
import type { LabelsAwaited, SeriesRow } from '../utils/window-series';

/** Widths shared by every panel and the heat map: the legend gutter, the y axis, the right margin. */
export const PANEL_GUTTER = 176;
export const PANEL_Y_AXIS = 52;
export const PANEL_RIGHT = 16;
export const MARKER_LANE_H = 13;

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };
export const MOVE_COLOURS = { promotion: 'var(--accent)', rollback: 'var(--bad)' } as const;

export interface PanelSeries<K extends string> {
  key: K;
  label: string;
  colour: string;
  kind?: 'line' | 'area';
  /** Drawn thinner and dashed: a supporting series. */
  dashed?: boolean;
}

/** An alert's span with the panel its rule watches and the rule's name, for emphasis and the tooltip. */
export interface PanelSpan extends AlertSpan {
  panel: MonitorPanel | null;
  title: string;
}

/** How strongly an alert is shaded: most on its own panel, faintly on the others so the axes still agree. */
export function spanOpacity(span: PanelSpan, panel: MonitorPanel): number {
  const own = span.panel === panel;
  return (own ? 0.13 : 0.045) * (span.active ? 1 : 0.6);
}

export interface PanelAxis {
  domain: TimeDomain;
  ticks: number[];
  markers: MoveMarker[];
  spans: PanelSpan[];
  /** Markers' label lanes in use, so every panel reserves the same room above its plot. */
  lanes: number;
  syncId: string;
}

/** A move's label above the plot, in its lane; recharts passes the line's box. */
function MarkerLabel({ viewBox, marker }: { viewBox?: { x: number; y: number }; marker: MoveMarker }) {
  if (!viewBox) return null;
  return (
    <text
      x={viewBox.x + (marker.anchor === 'end' ? -3 : 3)}
      y={viewBox.y - 4 - marker.lane * MARKER_LANE_H}
      textAnchor={marker.anchor}
      className="mon-marker-label"
      fill={MOVE_COLOURS[marker.kind]}
    >
      {marker.label}
    </text>
  );
}

/** Draws a lone point (a window between two gaps) as a dot, so it does not vanish from the line. */
function loneDot<K extends string>(rows: SeriesRow<K>[], key: K, colour: string, props: { cx?: number; cy?: number; index?: number }) {
  const i = props.index ?? -1;
  const lone = rows[i]?.[key] != null && rows[i - 1]?.[key] == null && rows[i + 1]?.[key] == null;
  if (!lone || props.cx === undefined || props.cy === undefined) return <g key={i} />;
  return <circle key={i} cx={props.cx} cy={props.cy} r={2.5} fill={colour} />;
}

function PanelTooltip<K extends string>({
  active,
  payload,
  series,
  spans,
  format,
  extra,
}: {
  active?: boolean;
  payload?: readonly { payload?: SeriesRow<K> }[];
  series: PanelSeries<K>[];
  spans: PanelSpan[];
  format: (v: number) => string;
  extra?: (row: SeriesRow<K>) => ReactNode;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const alerts = spans.filter((s) => s.from <= row.t && row.t <= s.to);
  const gap = row.version === null && series.every((s) => row[s.key] === null);
  return (
    <div className="mon-tooltip">
      <div className="mon-tooltip-time">
        {formatDateTime(row.start)} – {formatDateTime(row.end)}
      </div>
      {gap ? (
        <div className="muted">No window was sent for this time</div>
      ) : (
        <>
          <div className="muted">served by v{row.version}</div>
          <ul>
            {series.map((s) => (
              <li key={s.key}>
                <span className="mon-swatch" style={{ background: s.colour }} aria-hidden />
                {s.label}
                <span className="spacer" />
                <strong>{row[s.key] === null ? '—' : format(row[s.key]!)}</strong>
              </li>
            ))}
          </ul>
          {extra?.(row)}
        </>
      )}
      {alerts.map((a) => (
        <div key={a.id} className="mon-tooltip-alert">
          Alert {a.active ? 'open' : 'was open'}: {a.title}
        </div>
      ))}
    </div>
  );
}

export function TimePanel<K extends string>({
  panel,
  title,
  rows,
  series,
  axis,
  format,
  tickFormat = format,
  yDomain = ['auto', 'auto'],
  awaited,
  note,
  tooltipExtra,
  height = 170,
}: {
  panel: MonitorPanel;
  title: string;
  rows: SeriesRow<K>[];
  series: PanelSeries<K>[];
  axis: PanelAxis;
  /** A value with its unit, for the legend and tooltip. */
  format: (v: number) => string;
  tickFormat?: (v: number) => string;
  yDomain?: [number | 'auto', number | 'auto'];
  /** Trailing windows whose labels have not arrived: shaded and named, not drawn as zero. */
  awaited?: LabelsAwaited | null;
  note?: ReactNode;
  tooltipExtra?: (row: SeriesRow<K>) => ReactNode;
  height?: number;
}) {
  const [start, end] = axis.domain;
  const span = end - start;
  const latest = (key: K) => {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]![key] !== null) return rows[i]![key];
    return null;
  };
  return (
    <section className="mon-panel" aria-label={title}>
      <div className="mon-panel-legend" style={{ width: PANEL_GUTTER }}>
        <h3>{title}</h3>
        <ul>
          {series.map((s) => {
            const value = latest(s.key);
            return (
              <li key={s.key}>
                <span className={`mon-swatch${s.dashed ? ' is-dashed' : ''}`} style={{ background: s.colour }} aria-hidden />
                <span className="mon-legend-label">{s.label}</span>
                <span className="mon-legend-value" title="Latest window with a value">
                  {value === null ? '—' : format(value)}
                </span>
              </li>
            );
          })}
        </ul>
        {note && <div className="mon-panel-note small">{note}</div>}
      </div>
      <div className="mon-panel-chart">
        <ResponsiveContainer width="100%" height={height + axis.lanes * MARKER_LANE_H}>
          <ComposedChart data={rows} syncId={axis.syncId} syncMethod="value" margin={{ top: 8 + axis.lanes * MARKER_LANE_H, right: PANEL_RIGHT, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={axis.domain}
              ticks={axis.ticks}
              allowDataOverflow
              tickFormatter={(t: number) => chartTickTime(t, span)}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
            />
            <YAxis width={PANEL_Y_AXIS} domain={yDomain} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={tickFormat} allowDataOverflow={yDomain[0] !== 'auto'} />
            {axis.spans.map((s) => (
              <ReferenceArea key={`alert-${s.id}`} x1={s.from} x2={s.to} fill="var(--bad)" fillOpacity={spanOpacity(s, panel)} strokeOpacity={0} ifOverflow="hidden" />
            ))}
            {awaited && (
              <ReferenceArea
                x1={awaited.from}
                x2={Math.min(awaited.to, end)}
                fill="var(--text-3)"
                fillOpacity={0.07}
                strokeOpacity={0}
                ifOverflow="hidden"
                label={{ value: 'awaiting labels', position: 'insideTopRight', fontSize: 11, fill: 'var(--text-3)' }}
              />
            )}
            {axis.markers.map((m) => (
              <ReferenceLine
                key={`move-${m.at}`}
                x={m.at}
                stroke={MOVE_COLOURS[m.kind]}
                strokeDasharray={m.kind === 'promotion' ? '4 3' : undefined}
                strokeWidth={1.5}
                ifOverflow="hidden"
                label={<MarkerLabel marker={m} />}
              />
            ))}
            {series.map((s) =>
              s.kind === 'area' ? (
                <Area
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  type="step"
                  stroke={s.colour}
                  fill={s.colour}
                  fillOpacity={0.18}
                  strokeWidth={1.4}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ) : (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  type="linear"
                  stroke={s.colour}
                  strokeWidth={s.dashed ? 1.2 : 1.8}
                  strokeDasharray={s.dashed ? '5 3' : undefined}
                  dot={(props: { cx?: number; cy?: number; index?: number }) => loneDot(rows, s.key, s.colour, props)}
                  activeDot={{ r: 3 }}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ),
            )}
            <Tooltip
              content={<PanelTooltip series={series} spans={axis.spans} format={format} extra={tooltipExtra} />}
              cursor={{ stroke: 'var(--text-3)', strokeDasharray: '2 2' }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
