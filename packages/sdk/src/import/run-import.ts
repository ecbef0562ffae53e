// Imports one MLflow run into Quorum, resumably: create with the MLflow run id, params
// and tags, metric history in deterministic chunks that each carry an idempotency key,
// status and end time, then the marker tag last. A run with the marker is skipped; a run
// without it is picked up again, and chunks the server already holds are not stored twice.
import { createHash } from 'node:crypto';
import type { QuorumApi } from '../client';
import { apiStatus, withRetry } from './retry';
import type { MlflowDatasetInput, MlflowMetricPoint, MlflowRun, MlflowSource } from './source';

/** Written last: a run that has it was imported completely. */
export const IMPORT_MARKER_TAG = 'quorum.import.source';
/** Points per logBatch request (the server's limit). */
export const METRIC_CHUNK = 10_000;
const PER_BATCH = 100;
const RUN_NAME_TAG = 'mlflow.runName';
const COMMIT_TAG = 'mlflow.source.git.commit';

export type RunOutcome = 'imported' | 'resumed' | 'existing';

export interface RunImportContext {
  api: QuorumApi;
  source: MlflowSource;
  /** null in a dry run whose experiment does not exist yet: every run in it is new. */
  experimentId: number | null;
  dryRun: boolean;
  onPoints(stored: number): void;
}

export interface RunImportResult {
  outcome: RunOutcome;
  pointsImported: number;
  /** Points of chunks the server already held (a resumed run). */
  pointsExisting: number;
}

/** A run this import cannot write (it exists elsewhere, or Quorum refuses its data). */
export class RunImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunImportError';
  }
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const pairs = (o: Record<string, string>) =>
  Object.entries(o)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));

/** MLflow's `{"mlflow_colspec": [{name, type}]}` as Quorum's columns, when it has that shape. */
function columnsOf(schema: string | undefined): { columns: { name: string; type: string }[] } | undefined {
  if (!schema) return undefined;
  try {
    const spec = (JSON.parse(schema) as { mlflow_colspec?: { name?: unknown; type?: unknown }[] }).mlflow_colspec;
    if (!Array.isArray(spec) || spec.length === 0) return undefined;
    const columns = spec.filter((c) => typeof c.name === 'string' && c.name && typeof c.type === 'string' && c.type);
    return columns.length === spec.length ? { columns: columns.map((c) => ({ name: String(c.name), type: String(c.type).slice(0, 50) })) } : undefined;
  } catch {
    return undefined;
  }
}

function datasetOf(d: MlflowDatasetInput) {
  const schema = columnsOf(d.schema);
  return { name: d.name, digest: d.digest, source: d.source.slice(0, 2_000), sourceType: d.sourceType.slice(0, 50), context: d.context.slice(0, 50), ...(schema && { schema }) };
}

/** Canonical order of a key's points: step, then time, then value (NaN last). */
function pointOrder(a: MlflowMetricPoint, b: MlflowMetricPoint): number {
  if (a.step !== b.step) return a.step - b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value));
  return a.value - b.value;
}

/** Same run, same chunk position, same content → same key, so the server stores it once. */
export function chunkKey(runId: string, index: number, points: readonly MlflowMetricPoint[]): string {
  const content = points.map((p) => `${p.key}\t${p.step}\t${p.timestamp}\t${String(p.value)}`).join('\n');
  return `mlflow-import:${runId}:m${index}:${sha(content).slice(0, 24)}`;
}

async function quorumRun(api: QuorumApi, runId: string) {
  try {
    return await withRetry(() => api.runs.get.query({ runId }));
  } catch (error) {
    if (apiStatus(error) === 404) return null;
    throw error;
  }
}

