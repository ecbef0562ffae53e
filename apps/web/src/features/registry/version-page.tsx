// /models/:modelId/versions/:versionId — one model version: its artifact and provenance,
// signature, gate results (with re-check), fairness per group, feature importances, model
// card and lineage, and a way to request its promotion.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { gatePolicyValidate } from '@quorum/domain';
import { PageHeader } from '../../components/page-header';
import { RegGateBadge } from '../../components/reg-badges';
import { RegFairnessCharts } from '../../components/reg-fairness-chart';
import { regGateResults } from '../../components/reg-gate';
import { RegImportanceChart } from '../../components/reg-importance-chart';
import { RegLineageGraph } from '../../components/reg-lineage-graph';
import { RegMarkdown } from '../../components/reg-markdown';
import { useSession } from '../../lib/session';
import { useLineage, useModel, useVersion } from './api/use-registry';
import { GateResultsCard } from './components/gate-results-card';
import { RegistryPageState } from './components/page-states';
import { RequestPromotionDialog } from './components/request-promotion-dialog';
import { SignatureTable } from './components/signature-table';
import { VersionFacts } from './components/version-facts';
import { VersionRequests } from './components/version-requests';

export function VersionPage() {
  const params = useParams();
  const modelId = Number(params.modelId);
  const versionId = Number(params.versionId);
  const valid = Number.isSafeInteger(versionId) && versionId > 0;
  const query = useVersion(valid ? versionId : 0);
  const model = useModel(Number.isSafeInteger(modelId) ? modelId : 0);
  const lineage = useLineage(valid ? versionId : 0);
  const mayRequest = useSession().can('promotions.request');
  const [requesting, setRequesting] = useState(false);
  const version = query.data;

  if (!valid) return <RegistryPageState error={{ message: 'The address does not name a model version.', data: { code: 'NOT_FOUND' } }} what="Version" onRetry={() => undefined} />;
  if (!version) return <RegistryPageState error={query.error} what="Version" onRetry={() => void query.refetch()} />;

  const checked = model.data ? gatePolicyValidate(model.data.gatePolicy) : null;
  const policy = checked?.ok ? checked.policy : null;
  const results = regGateResults(version.gate);
  const serves = model.data?.aliases.filter((a) => a.versionId === version.id) ?? [];

  return (
    <div className="page">
      <PageHeader
        crumbs={
          <>
            <Link to="/models">Models</Link> <span aria-hidden>/</span> <Link to={`/models/${version.modelId}`}>{version.modelName}</Link> <span aria-hidden>/</span> v{version.version}
          </>
        }
        title={
          <span className="row">
            {version.modelName} v{version.version}
            <RegGateBadge gate={version.gate} />
            {serves.map((a) => (
              <span key={a.alias} className="badge reg-serves" title={`${a.alias} serves this version`}>
                {a.alias}
              </span>
            ))}
          </span>
        }
        description={version.description || undefined}
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setRequesting(true)}
            disabled={!mayRequest.allowed || !model.data}
            title={mayRequest.allowed ? 'Ask for an alias to move to this version' : mayRequest.reason}
          >
            Request promotion
          </button>
        }
      />
      <div className="stack">
        <div className="reg-two reg-two-wide-left">
          <VersionFacts version={version} />
          <SignatureTable signature={version.signature} />
        </div>
        <GateResultsCard version={version} />
        <div className="reg-two">
          <section className="card" aria-labelledby="reg-fairness-title">
            <div className="card-header">
              <h2 id="reg-fairness-title">Fairness by group</h2>
            </div>
            <RegFairnessCharts results={results} checks={policy?.checks} />
          </section>
          <section className="card" aria-labelledby="reg-importance-title">
            <div className="card-header">
              <h2 id="reg-importance-title">Feature importances</h2>
            </div>
            <RegImportanceChart importances={version.featureImportances} />
          </section>
        </div>
        <div className="reg-two reg-two-wide-left">
          <section className="card" aria-labelledby="reg-card-title">
            <div className="card-header">
              <h2 id="reg-card-title">Model card</h2>
            </div>
            <div className="card-body">
              <RegMarkdown source={version.cardMarkdown} />
            </div>
          </section>
          <VersionRequests requests={version.requests} now={query.dataUpdatedAt} />
        </div>
        <section className="card" aria-labelledby="reg-lineage-title">
          <div className="card-header">
            <h2 id="reg-lineage-title">Lineage</h2>
            <span className="small muted">dataset → run → version → alias</span>
          </div>
          {lineage.data ? (
            <RegLineageGraph nodes={lineage.data.nodes} edges={lineage.data.edges} focusId={`version:${version.id}`} />
          ) : (
            <p className="card-body muted">{lineage.error ? lineage.error.message : 'Loading lineage…'}</p>
          )}
        </section>
      </div>
      {requesting && model.data && (
        <RequestPromotionDialog
          modelName={version.modelName}
          version={version}
          aliases={model.data.aliases.map((a) => ({ alias: a.alias, version: a.version }))}
          approvals={policy?.approvals ?? []}
          onClose={() => setRequesting(false)}
        />
      )}
    </div>
  );
}
