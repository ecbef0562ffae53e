// The "Parallel coordinates" section: which params go with which results. One axis per
// differing param plus the chosen metric; one line per run, coloured by that metric.
import { memo, useMemo } from 'react';
import { formatMetric } from '../../../lib/format';
import { useElementWidth } from '../hooks/use-element-width';
import type { CompareRun } from '../hooks/use-compare-runs';
import { metricGoal } from '../utils/best-run';
import { colourSequentialGradient } from '../utils/colour-scale';
import { parallelAxes } from '../utils/parallel-axes';
import { runBestCoveredKey, runValueKeys } from '../utils/run-values';
import { ParallelPlot } from './parallel-plot';

/** Room per axis for its title and tick labels, in pixels. */
const MIN_AXIS_GAP = 112;

export const ParallelCoordinates = memo(function ParallelCoordinates({ runs, metric, onMetric }: { runs: readonly CompareRun[]; metric: string | null; onMetric: (key: string) => void }) {
  const metricKeys = useMemo(() => runValueKeys(runs, 'metrics').sort(), [runs]);
  // The first metric, unless another is held by more runs (runs from different experiments).
  const chosen = metric !== null && metricKeys.includes(metric) ? metric : (runBestCoveredKey(runs, 'metric', metricKeys) ?? null);
  const axes = useMemo(() => parallelAxes(runs, chosen), [runs, chosen]);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const metricAxis = axes.at(-1);
  const paramAxes = chosen === null ? axes.length : axes.length - 1;

  return (
    <section className="compare-section" aria-labelledby="compare-parallel">
      <div className="compare-section-head">
        <h2 id="compare-parallel">Parallel coordinates</h2>
        <div className="row">
          {metricKeys.length > 0 && (
            <label className="row small">
              <span className="muted">Metric</span>
              <select className="input input-sm" value={chosen ?? ''} onChange={(e) => onMetric(e.target.value)}>
                {metricKeys.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
          )}
          {chosen && metricAxis?.kind === 'numeric' && (
            <span className="cmp-colour-legend small" title={metricGoal(chosen) === 'min' ? 'Lower is better' : 'Higher is better'}>
              <span className="num">{formatMetric(metricAxis.min)}</span>
              <span className="cmp-colour-legend-bar" style={{ background: `linear-gradient(90deg, ${colourSequentialGradient()})` }} />
              <span className="num">{formatMetric(metricAxis.max)}</span>
            </span>
          )}
        </div>
      </div>
      <div className="card card-body">
        {paramAxes === 0 ? (
          <p className="muted small cmp-chart-empty">These runs share every param, so there is nothing to set against {chosen ?? 'the metrics'}.</p>
        ) : (
          <div ref={ref} role="img" aria-label="Parallel coordinates plot" className="cmp-parallel">
            {/* Below a readable spacing between axes the plot scrolls sideways instead of squeezing its labels. */}
            {width > 0 && <ParallelPlot runs={runs} axes={axes} width={Math.max(width, axes.length * MIN_AXIS_GAP)} />}
          </div>
        )}
      </div>
    </section>
  );
});
