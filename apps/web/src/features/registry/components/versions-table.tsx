// The model's versions, newest first: source run, artifact digest, gate status and the
// aliases each serves, with "Request promotion" for roles that may ask.
import { useState } from 'react';
import { Link } from 'react-router';
import { gatePolicyValidate } from '@quorum/domain';
import { RegGateBadge } from '../../../components/reg-badges';
import { regBytes } from '../../../components/reg-gate';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { ModelDetail, ModelVersion } from '../api/types';
import { RequestPromotionDialog } from './request-promotion-dialog';

export function VersionsTable({ model, now }: { model: ModelDetail; now: number }) {
  const mayRequest = useSession().can('promotions.request');
  const [requesting, setRequesting] = useState<ModelVersion | null>(null);
  const checked = gatePolicyValidate(model.gatePolicy);
  const approvals = checked.ok ? checked.policy.approvals : [];

  return (
    <section className="card" aria-labelledby="reg-versions-title">
      <div className="card-header">
        <h2 id="reg-versions-title">
          Versions <span className="count-pill">{model.versions.length}</span>
        </h2>
        <span className="small muted">Register new versions from a finished run’s page.</span>
      </div>
      {model.versions.length === 0 ? (
        <p className="card-body muted">No versions yet. Open a finished run and choose “Register as model version”.</p>
      ) : (
        <div className="table-scroll">
          <table className="table reg-versions-table" aria-label="Versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Source run</th>
                <th scope="col">Created</th>
                <th scope="col">Artifact</th>
                <th scope="col">Gates</th>
                <th scope="col">Serves</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {model.versions.map((v) => {
                const serves = model.aliases.filter((a) => a.versionId === v.id);
                const open = model.requests.find((r) => r.versionId === v.id && (r.state === 'pending' || r.state === 'approved'));
                return (
                  <tr key={v.id}>
                    <td>
                      <Link to={`/models/${model.id}/versions/${v.id}`} className="reg-version-link" id={`reg-version-${v.id}`}>
                        v{v.version}
                      </Link>
                      {v.description && <span className="reg-version-description">{v.description}</span>}
                    </td>
                    <td>{v.sourceRunId ? <Link to={`/runs/${v.sourceRunId}`} className="mono small" title={v.sourceRunId}>{v.sourceRunId.slice(0, 8)}</Link> : <span className="muted">—</span>}</td>
                    <td title={formatDateTime(v.createdAt)}>{formatAgo(v.createdAt, now)}</td>
                    <td>
                      <span className="mono small" title={`sha256 ${v.artifactSha256 ?? 'not verified'}\n${v.artifactUri}`}>
                        {v.artifactSha256?.slice(0, 12) ?? 'not verified'}
                      </span>{' '}
                      {v.artifactSize !== null && <span className="small muted">{regBytes(v.artifactSize)}</span>}
                    </td>
                    <td>
                      <RegGateBadge gate={v.gate} />
                    </td>
                    <td>
                      {serves.length > 0 ? (
                        <span className="reg-chips">
                          {serves.map((a) => (
                            <span key={a.alias} className="badge reg-serves">
                              {a.alias}
                            </span>
                          ))}
                        </span>
                      ) : v.archivedAt !== null ? (
                        <span className="badge" title={`Archived ${formatDateTime(v.archivedAt)}: it can no longer be promoted`}>
                          archived
                        </span>
                      ) : open ? (
                        <Link to={`/approvals/${open.id}`} className="small" title={`Request #${open.id} to promote v${v.version} to ${open.alias} is ${open.state}`}>
                          #{open.id} → {open.alias}
                        </Link>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                    <td className="reg-row-actions">
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setRequesting(v)}
                        disabled={!mayRequest.allowed || v.archivedAt !== null}
                        title={v.archivedAt !== null ? `v${v.version} is archived; archived versions cannot be promoted` : mayRequest.allowed ? `Ask for an alias to move to v${v.version}` : mayRequest.reason}
                        aria-describedby={`reg-version-${v.id}`}
                      >
                        Request promotion
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!mayRequest.allowed && model.versions.length > 0 && <p className="small muted reg-table-note">{mayRequest.reason}</p>}
      {requesting && (
        <RequestPromotionDialog
          modelName={model.name}
          version={requesting}
          aliases={model.aliases.map((a) => ({ alias: a.alias, version: a.version }))}
          approvals={approvals}
          onClose={() => setRequesting(null)}
        />
      )}
    </section>
  );
}
