// The demo workspace: three teams' experiments with a few hundred runs, learning
// curves of thousands of noisy steps (and the odd divergence), and their datasets.
// Written through the same service verbs as the API, so it exercises the real path.
import type { LogBatchInput } from '@quorum/contracts';
import type { Actor } from '../auth/actor';
import type { ServiceContext } from '../services/context';
import { experimentCreate } from '../services/experiments';
import { logBatch } from '../services/log-batch';
import { runCreate, runUpdate } from '../services/runs';
import { datasetUpload } from '../services/datasets';
import { demoRunDatasetProfiles, demoSnapshotDatasets } from './datasets';
import { seededRandom, type Random } from './random';
import { churnRun, demandRun, fraudRun, type DemoRun } from './curves';

export interface SeedStats {
  experiments: number;
  runs: number;
  points: number;
}

const DAY = 86_400_000;
const BATCH = 10_000;
/** The sweeps run over the last ten weeks, so the registry's versions (the first ~66 days ago) come from runs before them. */
const SWEEP_DAYS = 70;

interface DemoExperiment {
  name: string;
  description: string;
  runs: number;
  make: (rng: Random, index: number) => DemoRun;
}

export const DEMO_EXPERIMENTS: DemoExperiment[] = [
  {
    name: 'churn-classifier',
    description: 'Gradient-boosted churn model for the subscriptions team: hyperparameter sweep on the Q3 snapshot.',
    runs: 160,
    make: churnRun,
  },
  {
    name: 'fraud-detector',
    description: 'Card-transaction fraud network. Watch val_pr_auc; a few learning rates diverge.',
    runs: 60,
    make: fraudRun,
  },
  {
    name: 'demand-forecaster',
    description: 'Daily SKU demand forecast for the stores: model families compared on the same backtest.',
    runs: 40,
    make: demandRun,
  },
];

/** Fills the workspace, writing as the demo people (by email prefix) who would have done it. */
export async function demoSeed(ctx: ServiceContext, people: Map<string, Actor>): Promise<SeedStats> {
  const rng = seededRandom(20261127);
  const now = ctx.clock.now();
  const stats: SeedStats = { experiments: 0, runs: 0, points: 0 };
  // Each dataset's profile travels with the first run that logs it; later copies are ignored.
  const profiles = demoRunDatasetProfiles();
  const withProfile = (inputs: LogBatchInput['inputs']) =>
    inputs.map((ds) => {
      const profile = profiles[ds.name];
      delete profiles[ds.name];
      return profile ? { ...ds, profile } : ds;
    });
  for (const spec of DEMO_EXPERIMENTS) {
    const owner = people.get('ana.silva') ?? null;
    const experiment = await experimentCreate({ ...ctx, actor: owner, clock: { now: () => now - (SWEEP_DAYS + 2) * DAY } }, { name: spec.name, description: spec.description });
    stats.experiments++;
    for (let i = 0; i < spec.runs; i++) {
      const demo = spec.make(rng, i);
      const duration = demo.metrics.reduce((m, p) => Math.max(m, p.timestamp), 0);
      // Runs spread over the sweep's ten weeks in index order, until yesterday; a running one
      // started just long enough ago to be near its last logged step now.
      const start =
        demo.status === 'RUNNING' ? now - duration - 30_000 : now - SWEEP_DAYS * DAY + Math.floor(((i + rng.next()) / spec.runs) * (SWEEP_DAYS - 1) * DAY);
      // Writes carry the simulated time, so "last activity" matches the run's history.
      let simulated = start;
      const runCtx: ServiceContext = { db: ctx.db, clock: { now: () => simulated }, actor: people.get(demo.user) ?? null };
      const run = await runCreate(runCtx, {
        experimentId: experiment.id,
        name: demo.name,
        startTime: start,
        sourceCommit: demo.commit,
        tags: Object.entries(demo.tags).map(([key, value]) => ({ key, value })),
      });
      const points = demo.metrics.map((m) => ({ ...m, timestamp: start + m.timestamp }));
      for (let offset = 0; offset < Math.max(points.length, 1); offset += BATCH) {
        const batch: LogBatchInput = {
          runId: run.id,
          metrics: points.slice(offset, offset + BATCH),
          params: offset === 0 ? Object.entries(demo.params).map(([key, value]) => ({ key, value })) : [],
          tags: [],
          inputs: offset === 0 ? withProfile(demo.inputs) : [],
        };
        simulated = Math.min(now, start + duration);
        await logBatch(runCtx, batch);
      }
      stats.points += points.length;
      if (demo.status !== 'RUNNING') await runUpdate(runCtx, { runId: run.id, status: demo.status, endTime: start + duration + 1_000 });
      stats.runs++;
    }
  }
  const dataEngineer = { ...ctx, actor: people.get('dara.okoye') ?? null, clock: { now: () => now - DAY } };
  for (const snapshot of demoSnapshotDatasets()) await datasetUpload(dataEngineer, snapshot);
  return stats;
}
