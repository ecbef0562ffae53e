// `quorum import mlflow`: copies experiments, runs (params, tags, metric histories,
// dataset inputs) and registered models from an MLflow source into Quorum. Resumable and
// idempotent: see run-import.ts for runs and registry-import.ts for the registry.
import { policyAllows } from '@quorum/domain';
import { TRPCClientError } from '@trpc/client';
import type { QuorumApi } from '../client';
import type { Quorum } from '../quorum';
import { progressSilent, type ImportProgress } from './progress';
import { ModelImportError, RegistryImporter, RegistryUnavailableError, type RegistryCounts } from './registry-import';
import { failureIsFatal, withRetry } from './retry';
import { runImport, type RunImportContext } from './run-import';
import { ImportInputError, type MlflowExperiment, type MlflowRun, type MlflowSource } from './source';

const DESCRIPTION_TAG = 'mlflow.note.content';
const RUN_CONCURRENCY = 4;
const TAGS_PER_CALL = 100;

export interface MlflowImportOptions {
  source: MlflowSource;
  /** Where to import to (its URL and token are also used for the MLflow registry endpoints). */
  quorum: Quorum;
  /** Import only these experiments (by name); the model registry is then left out. */
  experiments?: readonly string[];
  /** Read everything and count what would be imported, write nothing. */
  dryRun?: boolean;
  progress?: ImportProgress;
  /** Runs imported at the same time (default 4): overlaps reading, encoding and the server's work. */
  concurrency?: number;
}

export interface ImportSummary extends RegistryCounts {
  source: string;
  dryRun: boolean;
  experimentsCreated: number;
  experimentsExisting: number;
  experimentsDeleted: number;
  runsImported: number;
  runsResumed: number;
  runsExisting: number;
  runsDeleted: number;
  runsFailed: number;
  pointsImported: number;
  pointsExisting: number;
  /** Why the registry was not imported, when it was not. */
  registrySkipped: string | null;
  /** One line per run or model that could not be imported. */
  failures: string[];
}

