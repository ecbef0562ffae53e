// The demo registry over ten weeks: three models with gate policies, versions registered
// from the best run finished by then, promotions through the quorum, a fraud-detector
// rollback that the compliance lead reviews (after which v2's re-evaluation fails
// fairness), and one churn-classifier request waiting for sign-off. Every step runs in
// time order with its own simulated clock, so gates compare against the production
// version of their day.
import { experimentList, runSearchIds, runsWithData, teamListWithMembers, type Database, type RunWithData } from '@quorum/db';
import type { GatePolicy } from '@quorum/domain';
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { Clock, ServiceContext } from '../services/context';
import { gateReport } from '../services/gates';
import { aliasRollback, promotionApply, promotionDecide, promotionRequest } from '../services/promotions';
import { modelCreate, versionCreate } from '../services/registry';
import { seededRandom, type Random } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;

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

interface ModelPlan {
  name: string;
  metric: string;
  lowerIsBetter: boolean;
  team: string;
  risk: 'low' | 'medium' | 'high';
  /** Who registers the versions and asks for their promotion. */
  owner: string;
  fairness: { attribute: string; groups: string[] } | null;
  /** Median latency of the evaluation's load test, in ms. */
  latencyMs: number;
  /** Days before now each version is registered, and the selection-rate gap its fairness evaluation shows. */
  versions: { daysAgo: number; gap: number }[];
  /** Versions (1-based) moved to production through the quorum, when they were requested, and why (from the version's metric and the one it replaces). */
  promotions: { version: number; daysAgo: number; justification: (value: string, previous: string | null) => string }[];
}

/** The story in days before now; the production history that demo/production.ts monitors follows from it. */
export const DEMO_MODELS: ModelPlan[] = [
  {
    name: 'churn-classifier',
    metric: 'val_auc',
    lowerIsBetter: false,
    team: 'Subscriptions',
    risk: 'medium',
    owner: 'ana.silva',
    fairness: { attribute: 'age_band', groups: ['18-29', '30-49', '50+'] },
    latencyMs: 20,
    versions: [
      { daysAgo: 64.5, gap: 0.02 },
      { daysAgo: 33, gap: 0.03 },
      { daysAgo: 6, gap: 0.02 },
    ],
    promotions: [
      { version: 1, daysAgo: 62.4, justification: (v) => `v1 replaces the rules-based churn score: val_auc ${v} on the Q3 snapshot, fairness and latency inside policy.` },
      { version: 2, daysAgo: 30.4, justification: (v, p) => `v2 beats v1 on val_auc (${v} against ${p}) with fairness and latency inside policy.` },
    ],
  },
  {
    name: 'fraud-detector',
    metric: 'val_pr_auc',
    lowerIsBetter: false,
    team: 'Risk',
    risk: 'high',
    owner: 'chidi.okafor',
    fairness: { attribute: 'country', groups: ['DE', 'FR', 'NL', 'US'] },
    latencyMs: 11,
    versions: [
      { daysAgo: 66.5, gap: 0.02 },
      { daysAgo: 25, gap: 0.04 },
    ],
    promotions: [
      { version: 1, daysAgo: 64.4, justification: (v) => `First network to replace the rules engine: PR-AUC ${v} on the holdout, p99 latency inside the 30 ms budget.` },
      { version: 2, daysAgo: 22.4, justification: (v, p) => `v2 lifts PR-AUC from ${p} to ${v} on the Q3 holdout; fairness across countries inside policy.` },
    ],
  },
  {
    name: 'demand-forecaster',
    metric: 'val_mape',
    lowerIsBetter: true,
    team: 'Supply chain',
    risk: 'low',
    owner: 'emil.nowak',
    fairness: null,
    latencyMs: 80,
    versions: [
      { daysAgo: 63.5, gap: 0 },
      { daysAgo: 12, gap: 0 },
    ],
    // v2 stays registered without a request: the browser test asks for its promotion.
    promotions: [{ version: 1, daysAgo: 61.4, justification: (v) => `v1 replaces the spreadsheet forecast: MAPE ${v} on the same backtest.` }],
  },
];

