// Dataset verbs: store a version (with its profile), list, get, and drift between two.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DatasetProfileInput, datasetDriftInput, datasetUploadInput } from '@quorum/contracts';
import {
  datasetColumnsOf,
  datasetEnsure,
  datasetFind,
  datasetList,
  datasetProfileInsert,
  datasetUsages,
  type DatasetColumnRow,
  type Db,
} from '@quorum/db';
import { driftDataset, overlayCategorical, overlayNumerical, profileColumn, StatsInputError, type DistributionOverlay } from '@quorum/domain';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, notFound } from './errors';

export interface DatasetVersionInput {
  name: string;
  digest: string;
  source: string;
  sourceType: string;
  schema?: { columns: { name: string; type: string }[] } | undefined;
  profile?: DatasetProfileInput | undefined;
}

/**
 * Finds or creates a dataset version and stores its profile if it has none yet: a
 * version's content is fixed by its digest, so later copies of the profile are ignored.
 */
export async function datasetStore(db: Db, input: DatasetVersionInput, now: number) {
  const dataset = await datasetEnsure(db, { ...input, now });
  if (input.profile && dataset.profiledAt === null) {
    const columns = input.profile.columns.map((c, position) => {
      const p = profileColumn(c.name, c.values, { kind: c.kind, rowCount: c.rowCount, missingCount: c.missingCount });
      return { position, name: p.name, kind: p.kind, rowCount: p.rowCount, missingCount: p.missingCount, numbers: p.numbers, categories: p.categories, stats: p.stats as unknown as Record<string, unknown> };
    });
    await datasetProfileInsert(db, dataset.id, columns, now);
  }
  return dataset;
}

/** A digest of the profile's content, for uploads that do not bring one. */
function profileDigest(profile: DatasetProfileInput): string {
  return createHash('sha256').update(JSON.stringify(profile.columns)).digest('hex').slice(0, 16);
}

export async function datasetUpload(ctx: ServiceContext, input: z.output<typeof datasetUploadInput>) {
  const digest = input.digest ?? profileDigest(input.profile);
  const dataset = await ctx.db.transaction(async (tx) => {
    const stored = await datasetStore(tx, { ...input, digest }, ctx.clock.now());
    await audit(ctx, tx, 'datasets.upload', { entityType: 'dataset', entityId: stored.id }, {
      name: input.name,
      digest,
      source: input.source,
      columns: input.profile.columns.map((c) => c.name),
    });
    return stored;
  });
  return datasetGet(ctx, dataset.id);
}

export function datasetsList(ctx: ServiceContext) {
  return datasetList(ctx.db);
}

export async function datasetGet(ctx: ServiceContext, id: number) {
  const dataset = await datasetFind(ctx.db, id);
  if (!dataset) throw notFound(`No dataset with id ${id}`);
  const [columns, usages] = await Promise.all([datasetColumnsOf(ctx.db, id, false), datasetUsages(ctx.db, id)]);
  return { ...dataset, columns: columns.map(({ numbers: _n, categories: _c, datasetId: _d, ...c }) => c), usages };
}

export interface ColumnDrift {
  name: string;
  kind: 'numerical' | 'categorical';
  test: string;
  score: number;
  threshold: number;
  drifted: boolean;
  referenceCount: number;
  currentCount: number;
  overlay: DistributionOverlay;
}

async function profiled(ctx: ServiceContext, id: number, role: string) {
  const dataset = await datasetFind(ctx.db, id);
  if (!dataset) throw notFound(`No ${role} dataset with id ${id}`);
  if (dataset.profiledAt === null) {
    throw badRequest(`Dataset ${dataset.name}@${dataset.digest} has no stored profile; log it with a profile (SDK logDataset, or upload a CSV on the Data page) to compare it`);
  }
  return { dataset, columns: await datasetColumnsOf(ctx.db, id, true) };
}

const sample = (c: DatasetColumnRow) => (c.kind === 'numerical' ? (c.numbers ?? []) : (c.categories ?? []));

/**
 * Per-column drift between a reference and a current version, with Evidently's default
 * tests and thresholds, over the columns both have with the same kind.
 */
export async function datasetDrift(ctx: ServiceContext, input: z.output<typeof datasetDriftInput>) {
  // One after the other so that the error for a bad request is always the reference's first.
  const ref = await profiled(ctx, input.referenceId, 'reference');
  const cur = await profiled(ctx, input.currentId, 'current');
  const curByName = new Map(cur.columns.map((c) => [c.name, c]));
  const compared: { ref: DatasetColumnRow; cur: DatasetColumnRow }[] = [];
  const unmatched: { name: string; reason: string }[] = [];
  for (const r of ref.columns) {
    const c = curByName.get(r.name);
    if (!c) unmatched.push({ name: r.name, reason: 'missing from the current dataset' });
    else if (c.kind !== r.kind) unmatched.push({ name: r.name, reason: `${r.kind} in the reference, ${c.kind} in the current dataset` });
    else if (sample(r).length === 0 || sample(c).length === 0) unmatched.push({ name: r.name, reason: 'no present values on one side' });
    else compared.push({ ref: r, cur: c });
  }
  for (const c of cur.columns) if (!ref.columns.some((r) => r.name === c.name)) unmatched.push({ name: c.name, reason: 'new in the current dataset' });
  if (compared.length === 0) throw badRequest('The two datasets share no comparable column');

  let verdict;
  try {
    verdict = driftDataset(
      compared.map(({ ref: r, cur: c }) => ({ name: r.name, kind: r.kind, ref: sample(r), cur: sample(c) })),
      { driftShare: input.driftShare },
    );
  } catch (e) {
    if (e instanceof StatsInputError) throw badRequest(`Cannot compute drift: ${e.message}`);
    throw e;
  }
  const columns: ColumnDrift[] = verdict.columns.map((result, i) => {
    const { ref: r, cur: c } = compared[i]!;
    return {
      ...result,
      kind: r.kind,
      referenceCount: r.rowCount,
      currentCount: c.rowCount,
      overlay: r.kind === 'numerical' ? overlayNumerical(r.numbers ?? [], c.numbers ?? []) : overlayCategorical(r.categories ?? [], c.categories ?? []),
    };
  });
  return {
    reference: { id: ref.dataset.id, name: ref.dataset.name, digest: ref.dataset.digest },
    current: { id: cur.dataset.id, name: cur.dataset.name, digest: cur.dataset.digest },
    share: verdict.share,
    drifted: verdict.drifted,
    driftedCount: verdict.driftedCount,
    driftShare: input.driftShare,
    columns,
    unmatched,
  };
}
