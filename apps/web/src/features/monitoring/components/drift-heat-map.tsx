// Drift per feature and window: a row per feature (most often drifted on top), a cell per
// window on the shared time axis, coloured by how far the test's score sits past or within its
// threshold. Feature names stay put while a long history scrolls sideways.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chartTickTime } from '../../../components/chart-ticks';
import { formatDateTime } from '../../../lib/format';
import type { MonitorWindowRow } from '../api/types';
import { useElementWidth } from '../../../lib/use-element-width';
import { HEAT_DRIFTED, HEAT_STABLE, heatCellBox, heatCellText, heatColour, heatColumnsOf, heatFeatures, heatPlotWidth, type HeatColumn } from '../utils/heat-map';
import { windowLength } from '../utils/window-series';
import { MARKER_LANE_H, MOVE_COLOURS, PANEL_GUTTER, PANEL_RIGHT, PANEL_Y_AXIS, spanOpacity, type PanelAxis } from './time-chart';

const NAMES_W = PANEL_GUTTER + PANEL_Y_AXIS;
const ROW_H = 16;
const ALERT_BAR = 5;
const AXIS_H = 24;

interface Hover {
  /** The cell's `data-cell`: "feature index:window index". */
  id: string;
  feature: string;
  window: MonitorWindowRow;
  column: HeatColumn | undefined;
  left: number;
  top: number;
}

export function DriftHeatMap({ windows, axis }: { windows: MonitorWindowRow[]; axis: PanelAxis }) {
  const [ref, width] = useElementWidth(1000);
  const wrapRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const scrollBox = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRef.current = el;
      return ref(el);
    },
    [ref],
  );
  const [hover, setHover] = useState<Hover | null>(null);
  const [selected, setSelected] = useState<Omit<Hover, 'id' | 'left' | 'top'> | null>(null);
  const sorted = useMemo(() => [...windows].sort((a, b) => a.windowStart - b.windowStart), [windows]);
  const columns = useMemo(() => sorted.map(heatColumnsOf), [sorted]);
  const features = useMemo(() => heatFeatures(sorted), [sorted]);
  const plot = heatPlotWidth(axis.domain, windowLength(sorted), width - NAMES_W - PANEL_RIGHT);
  const top = 8 + axis.lanes * MARKER_LANE_H + ALERT_BAR + 3;

  // The cells are most of the SVG: built again only when what they show changes, not on hover.
  const cells = useMemo(
    () => (
      <g>
        {features.map((f, fi) =>
          sorted.map((w, wi) => {
            const box = heatCellBox(w, axis.domain, plot.width);
            if (!box) return null;
            const c = columns[wi]!.get(f.name);
            const isSelected = selected?.feature === f.name && selected.window.id === w.id;
            return (
              <rect
                key={`${fi}:${w.id}`}
                data-cell={`${fi}:${wi}`}
                x={box.x}
                y={top + fi * ROW_H}
                width={box.width > 3 ? box.width - 1 : box.width}
                height={ROW_H - 1}
                fill={heatColour(c)}
                stroke={isSelected ? 'var(--text)' : c ? 'none' : 'var(--border)'}
                strokeWidth={isSelected ? 1.5 : 0.5}
              />
            );
          }),
        )}
      </g>
    ),
    [features, sorted, columns, axis.domain, plot.width, top, selected],
  );

  // A history too long to fit opens at its newest windows; older ones are a scroll to the left.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && plot.scrolls) el.scrollLeft = el.scrollWidth;
  }, [plot.scrolls, plot.width]);

  if (features.length === 0) {
    const unmatched = (sorted.at(-1)?.drift as { unmatched?: { name: string; message: string }[] } | null)?.unmatched ?? [];
    return (
      <section className="mon-panel mon-panel-empty" aria-label="Feature drift">
        <div className="mon-panel-legend" style={{ width: PANEL_GUTTER }}>
          <h3>Feature drift</h3>
        </div>
        <div className="mon-panel-chart mon-empty-note">
          <p>
            No feature was compared with the training data. Quorum compares each window's features with the stored profile of the training dataset of the version that served it: log
            the training dataset with a profile on the source run, and send feature values with each window.
          </p>
          {unmatched.length > 0 && (
            <ul className="small muted">
              {unmatched.slice(0, 5).map((u) => (
                <li key={u.name}>{u.message}</li>
              ))}
            </ul>
          )}
        </div>
      </section>
    );
  }

  const [start, end] = axis.domain;
  const x = (t: number) => ((t - start) / (end - start)) * plot.width;
  const height = top + features.length * ROW_H + AXIS_H;
  const driftedFeatures = features.filter((f) => f.drifted > 0);
  const summary =
    `Drift of ${features.length} features over ${sorted.length} windows. ` +
    (driftedFeatures.length === 0 ? 'No feature drifted.' : driftedFeatures.map((f) => `${f.name} drifted in ${f.drifted} of ${f.compared} windows`).join('; '));

  const cellId = (target: EventTarget): string | null => (target as Element).getAttribute?.('data-cell') || null;
  const pick = (target: EventTarget): Omit<Hover, 'id' | 'left' | 'top'> | null => {
    const cell = cellId(target);
    if (!cell) return null;
    const [f, w] = cell.split(':').map(Number);
    const feature = features[f!]!.name;
    return { feature, window: sorted[w!]!, column: columns[w!]!.get(feature) };
  };

  return (
    <section className="mon-heat" aria-label="Feature drift" ref={wrapRef}>
      <div className="mon-heat-head">
        <h3>Feature drift</h3>
        <span className="small muted">
          {driftedFeatures.length} of {features.length} features drifted at least once · hover a cell for the test and score
          {plot.scrolls && ' · scroll left for older windows'}
        </span>
        <span className="spacer" />
        <HeatLegend />
      </div>
      <div className="mon-heat-scroll" ref={scrollBox}>
        <div className="mon-heat-grid" style={{ width: NAMES_W + plot.width + PANEL_RIGHT }}>
          <div className="mon-heat-names" style={{ width: NAMES_W, height, paddingTop: top }}>
            {features.map((f) => (
              <div key={f.name} className="mon-heat-name" style={{ height: ROW_H }} title={`${f.name}: drifted in ${f.drifted} of ${f.compared} windows`}>
                <span className="mono">{f.name}</span>
                <span className={`mon-heat-count${f.drifted > 0 ? ' is-drifted' : ''}`}>
                  {f.drifted}/{f.compared}
                </span>
              </div>
            ))}
          </div>
          <svg
            width={plot.width + PANEL_RIGHT}
            height={height}
            role="img"
            aria-label={summary}
            onMouseOver={(e) => {
              const id = cellId(e.target);
              // Still over the same cell (or still over none): nothing to change.
              if (id === (hover?.id ?? null)) return;
              const hit = pick(e.target);
              const box = (e.target as Element).getBoundingClientRect();
              const wrap = wrapRef.current?.getBoundingClientRect();
              setHover(hit && id && wrap ? { id, ...hit, left: box.left - wrap.left + box.width / 2, top: box.top - wrap.top } : null);
            }}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => setSelected(pick(e.target))}
          >
            {axis.spans.map((s) => (
              <rect key={`alert-${s.id}`} x={x(s.from)} y={top - ALERT_BAR - 2} width={Math.max(2, x(s.to) - x(s.from))} height={ALERT_BAR} rx={2} fill="var(--bad)" opacity={Math.min(1, spanOpacity(s, 'drift') * 5.5)}>
                <title>{`Alert ${s.active ? 'open' : 'was open'}: ${s.title}`}</title>
              </rect>
            ))}
            {cells}
            {axis.markers.map((m) => (
              <g key={`move-${m.at}`} pointerEvents="none">
                <line x1={x(m.at)} x2={x(m.at)} y1={top - ALERT_BAR - 4} y2={top + features.length * ROW_H} stroke={MOVE_COLOURS[m.kind]} strokeWidth={1.5} strokeDasharray={m.kind === 'promotion' ? '4 3' : undefined} />
                <text
                  x={x(m.at) + (m.anchor === 'end' ? -3 : 3)}
                  y={top - ALERT_BAR - 6 - m.lane * MARKER_LANE_H}
                  textAnchor={m.anchor}
                  className="mon-marker-label"
                  fill={MOVE_COLOURS[m.kind]}
                >
                  {m.label}
                </text>
              </g>
            ))}
            {axis.ticks.map((t) => (
              // Ticks at the edges are anchored inwards, so the sticky names do not hide half a date.
              <text key={t} x={x(t)} y={height - 8} textAnchor={x(t) < 24 ? 'start' : x(t) > plot.width - 24 ? 'end' : 'middle'} className="mon-axis-tick">
                {chartTickTime(t, end - start)}
              </text>
            ))}
          </svg>
        </div>
      </div>
      {hover && (
        <div className="mon-tooltip mon-heat-tooltip" style={{ left: hover.left, top: hover.top }} role="status">
          <HeatCellDetail cell={hover} />
        </div>
      )}
      {selected && (
        <div className="mon-heat-selected small">
          <HeatCellDetail cell={selected} inline />
          <button type="button" className="link-button" onClick={() => setSelected(null)}>
            Clear
          </button>
        </div>
      )}
    </section>
  );
}

