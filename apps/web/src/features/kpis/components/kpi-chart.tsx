// A KPI over time: daily values, the dashed target line, the model changes as markers and,
// when a change is picked, its before and after windows shaded. Hovering a day shows its
// value and any change made that day.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { CHART_PALETTE } from '../../../components/chart-palette';
import { chartTickNumber } from '../../../components/chart-ticks';
import { kpiAnnotationLabel, kpiDayText, kpiValueText } from '../../../components/kpi-format';
import type { KpiAnnotation } from '../api/use-kpis';
import type { KpiChange, KpiShade } from '../utils/kpi-before-after';
import { DAY_MS, kpiAxisY, kpiDayTicks, kpiDomainX } from '../utils/kpi-chart-layout';
import { KPI_LANE_H, KPI_MARKER_COLOUR, KpiMarkers } from './kpi-markers';

export const KPI_LINE_COLOUR = CHART_PALETTE[0];
const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };

export interface KpiChartProps {
  observations: readonly { at: number; value: number }[];
  target: number;
  unit: string;
  annotations: readonly KpiAnnotation[];
  height: number;
  /** A period the time axis covers even where there are no values (the board's 90 days). */
  range?: [number, number];
  /** Rows for marker labels above the plot. */
  lanes?: number;
  withModel?: boolean;
  selectedKey?: string | null;
  onSelect?: (change: KpiChange) => void;
  shades?: { before: KpiShade | null; after: KpiShade | null } | null;
  label: string;
}

export function KpiChart({ observations, target, unit, annotations, height, range, lanes = 2, withModel = false, selectedKey, onSelect, shades, label }: KpiChartProps) {
  const domainX = kpiDomainX([...observations.map((o) => o.at), ...annotations.map((a) => a.at), ...(range ?? [])]);
  if (!domainX) return null;
  const axisY = kpiAxisY(
    observations.map((o) => o.value),
    target,
    height < 200 ? 3 : 5,
  );
  const data = observations.map((o) => ({ at: o.at, value: o.value }));
  const ticks = kpiDayTicks(domainX, height < 200 ? 4 : 7);
  const visible = annotations.filter((a) => a.at >= domainX[0] && a.at <= domainX[1]);
  const labelRows = visible.length > 0 ? lanes : 0;

  return (
    <figure className="kpi-chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: labelRows * KPI_LANE_H + 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          {shades?.before && <ReferenceArea x1={shades.before.x1} x2={shades.before.x2} fill="var(--text-3)" fillOpacity={0.1} ifOverflow="hidden" label={{ value: 'before', position: 'insideTopLeft', fontSize: 11, fill: 'var(--text-2)' }} />}
          {shades?.after && <ReferenceArea x1={shades.after.x1} x2={shades.after.x2} fill="var(--accent)" fillOpacity={0.1} ifOverflow="hidden" label={{ value: 'after', position: 'insideTopRight', fontSize: 11, fill: 'var(--accent-text)' }} />}
          <XAxis
            dataKey="at"
            type="number"
            domain={domainX}
            allowDataOverflow
            ticks={ticks}
            tickFormatter={(t: number) => kpiDayText(t, false)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border)' }}
          />
          <YAxis type="number" domain={axisY.domain} ticks={axisY.ticks} allowDataOverflow width={48} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={(v: number) => chartTickNumber(v)} />
          <ReferenceLine
            y={target}
            stroke="var(--text-2)"
            strokeDasharray="6 4"
            label={{ value: `target ${kpiValueText(target, unit)}`, position: 'insideBottomLeft', fontSize: 11, fill: 'var(--text-2)' }}
          />
          <Tooltip content={(props) => <KpiTooltip {...props} unit={unit} annotations={visible} />} />
          <Line type="linear" dataKey="value" stroke={KPI_LINE_COLOUR} strokeWidth={1.8} dot={data.length === 1} activeDot={{ r: 3 }} isAnimationActive={false} />
          <KpiMarkers annotations={visible} domain={domainX} lanes={labelRows} withModel={withModel} selectedKey={selectedKey} onSelect={onSelect} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function KpiTooltip({ active, payload, unit, annotations }: TooltipContentProps & { unit: string; annotations: readonly KpiAnnotation[] }) {
  const point = payload?.[0]?.payload as { at: number; value: number } | undefined;
  if (!active || !point) return null;
  const sameDay = annotations.filter((a) => a.at >= point.at && a.at < point.at + DAY_MS);
  return (
    <div className="kpi-tooltip">
      <div className="muted small">{kpiDayText(point.at)}</div>
      <div className="kpi-tooltip-value">{kpiValueText(point.value, unit)}</div>
      {sameDay.map((a) => (
        <div key={`${a.kind}-${a.modelId}-${a.at}`} className="kpi-tooltip-change" style={{ color: KPI_MARKER_COLOUR[a.kind] }}>
          {kpiAnnotationLabel(a)}
        </div>
      ))}
    </div>
  );
}
