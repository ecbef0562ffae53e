// /models/:modelId — one registered model: what its aliases serve (with rollback), its
// versions (with promotion requests), the alias timeline, its gate policy and open requests.
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { RegRiskBadge } from '../../components/reg-badges';
import { useRegTeamNames } from '../../components/reg-user-names';
import { formatDateTime } from '../../lib/format';
import { useModel } from './api/use-registry';
import { AliasTimelineCard } from './components/alias-timeline-card';
import { AliasesCard } from './components/aliases-card';
import { GatePolicyCard } from './components/gate-policy-card';
import { OpenRequestsCard } from './components/open-requests-card';
import { RegistryPageState } from './components/page-states';
import { VersionsTable } from './components/versions-table';

export function ModelPage() {
  const modelId = Number(useParams().modelId);
  const query = useModel(Number.isSafeInteger(modelId) ? modelId : 0);
  const teamName = useRegTeamNames();
  const model = query.data;
  if (!Number.isSafeInteger(modelId) || modelId <= 0) return <RegistryPageState error={{ message: 'The address does not name a model.', data: { code: 'NOT_FOUND' } }} what="Model" onRetry={() => undefined} />;
  if (!model) return <RegistryPageState error={query.error} what="Model" onRetry={() => void query.refetch()} />;

  const now = query.dataUpdatedAt;
  const team = teamName(model.ownerTeamId);
  const tags = Object.entries(model.tags);
  return (
    <div className="page">
      <PageHeader
        crumbs={
          <>
            <Link to="/models">Models</Link> <span aria-hidden>/</span> {model.name}
          </>
        }
        title={
          <span className="row">
            {model.name}
            <RegRiskBadge risk={model.riskRating} />
          </span>
        }
        description={model.description || undefined}
      />
      <dl className="reg-meta">
        <div>
          <dt>Owner team</dt>
          <dd>{team ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Registered</dt>
          <dd>{formatDateTime(model.createdAt)}</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd className="reg-chips">
            {tags.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              tags.map(([k, v]) => (
                <span key={k} className="badge reg-tag">
                  {k}: {v}
                </span>
              ))
            )}
          </dd>
        </div>
      </dl>
      <div className="stack">
        <div className="reg-two">
          <AliasesCard model={model} now={now} />
          <OpenRequestsCard model={model} now={now} />
        </div>
        <VersionsTable model={model} now={now} />
        <AliasTimelineCard model={model} now={now} />
        <GatePolicyCard model={model} />
      </div>
    </div>
  );
}
