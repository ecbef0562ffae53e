// The model's aliases: the version each serves and since when, with an emergency rollback.
import { useState } from 'react';
import { Link } from 'react-router';
import { RegGateBadge } from '../../../components/reg-badges';
import { useSession } from '../../../lib/session';
import { formatAgo, formatDateTime } from '../../../lib/format';
import type { ModelDetail } from '../api/types';
import { RollbackDialog } from './rollback-dialog';

export function AliasesCard({ model, now }: { model: ModelDetail; now: number }) {
  const { can } = useSession();
  const mayRollback = can('aliases.rollback');
  const [rollingBack, setRollingBack] = useState<string | null>(null);
  const versionNumber = (id: number | null) => model.versions.find((v) => v.id === id)?.version ?? null;
  const target = model.aliases.find((a) => a.alias === rollingBack);

  return (
    <section className="card" aria-labelledby="reg-aliases-title">
      <div className="card-header">
        <h2 id="reg-aliases-title">
          Aliases <span className="count-pill">{model.aliases.length}</span>
        </h2>
      </div>
      {model.aliases.length === 0 ? (
        <p className="card-body muted">No alias points at a version yet. Request a promotion from the versions below: once the gates are green and the policy’s roles sign off, the alias moves.</p>
      ) : (
        <ul className="reg-alias-list">
          {model.aliases.map((a) => {
            const version = model.versions.find((v) => v.id === a.versionId);
            const last = model.timeline.find((m) => m.alias === a.alias);
            const previous = versionNumber(last?.previousVersionId ?? null);
            const disabledReason = !mayRollback.allowed ? mayRollback.reason : previous === null ? `${a.alias} has no earlier version to roll back to` : undefined;
            return (
              <li key={a.alias} className="reg-alias-item">
                <div className="reg-alias-main">
                  <div className="row">
                    <span className="reg-alias-title" id={`reg-alias-${a.alias}`}>
                      {a.alias}
                    </span>
                    <span aria-hidden className="muted">
                      →
                    </span>
                    <Link to={`/models/${model.id}/versions/${a.versionId}`} className="reg-version-link">
                      v{a.version}
                    </Link>
                    <RegGateBadge gate={version?.gate} />
                  </div>
                  <div className="small muted" title={formatDateTime(a.updatedAt)}>
                    since {formatDateTime(a.updatedAt)} ({formatAgo(a.updatedAt, now)}){previous !== null && ` · before: v${previous}`}
                  </div>
                </div>
                <button type="button" className="btn btn-sm" onClick={() => setRollingBack(a.alias)} disabled={!!disabledReason} title={disabledReason} aria-describedby={`reg-alias-${a.alias}`}>
                  Roll back
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {target && (
        <RollbackDialog
          modelId={model.id}
          modelName={model.name}
          alias={target.alias}
          fromVersion={target.version}
          toVersion={versionNumber(model.timeline.find((m) => m.alias === target.alias)?.previousVersionId ?? null)}
          onClose={() => setRollingBack(null)}
        />
      )}
    </section>
  );
}
