// The demo registry: three models with gate policies, versions registered from the best
// runs, evidence (one fraud version fails fairness), an applied promotion history for
// churn-classifier and one request waiting for the compliance lead.
import { runSearchIds, runsWithData, teamListWithMembers, type Database } from '@quorum/db';
import type { GatePolicy } from '@quorum/domain';
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { Clock, ServiceContext } from '../services/context';
import { gateCheck, gateReport } from '../services/gates';
import { promotionApply, promotionDecide, promotionRequest } from '../services/promotions';
import { modelCreate, versionCreate } from '../services/registry';
import { seededRandom, type Random } from './random';

const DAY = 86_400_000;

const POLICIES: Record<string, GatePolicy> = {
  'churn-classifier': {
    checks: [
      { kind: 'metric', id: 'auc', metric: 'val_auc', op: '>=', threshold: 0.85 },
      { kind: 'champion', id: 'beats-production', metric: 'val_auc', alias: 'production', minDelta: 0.001, higherIsBetter: true },
      { kind: 'fairness', id: 'parity-age', attribute: 'age_band', measure: 'demographic_parity_difference', op: '<=', threshold: 0.1 },
      { kind: 'fairness', id: 'impact-age', attribute: 'age_band', measure: 'disparate_impact_min', op: '>=', threshold: 0.8 },
      { kind: 'drift', id: 'eval-vs-train', reference: 'training', maxDriftedShare: 0.5 },
      { kind: 'latency', id: 'p95', percentile: 95, maxMs: 50 },
    ],
    approvals: [
      { role: 'compliance_lead', count: 1 },
      { role: 'mlops_engineer', count: 1 },
    ],
  },
  'fraud-detector': {
    checks: [
      { kind: 'metric', id: 'pr-auc', metric: 'val_pr_auc', op: '>=', threshold: 0.6 },
      { kind: 'fairness', id: 'impact-country', attribute: 'country', measure: 'disparate_impact_min', op: '>=', threshold: 0.8 },
      { kind: 'latency', id: 'p99', percentile: 99, maxMs: 30 },
    ],
    approvals: [
      { role: 'compliance_lead', count: 1 },
      { role: 'mlops_engineer', count: 1 },
    ],
  },
  'demand-forecaster': {
    checks: [
      { kind: 'metric', id: 'mape', metric: 'val_mape', op: '<=', threshold: 0.2 },
      { kind: 'latency', id: 'p95', percentile: 95, maxMs: 200 },
    ],
    approvals: [{ role: 'compliance_lead', count: 1 }],
  },
};

/** Rows of (yTrue, yPred, group) whose selection rates differ by `gap` for the last group. */
function fairnessRows(rng: Random, groups: string[], gap: number, n = 2_000) {
  const yTrue: (0 | 1)[] = [];
  const yPred: (0 | 1)[] = [];
  const group: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = groups[i % groups.length]!;
    const base = 0.3 - (g === groups[groups.length - 1] ? gap : 0);
    const t = rng.next() < 0.3 ? 1 : 0;
    const p = rng.next() < (t ? base + 0.55 : base * 0.3) ? 1 : 0;
    yTrue.push(t);
    yPred.push(p);
    group.push(g);
  }
  return { yTrue, yPred, group };
}

const latencies = (rng: Random, median: number, n = 500) => Array.from({ length: n }, () => Math.round(10 * median * Math.exp(0.35 * rng.normal())) / 10);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function card(model: string, run: { name: string; params: Record<string, string> }, metric: string, value: number) {
  return [
    `# ${model}`,
    '',
    `Trained by run **${run.name}** with ${Object.entries(run.params).map(([k, v]) => `${k}=${v}`).join(', ')}.`,
    '',
    '## Intended use',
    'Scores customers nightly; decisions above the threshold go to a human reviewer.',
    '',
    '## Evaluation',
    `${metric} = ${value.toFixed(4)} on the held-out evaluation set.`,
    '',
    '## Limitations',
    'Not validated for customers with less than one month of history.',
  ].join('\n');
}

