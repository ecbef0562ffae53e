// /approvals/:requestId — everything needed to decide one promotion on one screen: the
// request, its quorum and the decision (or apply) panel beside the evidence: gate results,
// a diff against what the alias serves now, product owners' KPI comments, fairness per group,
// importances, card, lineage.
import { Link, useParams } from 'react-router';
import type { Role } from '@quorum/domain';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { RegGateBadge, RegStateBadge } from '../../components/reg-badges';
import { RegFairnessCharts } from '../../components/reg-fairness-chart';
import { regGateResults } from '../../components/reg-gate';
import { RegGateTable } from '../../components/reg-gate-table';
import { RegImportanceChart } from '../../components/reg-importance-chart';
import { RegLineageGraph } from '../../components/reg-lineage-graph';
import { RegMarkdown } from '../../components/reg-markdown';
import { EmptyState, ErrorBox, Skeleton } from '../../components/states';
import { useSession } from '../../lib/session';
import { useLineage, useModel, usePromotion, useVersion } from './api/use-promotions';
import { ApplyPanel, WithdrawControl } from './components/apply-panel';
import { DecisionPanel } from './components/decision-panel';
import { EvidenceCard } from './components/evidence-card';
import { KpiCommentsEvidence } from './components/kpi-comments-evidence';
import { QuorumCard } from './components/quorum-card';
import { RequestFacts } from './components/request-header';
import { VersionDiff } from './components/version-diff';
import { decisionState } from './utils/decision';

export function PromotionRequestPage() {
  const requestId = Number(useParams().requestId);
  const valid = Number.isSafeInteger(requestId) && requestId > 0;
  const { user } = useSession();
  const query = usePromotion(valid ? requestId : 0);
  const request = query.data;
  const version = useVersion(request?.versionId);
  const model = useModel(request?.modelId);
  const alias = model.data?.aliases.find((a) => a.alias === request?.alias) ?? null;
  // Once applied, the alias serves the candidate itself; the diff is against what it replaced.
  const replaced = model.data?.timeline.find((m) => m.requestId === request?.id)?.previousVersionId ?? null;
  const currentId = request?.state === 'applied' ? replaced : alias && alias.versionId !== request?.versionId ? alias.versionId : null;
  const current = useVersion(currentId);
  const lineage = useLineage(request?.versionId);

  if (!request) {
    const code = query.error?.data?.code;
    return (
      <div className="page">
        {!valid || code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
          <EmptyState title="Request not found">
            <p>{valid ? query.error?.message : 'The address does not name a promotion request.'}</p>
            <Link to="/approvals">Back to the approval queue</Link>
          </EmptyState>
        ) : query.error ? (
          <ErrorBox error={idReadableError(query.error)} onRetry={() => void query.refetch()} />
        ) : (
          <div className="stack" aria-busy="true" aria-label="Loading request">
            <Skeleton height={14} width={200} />
            <Skeleton height={26} width={380} />
            <Skeleton height={160} />
          </div>
        )}
      </div>
    );
  }

  const v = version.data;
  const results = regGateResults(v?.gate);
  const decision = decisionState({
    user: { id: user.id, roles: user.roles },
    request,
    policyRoles: request.policy.approvals.map((a) => a.role as Role),
    approvals: request.approvals,
    builders: v ? { createdBy: v.createdBy, runCreatedBy: v.run?.createdBy ?? null } : null,
    gatesPassed: v ? (v.gate?.passed ?? null) : null,
  });
  const now = query.dataUpdatedAt;
  const previous = current.data ?? null;
  const before = previous ? { id: previous.id, version: previous.version } : null;

  return (
    <div className="page">
      <PageHeader
        crumbs={
          <>
            <Link to="/approvals">Approvals</Link> <span aria-hidden>/</span> #{request.id}
          </>
        }
        title={
          <span className="row">
            {request.modelName} → {request.alias}
            <RegStateBadge state={request.state} />
          </span>
        }
        description={`${request.state === 'applied' ? 'Promoted' : 'Promote'} v${v?.version ?? '…'} to ${request.alias}${before ? `, replacing v${before.version}` : ''}.`}
        actions={<WithdrawControl request={request} />}
      />
      <div className="reg-request-layout">
        <div className="stack reg-request-main">
          <RequestFacts request={request} version={v?.version ?? null} current={before} now={now} />
          <EvidenceCard title="Gate results" badge={<RegGateBadge gate={v?.gate} />}>
            <RegGateTable results={results} evaluatedAt={v?.gate?.evaluatedAt} />
          </EvidenceCard>
          <EvidenceCard title={request.state === 'applied' ? 'Against the version it replaced' : `Against what ${request.alias} serves now`}>
            {v && model.data && (!currentId || previous) ? <VersionDiff candidate={v} current={previous} alias={request.alias} currentLabel={request.state === 'applied' ? 'replaced' : `${request.alias} now`}
                emptyNote={request.state === 'applied' ? `${request.alias} served no version before this one: there is nothing to compare with.` : undefined}
              /> : <p className="card-body muted">Loading…</p>}
          </EvidenceCard>
          <KpiCommentsEvidence comments={request.kpiComments} now={now} />
          <div className="reg-two">
            <EvidenceCard title="Fairness by group">
              <RegFairnessCharts results={results} checks={request.policy.checks} />
            </EvidenceCard>
            <EvidenceCard title="Feature importances">
              <RegImportanceChart importances={v?.featureImportances} />
            </EvidenceCard>
          </div>
          <EvidenceCard title="Model card">
            <div className="card-body">
              <RegMarkdown source={v?.cardMarkdown ?? ''} />
            </div>
          </EvidenceCard>
          <EvidenceCard title="Lineage">
            {lineage.data ? <RegLineageGraph nodes={lineage.data.nodes} edges={lineage.data.edges} focusId={`version:${request.versionId}`} /> : <p className="card-body muted">Loading lineage…</p>}
          </EvidenceCard>
        </div>
        <aside className="stack reg-request-aside" aria-label="Sign-off">
          <QuorumCard request={request} />
          {request.state === 'pending' && <DecisionPanel key={request.id} requestId={request.id} decision={decision} />}
          {(request.state === 'approved' || request.state === 'applied') && <ApplyPanel request={request} version={v?.version ?? null} />}
          {(request.state === 'rejected' || request.state === 'withdrawn' || request.state === 'expired') && (
            <section className="card reg-outcome" aria-label="Outcome">
              <p className="card-body reg-no-margin">
                This request was {request.state}
                {request.decidedAt ? ` on ${new Date(request.decidedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}` : ''}. {request.alias} was not moved.
              </p>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
