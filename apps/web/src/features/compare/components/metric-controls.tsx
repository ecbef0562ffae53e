// Controls shared by every metric chart: x axis, smoothing and which metrics to show.
import type { XMode } from '../utils/series-points';
import { SMOOTHING_MAX } from '../utils/url-state';
import { KeyPicker } from './key-picker';

const X_MODES: { mode: XMode; label: string }[] = [
  { mode: 'step', label: 'Step' },
  { mode: 'time', label: 'Wall time' },
  { mode: 'relative', label: 'Relative time' },
];

export function MetricControls({
  xMode,
  smoothing,
  keys,
  selectedKeys,
  onXMode,
  onSmoothing,
  onKeys,
}: {
  xMode: XMode;
  smoothing: number;
  keys: readonly string[];
  selectedKeys: readonly string[];
  onXMode: (x: XMode) => void;
  onSmoothing: (s: number) => void;
  onKeys: (keys: string[]) => void;
}) {
  return (
    <div className="row cmp-metric-controls">
      <div className="segmented" role="group" aria-label="X axis">
        {X_MODES.map(({ mode, label }) => (
          <button type="button" key={mode} aria-pressed={xMode === mode} onClick={() => onXMode(mode)}>
            {label}
          </button>
        ))}
      </div>
      <label className="cmp-smoothing small">
        <span>Smoothing</span>
        <input
          type="range"
          min={0}
          max={SMOOTHING_MAX}
          step={0.01}
          value={smoothing}
          onChange={(e) => onSmoothing(Number(e.target.value))}
        />
        <output className="num mono">{smoothing.toFixed(2)}</output>
      </label>
      {keys.length > 0 && <KeyPicker keys={keys} selected={selectedKeys} onChange={onKeys} />}
    </div>
  );
}
