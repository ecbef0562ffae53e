// The registry's table: each model with its risk, owner, aliases, open requests and latest version.
import { Link } from 'react-router';
import { RegGateBadge, RegRiskBadge } from '../../../components/reg-badges';
import { useRegTeamNames } from '../../../components/reg-user-names';
import { formatAgo } from '../../../lib/format';
import type { ModelDetail, ModelSummary } from '../api/types';
import { AliasChip } from './alias-chip';

export function ModelsTable({ models, details, now }: { models: ModelSummary[]; details: Map<number, ModelDetail>; now: number }) {
  const teamName = useRegTeamNames();
  return (
    <div className="table-scroll">
      <table className="table reg-models-table" aria-label="Registered models">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Risk</th>
            <th scope="col">Owner team</th>
            <th scope="col">Aliases</th>
            <th scope="col" className="num">
              Open requests
            </th>
            <th scope="col">Latest version</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const latest = details.get(m.id)?.versions[0];
            return (
              <tr key={m.id}>
                <td className="reg-model-cell">
                  <Link to={`/models/${m.id}`} className="reg-model-name">
                    {m.name}
                  </Link>
                  {m.description && <span className="reg-model-description">{m.description}</span>}
                </td>
                <td>
                  <RegRiskBadge risk={m.riskRating} />
                </td>
                <td>{teamName(m.ownerTeamId) ?? <span className="muted">—</span>}</td>
                <td>
                  {m.aliases.length === 0 ? (
                    <span className="muted small">nothing promoted</span>
                  ) : (
                    <span className="reg-chips">
                      {m.aliases.map((a) => (
                        <AliasChip key={a.alias} modelId={m.id} alias={a.alias} version={a.version} versionId={a.versionId} gatesPassed={a.gatesPassed} />
                      ))}
                    </span>
                  )}
                </td>
                <td className="num">{m.openRequests > 0 ? <span className="badge reg-state-pending">{m.openRequests} open</span> : <span className="muted">0</span>}</td>
                <td>
                  {latest ? (
                    <span className="row reg-nowrap">
                      <Link to={`/models/${m.id}/versions/${latest.id}`} className="reg-version-link">
                        v{latest.version}
                      </Link>
                      <RegGateBadge gate={latest.gate} />
                      <span className="small muted">{formatAgo(latest.createdAt, now)}</span>
                    </span>
                  ) : details.has(m.id) ? (
                    <span className="muted small">no versions</span>
                  ) : (
                    <span className="muted small">…</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
