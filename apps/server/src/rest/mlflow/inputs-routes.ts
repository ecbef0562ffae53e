// runs/log-inputs: MLflow dataset inputs as Quorum dataset versions (name + digest) linked
// to the run under the context the tag `mlflow.data.context` names (train, eval…).
// Model inputs (MLflow 3) are accepted and ignored.
import { LOG_BATCH_LIMITS, logBatchInput, type datasetInput } from '@quorum/contracts';
import { runInputsList } from '@quorum/db';
import type { z } from 'zod';
import { logBatch } from '../../services/log-batch';
import { mlflowAuthorize } from './auth';
import { invalid, missing } from './errors';
import { asRunError, requireRun, type Route } from './lookup';
import { DATASET_CONTEXT_TAG, list, runIdOf, type Fields } from './wire';

/** Quorum's dataset columns are narrower than MLflow's; longer values are refused, not cut. */
const LIMITS = { name: 500, digest: 64, source_type: 50, source: 2_000, context: 50, tagKey: 255, tagValue: 500 } as const;

type DatasetInput = z.input<typeof datasetInput>;

/** A required string field at `path` (e.g. `datasets[0].dataset.name`); `""` counts as missing. */
function need(src: Fields, field: string, path: string, max: number): string {
  const v = src[field];
  if (v === undefined || v === null || v === '') throw missing(path);
  if (typeof v !== 'string') throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${path}' supplied: expected a string`);
  if (v.length > max) throw invalid(`'${path}' exceeds the maximum length of ${max} characters`);
  return v;
}

/**
 * MLflow's schema string as Quorum's column list, when it is a column spec of named,
 * simply typed columns (`{"mlflow_colspec": [{"type": "double", "name": "x"}]}`); any
 * other schema (tensor specs, nested types) is not stored.
 */
export function mlflowSchemaParse(schema: unknown): { columns: { name: string; type: string }[] } | undefined {
  if (typeof schema !== 'string' || schema === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch {
    return undefined;
  }
  const spec = (parsed as { mlflow_colspec?: unknown } | null)?.mlflow_colspec;
  if (!Array.isArray(spec) || spec.length === 0 || spec.length > 2_000) return undefined;
  const columns = spec.map((c: { name?: unknown; type?: unknown } | null) =>
    typeof c?.name === 'string' && c.name !== '' && c.name.length <= 250 && typeof c.type === 'string' && c.type !== '' && c.type.length <= 50 ? { name: c.name, type: c.type } : null,
  );
  return columns.every((c) => c !== null) ? { columns: columns as { name: string; type: string }[] } : undefined;
}

/** One entry of `datasets[]`, validated with MLflow's field paths in the messages. */
function datasetInputOf(entry: Fields, i: number): DatasetInput {
  const at = `datasets[${i}]`;
  const d = entry.dataset;
  if (d === undefined || d === null) throw missing(`${at}.dataset`);
  if (typeof d !== 'object' || Array.isArray(d)) throw invalid(`Invalid value for parameter '${at}.dataset' supplied: expected an object`);
  const dataset = d as Fields;
  let context = '';
  list(entry, 'tags').forEach((tag, j) => {
    const key = need(tag, 'key', `${at}.tags[${j}].key`, LIMITS.tagKey);
    if (tag.value === undefined || tag.value === null) throw missing(`${at}.tags[${j}].value`);
    if (typeof tag.value !== 'string') throw invalid(`Invalid value ${JSON.stringify(tag.value)} for parameter '${at}.tags[${j}].value' supplied: expected a string`);
    if (tag.value.length > LIMITS.tagValue) throw invalid(`'${at}.tags[${j}].value' exceeds the maximum length of ${LIMITS.tagValue} characters`);
    if (key === DATASET_CONTEXT_TAG) context = tag.value;
  });
  if (context.length > LIMITS.context) throw invalid(`The ${DATASET_CONTEXT_TAG} tag of ${at} exceeds the maximum length of ${LIMITS.context} characters`);
  const schema = mlflowSchemaParse(dataset.schema);
  return {
    name: need(dataset, 'name', `${at}.dataset.name`, LIMITS.name),
    digest: need(dataset, 'digest', `${at}.dataset.digest`, LIMITS.digest),
    sourceType: need(dataset, 'source_type', `${at}.dataset.source_type`, LIMITS.source_type),
    source: need(dataset, 'source', `${at}.dataset.source`, LIMITS.source),
    ...(schema && { schema }),
    context,
  };
}

export function registerInputRoutes(route: Route): void {
  route(['post'], '/runs/log-inputs', async (req, ctx, src) => {
    const runId = runIdOf(src);
    const given = list(src, 'datasets').map(datasetInputOf);
    // MLflow 3's model inputs: checked to be a list of objects, not stored.
    list(src, 'models');
    if (given.length > LOG_BATCH_LIMITS.inputs) {
      throw invalid(`A log-inputs request can contain at most ${LOG_BATCH_LIMITS.inputs} datasets. Received ${given.length} datasets.`);
    }
    await requireRun(ctx, runId, true);
    await mlflowAuthorize(req, ctx, 'runs.logBatch');
    // MLflow links a dataset version to a run once: the first of a request wins, and one
    // the run already has is skipped, whatever its context.
    const seen = new Set((await runInputsList(ctx.db, runId)).map((i) => JSON.stringify([i.name, i.digest])));
    const inputs = given.filter((d) => {
      const id = JSON.stringify([d.name, d.digest]);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (inputs.length > 0) await logBatch(ctx, logBatchInput.parse({ runId, inputs })).catch(asRunError(runId));
    return {};
  });
}
