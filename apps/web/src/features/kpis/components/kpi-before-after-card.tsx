// The KPI around one model change: pick a promotion or rollback and a window, see the mean
// before and after, the change, and whether it is good for the KPI. The windows are shaded
// on the chart above.
import { useId } from 'react';
import { Link } from 'react-router';
import { kpiAnnotationLabel, kpiDayText, kpiValueText } from '../../../components/kpi-format';
import { formatDateTime } from '../../../lib/format';
import { KPI_WINDOWS, kpiChangeKey, type KpiBeforeAfterView, type KpiChange, type KpiWindow } from '../utils/kpi-before-after';

export function KpiBeforeAfterCard({
  changes,
  hasValues,
  selected,
  window,
  view,
  unit,
  onSelect,
  onWindow,
}: {
  changes: readonly KpiChange[];
  hasValues: boolean;
  selected: KpiChange | null;
  window: KpiWindow;
  view: KpiBeforeAfterView | null;
  unit: string;
  onSelect: (change: KpiChange | null) => void;
  onWindow: (days: KpiWindow) => void;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>Before and after a model change</h2>
      </div>
      {changes.length === 0 ? (
        <p className="card-body muted reg-no-margin">No promotion or rollback of the linked models yet. When one lands, compare the KPI before and after it here.</p>
      ) : !hasValues ? (
        <p className="card-body muted reg-no-margin">
          The linked models have been promoted or rolled back {changes.length === 1 ? 'once' : `${changes.length} times`}. Once the KPI has daily values, compare it before and after each change here.
        </p>
      ) : (
        <div className="card-body stack kpi-ba">
          <div className="kpi-ba-controls">
            <div className="field">
              <label htmlFor={`${id}-change`}>Change</label>
              <select
                id={`${id}-change`}
                className="input"
                value={selected ? kpiChangeKey(selected) : ''}
                onChange={(e) => onSelect(changes.find((c) => kpiChangeKey(c) === e.target.value) ?? null)}
              >
                {!selected && <option value="">Pick a promotion or rollback…</option>}
                {changes.map((c) => (
                  <option key={kpiChangeKey(c)} value={kpiChangeKey(c)}>
                    {kpiDayText(c.at)} · {kpiAnnotationLabel(c)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <span className="kpi-field-label" id={`${id}-window`}>
                Window
              </span>
              <div className="segmented" role="group" aria-labelledby={`${id}-window`}>
                {KPI_WINDOWS.map((d) => (
                  <button key={d} type="button" aria-pressed={d === window} onClick={() => onWindow(d)}>
                    {d} days
                  </button>
                ))}
              </div>
            </div>
            <p className="small muted kpi-ba-hint">Or click a marker on the chart.</p>
          </div>
          {selected && view && (
            <>
              <p className="small muted reg-no-margin">
                {selected.kind === 'rollback' ? 'Rolled back' : 'Promoted'} {formatDateTime(selected.at)}
                {selected.requestId !== null && (
                  <>
                    {' '}
                    through <Link to={`/approvals/${selected.requestId}`}>request #{selected.requestId}</Link>
                  </>
                )}
                . Means of the daily values in the {window} days before and the {window} days from then on.
              </p>
              <dl className="kpi-ba-figures">
                <div>
                  <dt>Before</dt>
                  <dd>
                    <span className="kpi-ba-value">{kpiValueText(view.result.before.mean, unit)}</span>
                    <span className="muted small">mean of {view.result.before.n} days</span>
                  </dd>
                </div>
                <div>
                  <dt>After</dt>
                  <dd>
                    <span className="kpi-ba-value">{kpiValueText(view.result.after.mean, unit)}</span>
                    <span className="muted small">mean of {view.result.after.n} days</span>
                  </dd>
                </div>
                <div>
                  <dt>Change</dt>
                  <dd>
                    <span className={`kpi-ba-value kpi-tone-${view.tone}`}>{view.changeText ?? '—'}</span>
                    <span className="muted small">{view.relativeText ?? 'no relative change'}</span>
                  </dd>
                </div>
                <div>
                  <dt>Verdict</dt>
                  <dd>
                    <span className={`badge kpi-verdict kpi-verdict-${view.tone}`}>{view.verdictText}</span>
                  </dd>
                </div>
              </dl>
              {view.notes.length > 0 && (
                <ul className="kpi-ba-notes small">
                  {view.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
