// A squad's MLOps/platform share against builders as one bar, with the ~20% target
// marked, and the governance seat beside it.
import { SQUAD_OPS_SHARE_TARGET } from '@quorum/domain';
import type { AdminTeam } from '../api/use-admin';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function TeamMixBar({ mix }: { mix: AdminTeam['mix'] }) {
  const share = mix.opsShare;
  const label =
    share === null
      ? 'No MLOps engineers or builders yet'
      : `MLOps and platform ${pct(share)}, builders ${pct(1 - share)}; target about ${pct(SQUAD_OPS_SHARE_TARGET)} to ${pct(1 - SQUAD_OPS_SHARE_TARGET)}`;
  return (
    <div className="id-mix">
      <div className="id-mix-bar" role="img" aria-label={label}>
        {share === null ? (
          <div className="id-mix-none" />
        ) : (
          <>
            {share > 0 && <div className="id-mix-ops" style={{ width: pct(share) }} />}
            {share < 1 && <div className="id-mix-builders" style={{ width: pct(1 - share) }} />}
          </>
        )}
        <div className="id-mix-target" style={{ left: pct(SQUAD_OPS_SHARE_TARGET) }} title={`Target: about ${pct(SQUAD_OPS_SHARE_TARGET)} MLOps/platform`} />
      </div>
      <div className="id-mix-legend small">
        <span>
          <span className="id-swatch id-mix-ops" aria-hidden /> MLOps/platform {mix.ops}
        </span>
        <span>
          <span className="id-swatch id-mix-builders" aria-hidden /> Builders {mix.builders}
        </span>
        <span className="muted">target ~{pct(SQUAD_OPS_SHARE_TARGET)} : {pct(1 - SQUAD_OPS_SHARE_TARGET)}</span>
        <span className="spacer" />
        <span className={mix.governance === 1 ? 'id-ok' : 'id-warn-text'}>
          Compliance lead {mix.governance} / 1
        </span>
      </div>
    </div>
  );
}