/** fraud-detector v2 serves production for three days to the hour (it went live 22.275 days ago), then is rolled back. */
export const DEMO_ROLLBACK = {
  model: 'fraud-detector',
  daysAgo: 19.275,
  reason: 'Precision dropped on DE traffic after the v2 promotion: false positives on German card-present transactions doubled. Rolling back to v1 while Risk investigates.',
};

/** Rows of (yTrue, yPred, group) whose selection rates differ by `gap` for the last group. */
export function fairnessRows(rng: Random, groups: string[], gap: number, n = 2_000) {
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

/** A load test's latencies (ms), log-normal around the median. */
export const latencies = (rng: Random, median: number, n = 500) => Array.from({ length: n }, () => Math.round(10 * median * Math.exp(0.35 * rng.normal())) / 10);
/** The demo's stand-in artifact digest: sha256 of the model and run. */
export const demoArtifactSha = (text: string) => createHash('sha256').update(text).digest('hex');

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

export interface DemoRegistry {
  models: Record<string, { modelId: number; versionIds: number[] }>;
  /** churn-classifier v3's request, still waiting for sign-off. */
  pendingRequestId: number;
}

export async function demoRegistry(db: Database, clock: Clock, people: Map<string, Actor>): Promise<DemoRegistry> {
  const rng = seededRandom(5_2026);
  const now = clock.now();
  const as = (handle: string, at: number): ServiceContext => ({ db, clock: { now: () => at }, actor: people.get(handle) ?? null });
  const teams = new Map((await teamListWithMembers(db)).map((t) => [t.name, t.id]));
  const experiments = new Map((await experimentList(db, { includeArchived: true })).map((e) => [e.name, e.id]));
  const models: DemoRegistry['models'] = {};
  const metricOf = new Map<number, number>();
  let pendingRequestId = 0;

  // Every step of every model, run in time order below.
  const steps: { at: number; step: () => Promise<void> }[] = [];
  const at = (daysAgo: number, step: () => Promise<void>) => steps.push({ at: now - daysAgo * DAY, step });

  for (const plan of DEMO_MODELS) {
    const finished = await finishedRuns(db, experiments.get(plan.name)!, plan);
    const entry = { modelId: 0, versionIds: [] as number[] };
    models[plan.name] = entry;
    let previous: number | null = null;

    at(plan.versions[0]!.daysAgo + 2, async () => {
      const model = await modelCreate(as('marco.rossi', now - (plan.versions[0]!.daysAgo + 2) * DAY), {
        name: plan.name,
        description: `Registered ${plan.name}; deploy only from this registry.`,
        ownerTeamId: teams.get(plan.team) ?? null,
        tags: { team: plan.team.toLowerCase().replace(' ', '-') },
        riskRating: plan.risk,
        gatePolicy: POLICIES[plan.name],
      });
      entry.modelId = model.id;
    });

    for (const [i, v] of plan.versions.entries()) {
      at(v.daysAgo, async () => {
        const registeredAt = now - v.daysAgo * DAY;
        // The best run finished by then that improves on the last version, so each version beats the one before.
        const better = (x: number) => previous === null || (plan.lowerIsBetter ? x < previous - 0.001 : x > previous + 0.001);
        const run = finished.find((r) => r.endTime !== null && r.endTime < registeredAt - HOUR && better(r.metrics[plan.metric]!.value));
        if (!run) throw new Error(`No finished ${plan.name} run before ${new Date(registeredAt).toISOString()} improves on v${i}; the demo timeline and sweep disagree`);
        const value = run.metrics[plan.metric]!.value;
        previous = value;
        const version = await versionCreate(as(plan.owner, registeredAt), {
          modelId: entry.modelId,
          runId: run.id,
          artifactUri: `s3://quorum-demo/models/${plan.name}/${run.id}/model.pkl`,
          artifactSha256: demoArtifactSha(`${plan.name}:${run.id}`),
          artifactSize: 1_000_000 + Math.floor(rng.next() * 9_000_000),
          signature: { inputs: [{ name: 'features', type: 'tensor<float32>[-1, 24]' }], outputs: [{ name: 'score', type: 'float32' }] },
          cardMarkdown: card(plan.name, run, plan.metric, value),
          featureImportances: ['tenure_months', 'monthly_spend', 'support_tickets', 'plan', 'region'].map((feature, k) => ({ feature, importance: Number((0.4 / (k + 1) + 0.02 * rng.next()).toFixed(4)) })),
          description: `From run ${run.name}`,
        });
        entry.versionIds.push(version.id);
        metricOf.set(version.id, value);
        const fairness = plan.fairness && { [plan.fairness.attribute]: fairnessRows(rng, plan.fairness.groups, v.gap) };
        // CI posts the evaluation half a day later; the gates judge it against that day's production version.
        await gateReport(as('priya.nair', registeredAt + DAY / 2), {
          versionId: version.id,
          evidence: { metrics: { [plan.metric]: value }, latencyMs: latencies(rng, plan.latencyMs), ...(fairness && { fairness }) },
        });
      });
    }

    for (const p of plan.promotions) {
      at(p.daysAgo, async () => {
        const t = now - p.daysAgo * DAY;
        const metric = (n: number) => metricOf.get(entry.versionIds[n - 1]!)!.toFixed(3);
        const justification = p.justification(metric(p.version), p.version > 1 ? metric(p.version - 1) : null);
        const request = await promotionRequest(as(plan.owner, t), { versionId: entry.versionIds[p.version - 1]!, alias: 'production', justification });
        const roles = POLICIES[plan.name]!.approvals.map((a) => a.role);
        if (roles.includes('mlops_engineer')) {
          await promotionDecide(as('marco.rossi', t + HOUR), { requestId: request.id, decision: 'approve', role: 'mlops_engineer', comment: 'Gates green; canary looked fine.' });
        }
        await promotionDecide(as('clara.schmidt', t + 2 * HOUR), { requestId: request.id, decision: 'approve', role: 'compliance_lead', comment: 'Evidence reviewed: gates green, card complete.' });
        await promotionApply(as('marco.rossi', t + 3 * HOUR), request.id);
      });
    }
  }

  at(DEMO_ROLLBACK.daysAgo, async () => {
    await aliasRollback(as('marco.rossi', now - DEMO_ROLLBACK.daysAgo * DAY), { modelId: models[DEMO_ROLLBACK.model]!.modelId, alias: 'production', reason: DEMO_ROLLBACK.reason });
  });
  // After the rollback CI re-evaluates v2 on recent traffic: its country fairness now fails,
  // with the gap on DE, and its p99 latency is over budget as in production, so the version
  // cannot be promoted again as it is.
  at(DEMO_ROLLBACK.daysAgo - 1, async () => {
    const v2 = models['fraud-detector']!.versionIds[1]!;
    await gateReport(as('priya.nair', now - (DEMO_ROLLBACK.daysAgo - 1) * DAY), {
      versionId: v2,
      evidence: { metrics: { val_pr_auc: metricOf.get(v2)! }, latencyMs: latencies(rng, 16), fairness: { country: fairnessRows(rng, ['FR', 'NL', 'US', 'DE'], 0.2) } },
    });
  });
  // churn-classifier v3 waits for the compliance lead (the compliance home and browser tests rely on it).
  at(1, async () => {
    const request = await promotionRequest(as('marco.rossi', now - DAY), {
      versionId: models['churn-classifier']!.versionIds[2]!,
      alias: 'production',
      justification: 'v3 lifts val_auc again; gates are green. Requesting production after two days in staging.',
    });
    pendingRequestId = request.id;
  });

  // A stable sort: steps at the same moment keep the order they were planned in.
  steps.sort((a, b) => a.at - b.at);
  for (const s of steps) await s.step();
  return { models, pendingRequestId };
}

/** The experiment's finished runs, best first by the model's metric. */
async function finishedRuns(db: Database, experimentId: number, plan: ModelPlan): Promise<RunWithData[]> {
  const { ids } = await runSearchIds(db, {
    experimentIds: [experimentId],
    filter: { type: 'compare', field: { kind: 'attribute', name: 'status' }, op: '=', value: { type: 'string', value: 'FINISHED' }, span: { start: 0, end: 0 } },
    sort: { field: { kind: 'metric', key: plan.metric }, direction: plan.lowerIsBetter ? 'asc' : 'desc' },
    limit: 1_000,
    offset: 0,
  });
  return (await runsWithData(db, ids)).filter((r) => r.metrics[plan.metric] !== undefined);
}
