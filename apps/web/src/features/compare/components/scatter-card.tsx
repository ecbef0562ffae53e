// The "Scatter" section: any numeric param or metric against another, one dot per run.
import { memo, useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { chartTickNumber } from '../../../components/chart-ticks';
import { formatMetric } from '../../../lib/format';
import type { CompareActions } from '../hooks/use-compare-view';
import type { CompareRun } from '../hooks/use-compare-runs';
import { linearDomain, logDomain } from '../utils/axis-domain';
import { scatterAxes, scatterValue } from '../utils/scatter-axes';
import { urlValueRef } from '../utils/url-state';
import { ValueSelect } from './value-select';

interface ScatterPoint {
  x: number;
  y: number;
  run: CompareRun;
}

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };

function axisProps(values: readonly number[], log: boolean) {
  if (values.length === 0) return { scale: 'linear' as const };
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (log) return { scale: 'log' as const, ...logDomain(min, max), allowDataOverflow: true };
  // A little room so that dots on the extremes are not cut in half by the plot edge.
  const pad = (max - min) * 0.04;
  return { scale: 'linear' as const, ...linearDomain(min - pad, max + pad, 6), allowDataOverflow: true };
}

function ScatterTooltip({ active, payload, xKey, yKey }: TooltipContentProps<number, string> & { xKey: string; yKey: string }) {
  const point = payload?.[0]?.payload as ScatterPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="cmp-chart-tooltip cmp-chart-tooltip-static">
      <div className="cmp-chart-tooltip-head">
        <span className="cmp-swatch" style={{ background: point.run.colour }} /> {point.run.name}
      </div>
      <div className="cmp-chart-tooltip-row">
        <span className="cmp-chart-tooltip-name muted">{xKey}</span>
        <span className="num">{formatMetric(point.x)}</span>
      </div>
      <div className="cmp-chart-tooltip-row">
        <span className="cmp-chart-tooltip-name muted">{yKey}</span>
        <span className="num">{formatMetric(point.y)}</span>
      </div>
    </div>
  );
}

/** Axes come in as their URL form (`param:lr`) so that memo can compare them. */
export const ScatterCard = memo(function ScatterCard({
  runs,
  xRef,
  yRef,
  logX,
  logY,
  actions,
}: {
  runs: readonly CompareRun[];
  xRef: string | null;
  yRef: string | null;
  logX: boolean;
  logY: boolean;
  actions: CompareActions;
}) {
  const { options, x, y } = useMemo(() => scatterAxes(runs, urlValueRef(xRef), urlValueRef(yRef)), [runs, xRef, yRef]);

  const points = useMemo(() => {
    if (!x || !y) return [];
    return runs.flatMap((run): ScatterPoint[] => {
      const px = scatterValue(run, x);
      const py = scatterValue(run, y);
      if (px === undefined || py === undefined) return [];
      if ((logX && px <= 0) || (logY && py <= 0)) return [];
      return [{ x: px, y: py, run }];
    });
  }, [runs, x, y, logX, logY]);
  const hidden = runs.length - points.length;

  return (
    <section className="compare-section" aria-labelledby="compare-scatter">
      <div className="compare-section-head">
        <h2 id="compare-scatter">Scatter</h2>
        {x && y && (
          <div className="row">
            <ValueSelect label="X" options={options} value={x} onChange={(ref) => actions.setScatterAxis('x', ref)} />
            <label className="check small">
              <input type="checkbox" checked={logX} onChange={() => actions.toggleScatterLog('x')} /> Log X
            </label>
            <ValueSelect label="Y" options={options} value={y} onChange={(ref) => actions.setScatterAxis('y', ref)} />
            <label className="check small">
              <input type="checkbox" checked={logY} onChange={() => actions.toggleScatterLog('y')} /> Log Y
            </label>
          </div>
        )}
      </div>
      <div className="card card-body">
        {!x || !y ? (
          <p className="muted small cmp-chart-empty">These runs have no numeric params or metrics to plot.</p>
        ) : points.length === 0 ? (
          <p className="muted small cmp-chart-empty">
            No run has a finite {x.key} and {y.key}
            {logX || logY ? ' above zero for a log axis' : ''}. Choose other values above.
          </p>
        ) : (
          <>
            <div role="img" aria-label={`Scatter plot of ${y.key} against ${x.key}`}>
              <ResponsiveContainer width="100%" height={320}>
                <ScatterChart margin={{ top: 8, right: 20, bottom: 20, left: 8 }}>
                  <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
                  <XAxis
                    type="number"
                    dataKey="x"
                    name={x.key}
                    {...axisProps(points.map((p) => p.x), logX)}
                    tickFormatter={chartTickNumber}
                    tick={AXIS_TICK}
                    tickLine={false}
                    axisLine={{ stroke: 'var(--border-strong)' }}
                    label={{ value: x.key, position: 'bottom', offset: 2, fontSize: 12, fill: 'var(--text-2)' }}
                  />
                  <YAxis
                    type="number"
                    dataKey="y"
                    name={y.key}
                    {...axisProps(points.map((p) => p.y), logY)}
                    tickFormatter={chartTickNumber}
                    tick={AXIS_TICK}
                    tickLine={false}
                    axisLine={false}
                    width={64}
                    label={{ value: y.key, angle: -90, position: 'insideLeft', offset: 4, fontSize: 12, fill: 'var(--text-2)', style: { textAnchor: 'middle' } }}
                  />
                  <Tooltip
                    content={(props) => <ScatterTooltip {...(props as TooltipContentProps<number, string>)} xKey={x.key} yKey={y.key} />}
                    cursor={{ strokeDasharray: '3 3', stroke: 'var(--border-strong)' }}
                    isAnimationActive={false}
                  />
                  {points.map((p) => (
                    <Scatter key={p.run.id} name={p.run.name} data={[p]} fill={p.run.colour} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
                  ))}
                </ScatterChart>
              </ResponsiveContainer>
            </div>
            {hidden > 0 && (
              <p className="muted small cmp-scatter-note">
                {hidden === 1 ? '1 run is' : `${hidden} runs are`} not shown: {x.key} or {y.key} is missing or not finite
                {logX || logY ? ', or not positive on a log axis' : ''}.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
});
