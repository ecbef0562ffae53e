// The models to monitor, as a strip of links: open alerts, windows and aliases at a glance.
import { Link } from 'react-router';
import { formatAgo } from '../../../lib/format';
import type { MonitorOverviewModel } from '../api/types';
import { pickerOrder } from '../utils/model-order';

export function ModelPicker({ models, selected, search, now }: { models: MonitorOverviewModel[]; selected: number; search: string; now: number }) {
  return (
    <nav className="mon-picker" aria-label="Models">
      {pickerOrder(models).map((m) => {
        const watched = m.windows > 0 || m.openAlerts > 0;
        return (
          <Link key={m.id} to={`/monitoring/${m.id}${search}`} className={`mon-pick${m.id === selected ? ' is-selected' : ''}${watched ? '' : ' is-unwatched'}`} aria-current={m.id === selected ? 'page' : undefined}>
            <span className="mon-pick-head">
              <span className="mon-pick-name">{m.name}</span>
              {m.openAlerts > 0 && (
                <span className="count-pill mon-pill-bad" title={`${m.openAlerts} open alert${m.openAlerts === 1 ? '' : 's'}`}>
                  {m.openAlerts} alert{m.openAlerts === 1 ? '' : 's'}
                </span>
              )}
            </span>
            <span className="mon-pick-meta">
              {m.windows > 0 ? `${m.windows.toLocaleString('en')} windows · last ${formatAgo(m.lastWindowEnd!, now)}` : 'no windows yet'}
            </span>
            <span className="mon-pick-meta mono">{m.aliases.length > 0 ? m.aliases.map((a) => `${a.alias} v${a.version}`).join(' · ') : 'no alias'}</span>
          </Link>
        );
      })}
    </nav>
  );
}
