// Promotions, rollbacks and alerts of the linked models as vertical markers on a KPI chart,
// labelled in rows above the plot; hovering names the change, and a promotion or rollback
// can be clicked (or chosen with the keyboard) to compare the KPI before and after it.
import type { KeyboardEvent } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import { kpiAnnotationLabel, kpiAnnotationShort } from '../../../components/kpi-format';
import { formatDateTime } from '../../../lib/format';
import type { KpiAnnotation } from '../api/use-kpis';
import { kpiChangeKey, type KpiChange } from '../utils/kpi-before-after';
import { kpiMarkerLanes } from '../utils/kpi-chart-layout';

export const KPI_MARKER_COLOUR = { promotion: 'var(--accent)', rollback: 'var(--bad)', alert: 'var(--warn)' } as const;
export const KPI_LANE_H = 14;
/** Approximate width of a label character, for lane packing and the label's click area. */
const LABEL_CHAR_PX = 6.2;
const LABEL_HIT_PAD = 8;

function MarkerShape({ kind, x, y }: { kind: KpiAnnotation['kind']; x: number; y: number }) {
  const colour = KPI_MARKER_COLOUR[kind];
  if (kind === 'rollback') return <path d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`} fill={colour} stroke="#fff" strokeWidth={1} />;
  if (kind === 'alert') return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={colour} stroke="#fff" strokeWidth={1} />;
  return <circle cx={x} cy={y} r={4} fill="#fff" stroke={colour} strokeWidth={2} />;
}

export function KpiMarkers({
  annotations,
  domain,
  lanes,
  withModel,
  selectedKey,
  onSelect,
}: {
  annotations: readonly KpiAnnotation[];
  domain: [number, number];
  lanes: number;
  /** Name the model in labels (several models share the chart). */
  withModel: boolean;
  selectedKey?: string | null;
  onSelect?: (change: KpiChange) => void;
}) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  if (!plot || !scale) return null;
  const byKey = new Map(annotations.map((a) => [`${a.kind}:${kpiChangeKey(a)}`, a]));
  const placed = kpiMarkerLanes(
    [...byKey].map(([key, a]) => ({ key, at: a.at, label: kpiAnnotationShort(a, withModel) })),
    domain,
    plot.width,
    { lanes, padding: 10, charPx: LABEL_CHAR_PX },
  );
  const top = plot.y - lanes * KPI_LANE_H;
  const bottom = plot.y + plot.height;

  return (
    <g className="kpi-markers">
      {placed.map((p) => {
        const a = byKey.get(p.key)!;
        const x = scale(a.at) ?? plot.x + p.x;
        const clickable = onSelect !== undefined && a.kind !== 'alert';
        const selected = clickable && selectedKey === kpiChangeKey(a);
        const label = kpiAnnotationLabel(a);
        const labelY = top + p.lane * KPI_LANE_H + 10;
        // Without a label the marker sits on the plot's top edge, clear of other markers' labels.
        const shapeY = p.labelled ? labelY - 3 : plot.y - 3;
        const labelWidth = [...kpiAnnotationShort(a, withModel)].length * LABEL_CHAR_PX;
        const choose = () => onSelect?.(a as KpiChange);
        const onKeyDown = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            choose();
          }
        };
        return (
          <g
            key={p.key}
            className={`kpi-marker kpi-marker-${a.kind}${clickable ? ' is-clickable' : ''}${selected ? ' is-selected' : ''}`}
            {...(clickable && { role: 'button', tabIndex: 0, 'aria-label': `Compare before and after: ${label}`, 'aria-pressed': selected, onClick: choose, onKeyDown })}
          >
            <title>{`${label}\n${formatDateTime(a.at)}${clickable ? '\nClick to compare the KPI before and after' : ''}`}</title>
            <line x1={x} x2={x} y1={shapeY + 5} y2={bottom} stroke={KPI_MARKER_COLOUR[a.kind]} strokeWidth={selected ? 2.5 : 1.5} strokeDasharray={a.kind === 'alert' ? '3 3' : undefined} strokeOpacity={0.85} />
            {/* A wider transparent band makes the thin line easy to hover and click. */}
            <rect x={x - 5} y={top} width={10} height={bottom - top} fill="transparent" />
            <MarkerShape kind={a.kind} x={x} y={shapeY} />
            {p.labelled && (
              <rect x={p.anchor === 'start' ? x : x - LABEL_HIT_PAD - labelWidth} y={labelY - 9} width={labelWidth + LABEL_HIT_PAD} height={KPI_LANE_H} fill="transparent" />
            )}
            {p.labelled && (
              <text x={p.anchor === 'start' ? x + 8 : x - 8} y={labelY + 1} textAnchor={p.anchor} className="kpi-marker-label" fill={KPI_MARKER_COLOUR[a.kind]}>
                {kpiAnnotationShort(a, withModel)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