export async function demoRegistry(db: Database, clock: Clock, people: Map<string, Actor>) {
  const rng = seededRandom(5_2026);
  const now = clock.now();
  const as = (handle: string, at: number): ServiceContext => ({ db, clock: { now: () => at }, actor: people.get(handle) ?? null });
  const teams = new Map((await teamListWithMembers(db)).map((t) => [t.name, t.id]));

  const specs = [
    { name: 'churn-classifier', experimentId: 1, metric: 'val_auc', team: 'Subscriptions', risk: 'medium' as const, versions: 3, fairness: ['18-29', '30-49', '50+'], gaps: [0.02, 0.03, 0.02] },
    { name: 'fraud-detector', experimentId: 2, metric: 'val_pr_auc', team: 'Risk', risk: 'high' as const, versions: 2, fairness: ['DE', 'FR', 'NL', 'US'], gaps: [0.02, 0.2] },
    { name: 'demand-forecaster', experimentId: 3, metric: 'val_mape', team: 'Supply chain', risk: 'low' as const, versions: 2, fairness: [], gaps: [] },
  ];
  const created: Record<string, { modelId: number; versionIds: number[] }> = {};
  for (const spec of specs) {
    const model = await modelCreate(as('marco.rossi', now - 20 * DAY), {
      name: spec.name,
      description: `Registered ${spec.name}; deploy only from this registry.`,
      ownerTeamId: teams.get(spec.team) ?? null,
      tags: { team: spec.team.toLowerCase().replace(' ', '-') },
      riskRating: spec.risk,
      gatePolicy: POLICIES[spec.name],
    });
    const lowerIsBetter = spec.metric === 'val_mape';
    const { ids } = await runSearchIds(db, {
      experimentIds: [spec.experimentId],
      filter: { type: 'compare', field: { kind: 'attribute', name: 'status' }, op: '=', value: { type: 'string', value: 'FINISHED' }, span: { start: 0, end: 0 } },
      sort: { field: { kind: 'metric', key: spec.metric }, direction: lowerIsBetter ? 'asc' : 'desc' },
      limit: 8,
      offset: 0,
    });
    // Older versions come from weaker runs, so each new version beats the last.
    const chosen = (await runsWithData(db, ids.slice(0, spec.versions * 2).filter((_, i) => i % 2 === 0))).reverse();
    const versionIds: number[] = [];
    for (const [i, run] of chosen.entries()) {
      const at = now - (18 - i * 6) * DAY;
      const value = run.metrics[spec.metric]!.value;
      const version = await versionCreate(as('ana.silva', at), {
        modelId: model.id,
        runId: run.id,
        artifactUri: `s3://quorum-demo/models/${spec.name}/${run.id}/model.pkl`,
        artifactSha256: sha(`${spec.name}:${run.id}`),
        artifactSize: 1_000_000 + Math.floor(rng.next() * 9_000_000),
        signature: { inputs: [{ name: 'features', type: 'tensor<float32>[-1, 24]' }], outputs: [{ name: 'score', type: 'float32' }] },
        cardMarkdown: card(spec.name, run, spec.metric, value),
        featureImportances: ['tenure_months', 'monthly_spend', 'support_tickets', 'plan', 'region'].map((feature, k) => ({ feature, importance: Number((0.4 / (k + 1) + 0.02 * rng.next()).toFixed(4)) })),
        description: `From run ${run.name}`,
      });
      versionIds.push(version.id);
      const fairness = spec.fairness.length ? { [spec.name === 'fraud-detector' ? 'country' : 'age_band']: fairnessRows(rng, spec.fairness, spec.gaps[i] ?? 0.02) } : undefined;
      await gateReport(as('priya.nair', at + DAY / 2), {
        versionId: version.id,
        evidence: { metrics: { [spec.metric]: value }, latencyMs: latencies(rng, spec.name === 'fraud-detector' ? 12 : 20), ...(fairness && { fairness }) },
      });
    }
    created[spec.name] = { modelId: model.id, versionIds };
  }

  // churn-classifier: v1 then v2 went to production through the quorum; v3 waits for sign-off.
  const churn = created['churn-classifier']!;
  for (const [i, versionId] of churn.versionIds.slice(0, 2).entries()) {
    const at = now - (16 - i * 6) * DAY;
    const request = await promotionRequest(as('ana.silva', at), { versionId, alias: 'production', justification: `v${i + 1} beats the current model on val_auc with fairness and latency inside policy.` });
    await promotionDecide(as('marco.rossi', at + 3_600_000), { requestId: request.id, decision: 'approve', role: 'mlops_engineer', comment: 'Gates green; canary looked fine.' });
    await promotionDecide(as('clara.schmidt', at + 7_200_000), { requestId: request.id, decision: 'approve', role: 'compliance_lead', comment: 'Evidence reviewed: fairness within policy, card complete.' });
    await promotionApply(as('marco.rossi', at + 10_800_000), request.id);
  }
  // Re-evaluated once v2 serves production, so v3's champion check compares against it.
  await gateCheck(as('priya.nair', now - 2 * DAY), churn.versionIds[2]!);
  await promotionRequest(as('marco.rossi', now - DAY), {
    versionId: churn.versionIds[2]!,
    alias: 'production',
    justification: 'v3 lifts val_auc again; gates are green. Requesting production after two days in staging.',
  });
  // demand-forecaster: v2 is ready for a promotion request (the browser test makes one).
  return created;
}
