// The retraining pipeline's side of the drift episode: CI trains a fraud network on recent
// transactions with the run tags the trigger carried, and the next morning a data scientist
// registers it as a new version while CI posts its evaluation. Nothing promotes it: the
// version waits for someone to ask for production.
import { experimentList, runsWithData } from '@quorum/db';
import type { ServiceContext } from '../services/context';
import { gateReport } from '../services/gates';
import { logBatch } from '../services/log-batch';
import { versionCreate } from '../services/registry';
import { runCreate, runUpdate } from '../services/runs';
import { fraudTrain } from './curves';
import { demoRetrainDatasetProfile } from './datasets';
import type { Random } from './random';
import { demoArtifactSha, fairnessRows, latencies } from './registry';

/** The settings the pipeline trains with: the sweep's best region, on fresh data. */
const RETRAIN = { lr: 0.001, batch: 512, hidden: 512, dropout: 0.2, optimizer: 'adamw' };

/** Trains in the fraud experiment, tagged as the trigger asked so lineage can say why; returns the run id. */
export async function demoRetrainRun(ctx: ServiceContext, rng: Random, trigger: { reason: string; runTags: Record<string, string> }, alertId: number): Promise<string> {
  const experiment = (await experimentList(ctx.db, { includeArchived: true })).find((e) => e.name === 'fraud-detector')!;
  const demo = fraudTrain(rng, 0, RETRAIN);
  const start = ctx.clock.now();
  const duration = demo.metrics.reduce((m, p) => Math.max(m, p.timestamp), 0);
  const tags = { ...demo.tags, ...trigger.runTags, 'quorum.retrain.reason': trigger.reason, 'mlflow.source.type': 'JOB' };
  const run = await runCreate(ctx, {
    experimentId: experiment.id,
    name: `retrain-mlp-${RETRAIN.hidden}-${RETRAIN.optimizer}-alert-${alertId}`,
    startTime: start,
    sourceCommit: demo.commit,
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
  });
  const end: ServiceContext = { ...ctx, clock: { now: () => start + duration } };
  await logBatch(end, {
    runId: run.id,
    metrics: demo.metrics.map((m) => ({ ...m, timestamp: start + m.timestamp })),
    params: Object.entries(demo.params).map(([key, value]) => ({ key, value })),
    tags: [],
    inputs: [
      { name: 'card-transactions', digest: 'e3b7a915', source: 'warehouse://risk.transactions_last_90d', sourceType: 'delta', context: 'train', profile: demoRetrainDatasetProfile() },
      { name: 'card-transactions-holdout', digest: '90ad33c2', source: 'warehouse://risk.transactions_2026q3_holdout', sourceType: 'delta', context: 'eval' },
    ],
  });
  await runUpdate(end, { runId: run.id, status: 'FINISHED', endTime: start + duration + 1_000 });
  return run.id;
}

/** Registers the run as the model's next version (as `ctx`), and CI reports its evidence (as `ci`); returns the version id. */
export async function demoRetrainRegister(ctx: ServiceContext, ci: ServiceContext, rng: Random, r: { modelId: number; runId: string; alertId: number }): Promise<number> {
  const [run] = await runsWithData(ctx.db, [r.runId]);
  const prAuc = run!.metrics.val_pr_auc!.value;
  const version = await versionCreate(ctx, {
    modelId: r.modelId,
    runId: r.runId,
    artifactUri: `s3://quorum-demo/models/fraud-detector/${r.runId}/model.pkl`,
    artifactSha256: demoArtifactSha(`fraud-detector:${r.runId}`),
    artifactSize: 6_204_118,
    signature: { inputs: [{ name: 'features', type: 'tensor<float32>[-1, 24]' }], outputs: [{ name: 'score', type: 'float32' }] },
    cardMarkdown: [
      '# fraud-detector',
      '',
      `Retrained by run **${run!.name}** after alert #${r.alertId} asked for it: transaction amounts in production had moved away from the Q3 training data.`,
      '',
      '## Evaluation',
      `val_pr_auc = ${prAuc.toFixed(4)} on the Q3 holdout.`,
      '',
      '## Limitations',
      'Trained on the last 90 days; re-check fairness across countries before promoting.',
    ].join('\n'),
    description: `Retrained from run ${run!.name} (alert #${r.alertId})`,
  });
  await gateReport(ci, {
    versionId: version.id,
    evidence: { metrics: { val_pr_auc: prAuc }, latencyMs: latencies(rng, 11), fairness: { country: fairnessRows(rng, ['DE', 'FR', 'NL', 'US'], 0.03) } },
  });
  return version.id;
}
