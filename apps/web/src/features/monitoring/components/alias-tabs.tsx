// One tab per alias that served traffic (or points at a version): production first.
import { aliasLabel, type AliasTab } from '../utils/alias-tabs';

export function AliasTabs({ tabs, selected, onSelect }: { tabs: AliasTab[]; selected: string; onSelect: (alias: string) => void }) {
  return (
    <div className="reg-tabs mon-tabs" role="tablist" aria-label="Alias">
      {tabs.map((t) => (
        <button
          key={t.alias}
          type="button"
          role="tab"
          id={`mon-tab-${t.alias || 'direct'}`}
          aria-selected={t.alias === selected}
          aria-controls="mon-alias-panel"
          className="reg-tab"
          onClick={() => onSelect(t.alias)}
        >
          <span className="mono">{aliasLabel(t.alias)}</span>
          {t.version !== null && <span className="muted small">→ v{t.version}</span>}
          {t.openAlerts > 0 && (
            <span className="count-pill mon-pill-bad" title={`${t.openAlerts} open alert${t.openAlerts === 1 ? '' : 's'}`}>
              {t.openAlerts}
            </span>
          )}
          {t.windows === 0 && <span className="muted small">no windows</span>}
        </button>
      ))}
    </div>
  );
}