export async function runImport(ctx: RunImportContext, run: MlflowRun): Promise<RunImportResult> {
  const { api } = ctx;
  const existing = ctx.experimentId === null ? null : await quorumRun(api, run.id);
  if (existing) {
    if (existing.experimentId !== ctx.experimentId) {
      throw new RunImportError(`run ${run.id} already exists in Quorum in experiment "${existing.experimentName}", not in the one it is imported into`);
    }
    if (existing.tags[IMPORT_MARKER_TAG] !== undefined) return { outcome: 'existing', pointsImported: 0, pointsExisting: 0 };
    if (existing.deletedAt !== null) throw new RunImportError(`run ${run.id} was half imported and then deleted in Quorum; restore it to finish its import`);
  }
  const result: RunImportResult = { outcome: existing ? 'resumed' : 'imported', pointsImported: 0, pointsExisting: 0 };

  const tags = pairs(run.tags).filter((t) => t.key !== RUN_NAME_TAG && t.key !== IMPORT_MARKER_TAG);
  const commit = run.tags[COMMIT_TAG];
  const experimentId = ctx.experimentId;
  if (!existing && !ctx.dryRun && experimentId !== null) {
    try {
      await withRetry(() =>
        api.runs.create.mutate({
          id: run.id,
          experimentId,
          ...(run.name && { name: run.name.slice(0, 250) }),
          startTime: run.startTime,
          userId: run.userId.slice(0, 250),
          ...(commit && commit.length <= 100 && { sourceCommit: commit }),
          tags: tags.slice(0, PER_BATCH),
        }),
      );
    } catch (error) {
      // A create whose answer was lost has landed: carry on as a resume.
      if (apiStatus(error) !== 409) throw error;
    }
  }

  // Params, the tags that did not fit in the create, dataset inputs: 100 of each per batch.
  const params = pairs(run.params);
  const moreTags = tags.slice(PER_BATCH);
  const inputs = run.inputs.map(datasetOf);
  for (let i = 0; i * PER_BATCH < Math.max(params.length, moreTags.length, inputs.length); i++) {
    const batch = {
      params: params.slice(i * PER_BATCH, (i + 1) * PER_BATCH),
      tags: moreTags.slice(i * PER_BATCH, (i + 1) * PER_BATCH),
      inputs: inputs.slice(i * PER_BATCH, (i + 1) * PER_BATCH),
    };
    if (ctx.dryRun) continue;
    const idempotencyKey = `mlflow-import:${run.id}:p${i}:${sha(JSON.stringify(batch)).slice(0, 24)}`;
    await withRetry(() => api.runs.logBatch.mutate({ runId: run.id, idempotencyKey, ...batch }));
  }

  // Metric history: keys in order, each key's points in canonical order, cut every 10,000 points.
  let buffer: MlflowMetricPoint[] = [];
  let index = 0;
  const send = async (points: MlflowMetricPoint[]) => {
    const chunk = index++;
    if (ctx.dryRun) {
      result.pointsImported += points.length;
      ctx.onPoints(points.length);
      return;
    }
    const idempotencyKey = chunkKey(run.id, chunk, points);
    const sent = await withRetry(() => api.runs.logBatch.mutate({ runId: run.id, idempotencyKey, metrics: points }));
    if (sent.applied) result.pointsImported += points.length;
    else result.pointsExisting += points.length;
    ctx.onPoints(points.length);
  };
  for (const key of [...run.metricKeys].sort()) {
    const history = (await ctx.source.metricHistory(run, key)).sort(pointOrder);
    for (const point of history) {
      buffer.push(point);
      if (buffer.length === METRIC_CHUNK) {
        const full = buffer;
        buffer = [];
        await send(full);
      }
    }
  }
  if (buffer.length > 0) await send(buffer);
  if (ctx.dryRun) return result;

  const endTime = run.endTime === null ? null : Math.max(run.endTime, run.startTime);
  await withRetry(() => api.runs.update.mutate({ runId: run.id, status: run.status, endTime }));
  await withRetry(() => api.runs.logBatch.mutate({ runId: run.id, tags: [{ key: IMPORT_MARKER_TAG, value: `${ctx.source.label}#${run.id}` }] }));
  return result;
}
