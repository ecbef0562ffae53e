// One column's reference and current distributions as side-by-side bars of shares.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_PALETTE } from '../../../components/chart-palette';
import { formatMetric } from '../../../lib/format';
import type { ColumnDrift } from '../api/use-datasets';
import { driftTestInfo } from '../utils/drift-format';
import { overlayRows, overlayShareTick } from '../utils/overlay-rows';

/** Blue for the baseline, orange for what is new: the Tableau pair stays apart for colour-blind readers. */
export const DRIFT_REFERENCE_COLOUR = CHART_PALETTE[0];
export const DRIFT_CURRENT_COLOUR = CHART_PALETTE[1];

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };

export function DriftOverlayChart({
  column,
  referenceLabel,
  currentLabel,
  selected,
}: {
  column: ColumnDrift;
  referenceLabel: string;
  currentLabel: string;
  selected: boolean;
}) {
  const rows = overlayRows(column.overlay);
  const ticks = new Map(rows.map((r) => [r.label, r.tick]));
  const test = driftTestInfo(column.test);
  return (
    <section
      id={`drift-chart-${column.name}`}
      className={`card data-chart${selected ? ' is-selected' : ''}`}
      aria-label={`Distribution of ${column.name}`}
      tabIndex={-1}
    >
      <div className="data-chart-head">
        <h3 title={column.name}>{column.name}</h3>
        {column.drifted ? <span className="badge data-badge-drift">drifted</span> : <span className="badge data-badge-stable">no drift</span>}
        <span className="spacer" />
        <span className="small muted data-chart-score" title={`${test.title}: ${test.score} ${formatMetric(column.score)}`}>
          {test.label} {formatMetric(column.score)}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="chart-empty muted small">No values to draw</p>
      ) : (
        <ResponsiveContainer width="100%" height={230}>
          <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="12%" barGap={1}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              tickFormatter={(label: string) => ticks.get(label) ?? label}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis width={44} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={overlayShareTick} />
            <Tooltip
              cursor={{ fill: 'var(--surface-2)' }}
              formatter={(v, name) => [`${(Number(v) * 100).toFixed(1)}%`, name]}
              labelFormatter={(label) => String(label)}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: 'var(--border)' }}
            />
            <Legend
              // Recharts labels its legend icons "Current … legend icon", which would make getByLabel('Current') match every chart.
              content={() => (
                <ul className="data-legend">
                  <li>
                    <span className="data-legend-swatch" style={{ background: DRIFT_REFERENCE_COLOUR }} aria-hidden />
                    Reference {referenceLabel}
                  </li>
                  <li>
                    <span className="data-legend-swatch" style={{ background: DRIFT_CURRENT_COLOUR }} aria-hidden />
                    Current {currentLabel}
                  </li>
                </ul>
              )}
            />
            <Bar dataKey="reference" name={`Reference ${referenceLabel}`} fill={DRIFT_REFERENCE_COLOUR} isAnimationActive={false} />
            <Bar dataKey="current" name={`Current ${currentLabel}`} fill={DRIFT_CURRENT_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}