function HeatCellDetail({ cell, inline = false }: { cell: Omit<Hover, 'id' | 'left' | 'top'>; inline?: boolean }) {
  const { feature, window: w, column } = cell;
  const when = `${formatDateTime(w.windowStart)} – ${formatDateTime(w.windowEnd)}`;
  const verdict = column ? heatCellText(column) : 'not compared in this window';
  if (inline) {
    return (
      <span>
        <span className="mono">{feature}</span> · {when} · v{w.version} · {verdict}
      </span>
    );
  }
  return (
    <>
      <div className="mon-tooltip-time">
        <span className="mono">{feature}</span>
      </div>
      <div className="muted">
        {when} · v{w.version}
      </div>
      <div className={column?.drifted ? 'mon-text-bad' : undefined}>{verdict}</div>
    </>
  );
}

function HeatLegend() {
  return (
    <div className="mon-heat-legend small" aria-label="Colour key">
      <span>within threshold</span>
      <span className="mon-heat-ramp" style={{ background: `linear-gradient(90deg, ${HEAT_STABLE[0]}, ${HEAT_STABLE[1]})` }} aria-hidden />
      <span className="mon-heat-threshold" aria-hidden />
      <span className="mon-heat-ramp" style={{ background: `linear-gradient(90deg, ${HEAT_DRIFTED[0]}, ${HEAT_DRIFTED[1]})` }} aria-hidden />
      <span>far past · drifted</span>
    </div>
  );
}
