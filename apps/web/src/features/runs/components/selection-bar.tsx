// The bar above the table while runs are selected: how many, Compare, Clear.
import { useNavigate } from 'react-router';

/** metrics.series charts at most 100 runs. */
const COMPARE_MAX = 100;

export function SelectionBar({
  ordered,
  hiddenCount,
  metricKeys,
  onClear,
}: {
  /** Selected run ids in table order. */
  ordered: string[];
  /** Selected runs the current filter hides. */
  hiddenCount: number;
  /** Metric columns the user chose, carried to the compare page; empty lets it decide. */
  metricKeys: string[];
  onClear: () => void;
}) {
  const navigate = useNavigate();
  const tooMany = ordered.length > COMPARE_MAX;
  const compare = () => {
    const params = new URLSearchParams({ runs: ordered.join(',') });
    if (metricKeys.length > 0) params.set('keys', metricKeys.join(','));
    // URLSearchParams would escape the commas; ids and keys never contain one.
    navigate(`/compare?${params.toString().replace(/%2C/g, ',')}`);
  };
  return (
    <div className="selection-bar" role="region" aria-label="Selected runs">
      <strong>{ordered.length} selected</strong>
      {hiddenCount > 0 && <span className="muted small">({hiddenCount} hidden by the filter)</span>}
      <span aria-hidden>·</span>
      <button type="button" className="btn btn-primary btn-sm" onClick={compare} disabled={tooMany} title={tooMany ? `Compare takes at most ${COMPARE_MAX} runs` : undefined}>
        Compare
      </button>
      <span aria-hidden>·</span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
        Clear
      </button>
      {tooMany && <span className="small">Compare takes at most {COMPARE_MAX} runs</span>}
    </div>
  );
}
