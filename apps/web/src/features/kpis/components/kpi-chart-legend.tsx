// What the lines, markers and shading on a KPI chart mean.
import { KPI_LINE_COLOUR } from './kpi-chart';
import { KPI_MARKER_COLOUR } from './kpi-markers';

/** Markers are listed only for the kinds the chart shows. */
export function KpiChartLegend({ kinds, shaded }: { kinds: ReadonlySet<'promotion' | 'rollback' | 'alert'>; shaded: boolean }) {
  return (
    <ul className="data-legend kpi-legend" aria-hidden>
      <li>
        <svg width="18" height="10">
          <line x1="0" x2="18" y1="5" y2="5" stroke={KPI_LINE_COLOUR} strokeWidth="2" />
        </svg>
        daily value
      </li>
      <li>
        <svg width="18" height="10">
          <line x1="0" x2="18" y1="5" y2="5" stroke="var(--text-2)" strokeWidth="1.5" strokeDasharray="5 3" />
        </svg>
        target
      </li>
      {kinds.has('promotion') && (
        <li>
          <svg width="12" height="12">
            <circle cx="6" cy="6" r="4" fill="#fff" stroke={KPI_MARKER_COLOUR.promotion} strokeWidth="2" />
          </svg>
          promotion
        </li>
      )}
      {kinds.has('rollback') && (
        <li>
          <svg width="12" height="12">
            <path d="M6,1 L11,6 L6,11 L1,6 Z" fill={KPI_MARKER_COLOUR.rollback} />
          </svg>
          rollback
        </li>
      )}
      {kinds.has('alert') && (
        <li>
          <svg width="12" height="12">
            <path d="M6,1 L11,10 L1,10 Z" fill={KPI_MARKER_COLOUR.alert} />
          </svg>
          alert
        </li>
      )}
      {shaded && (
        <>
          <li>
            <span className="data-legend-swatch kpi-swatch-before" />
            before
          </li>
          <li>
            <span className="data-legend-swatch kpi-swatch-after" />
            after
          </li>
        </>
      )}
      {(kinds.has('promotion') || kinds.has('rollback')) && <li className="muted">Click a promotion or rollback to compare before and after.</li>}
    </ul>
  );
}