interface Planned {
  experiment: MlflowExperiment;
  runs: MlflowRun[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Calls `fn` for every item with at most `limit` at once, in order of start. After a
 * failure no new item starts; the ones in flight finish, then the first failure is thrown.
 */
async function eachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}

/** What an import writes through the tRPC API (the registry goes through the MLflow endpoints). */
const WRITES = ['experiments.create', 'runs.create', 'runs.logBatch', 'runs.update'] as const;

/** Checks that Quorum answers, the token is accepted and may write runs, before anything is written. */
async function quorumCheck(api: QuorumApi, url: string, dryRun: boolean): Promise<void> {
  let me: Awaited<ReturnType<QuorumApi['auth']['me']['query']>>;
  try {
    me = await api.auth.me.query();
  } catch (error) {
    const cause = error instanceof TRPCClientError && error.cause ? ` (${message(error.cause)})` : '';
    throw new Error(`Cannot reach Quorum at ${url}: ${message(error)}${cause}`);
  }
  if (!me) throw new Error(`Quorum at ${url} did not accept the token: set QUORUM_TOKEN to a valid API token`);
  if (dryRun) return;
  for (const action of WRITES) {
    const decision = policyAllows(action, me.roles);
    if (!decision.allowed) throw new Error(`${me.email} may not import runs into Quorum (${action}): ${decision.reason}`);
  }
}

/**
 * The Quorum experiment of the same name, found or created with MLflow's description and
 * tags. Tags it lacks are added (never overwritten), so a cut-short create is completed.
 */
async function experimentResolve(api: QuorumApi, experiment: MlflowExperiment, dryRun: boolean): Promise<{ id: number | null; created: boolean }> {
  const find = async () => (await withRetry(() => api.experiments.list.query({ includeArchived: true, query: experiment.name }))).find((e) => e.name === experiment.name);
  const description = experiment.tags[DESCRIPTION_TAG];
  const tags = Object.entries(experiment.tags)
    .filter(([key]) => key !== DESCRIPTION_TAG)
    .map(([key, value]) => ({ key, value }));
  let target = await find();
  let created = false;
  if (target?.archivedAt != null) throw new ImportInputError(`The Quorum experiment "${experiment.name}" is archived; restore it to import its runs`);
  if (!target) {
    if (dryRun) return { id: null, created: true };
    try {
      target = await withRetry(() =>
        api.experiments.create.mutate({ name: experiment.name, ...(description && { description: description.slice(0, 5_000) }), tags: tags.slice(0, TAGS_PER_CALL) }),
      );
      created = true;
    } catch (error) {
      // Created meanwhile (another import, or an earlier attempt whose answer was lost).
      target = await find();
      if (!target) throw error;
    }
  }
  const missing = tags.filter((t) => !Object.hasOwn(target.tags, t.key));
  for (let i = 0; i < missing.length && !dryRun; i += TAGS_PER_CALL) {
    const id = target.id;
    await withRetry(() => api.experiments.setTags.mutate({ id, set: missing.slice(i, i + TAGS_PER_CALL) }));
  }
  return { id: target.id, created };
}

async function plan(source: MlflowSource, only: readonly string[] | undefined, summary: ImportSummary): Promise<Planned[]> {
  const all: MlflowExperiment[] = [];
  for await (const e of source.experiments()) all.push(e);
  if (only && only.length > 0) {
    const missing = only.filter((name) => !all.some((e) => e.name === name));
    if (missing.length > 0) {
      throw new ImportInputError(`No experiment named ${missing.map((n) => `"${n}"`).join(', ')} in ${source.label}; it has ${all.map((e) => `"${e.name}"`).join(', ') || 'none'}`);
    }
  }
  const planned: Planned[] = [];
  for (const experiment of all) {
    if (only && only.length > 0 && !only.includes(experiment.name)) continue;
    if (experiment.lifecycleStage === 'deleted') {
      summary.experimentsDeleted++;
      continue;
    }
    const runs: MlflowRun[] = [];
    for await (const run of source.runs(experiment)) {
      if (run.lifecycleStage === 'deleted') summary.runsDeleted++;
      else runs.push(run);
    }
    planned.push({ experiment, runs });
  }
  return planned;
}

export async function mlflowImport(options: MlflowImportOptions): Promise<ImportSummary> {
  const { source, dryRun = false } = options;
  const progress = options.progress ?? progressSilent;
  const { api } = options.quorum;
  const summary: ImportSummary = {
    source: source.label,
    dryRun,
    experimentsCreated: 0,
    experimentsExisting: 0,
    experimentsDeleted: 0,
    runsImported: 0,
    runsResumed: 0,
    runsExisting: 0,
    runsDeleted: 0,
    runsFailed: 0,
    pointsImported: 0,
    pointsExisting: 0,
    modelsImported: 0,
    modelsExisting: 0,
    versionsImported: 0,
    versionsExisting: 0,
    stagesRecorded: 0,
    aliasesRecorded: 0,
    placeholders: 0,
    placeholdersKept: 0,
    registrySkipped: null,
    failures: [],
  };
  const fail = (line: string) => {
    summary.failures.push(line);
    progress.note(`failed: ${line}`);
  };

  await source.check();
  await quorumCheck(api, options.quorum.url, dryRun);
  const planned = await plan(source, options.experiments, summary);

  progress.start(planned.reduce((n, p) => n + p.runs.length, 0));
  try {
    const work: { experiment: MlflowExperiment; experimentId: number | null; run: MlflowRun }[] = [];
    for (const { experiment, runs } of planned) {
      try {
        const resolved = await experimentResolve(api, experiment, dryRun);
        if (resolved.created) summary.experimentsCreated++;
        else summary.experimentsExisting++;
        for (const run of runs) work.push({ experiment, experimentId: resolved.id, run });
      } catch (error) {
        if (failureIsFatal(error)) throw error;
        fail(`experiment "${experiment.name}" (${runs.length} runs not imported): ${message(error)}`);
        summary.runsFailed += runs.length;
        for (let i = 0; i < runs.length; i++) progress.runDone();
      }
    }
    await eachConcurrently(work, options.concurrency ?? RUN_CONCURRENCY, async ({ experiment, experimentId, run }) => {
      progress.current(`${experiment.name}/${run.name || run.id}`);
      const ctx: RunImportContext = { api, source, experimentId, dryRun, onPoints: (n) => progress.points(n) };
      try {
        const result = await runImport(ctx, run);
        if (result.outcome === 'imported') summary.runsImported++;
        else if (result.outcome === 'resumed') summary.runsResumed++;
        else summary.runsExisting++;
        summary.pointsImported += result.pointsImported;
        summary.pointsExisting += result.pointsExisting;
      } catch (error) {
        if (failureIsFatal(error)) throw error;
        summary.runsFailed++;
        fail(`run ${run.id} (${experiment.name}/${run.name}): ${message(error)}`);
      }
      progress.runDone();
    });

    if (options.experiments && options.experiments.length > 0) {
      summary.registrySkipped = 'only some experiments were imported (--experiment), and model versions may point at runs in any of them';
    } else {
      const registry = new RegistryImporter(options.quorum, api, source.label, dryRun);
      for await (const model of source.registeredModels()) {
        progress.current(`model ${model.name}`);
        try {
          await registry.importModel(model, summary);
        } catch (error) {
          if (error instanceof RegistryUnavailableError) {
            fail(error.message);
            break;
          }
          if (failureIsFatal(error)) throw error;
          fail(error instanceof ModelImportError ? error.message : `model "${model.name}": ${message(error)}`);
        }
      }
    }
  } finally {
    progress.stop();
  }
  return summary;
}
