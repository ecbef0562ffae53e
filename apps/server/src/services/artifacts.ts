// artifactUpload and artifactDelete: a run's files into and out of the artifact store,
// each with its audit entry. The file moves inside the entry's transaction, so a change
// that fails leaves neither the file nor the entry, and the trail names every stored byte.
import type { Readable } from 'node:stream';
import { audit } from './audit';
import { artifactCommit, artifactDetach, artifactDiscard, artifactStage, artifactStat } from './artifact-store';
import type { ServiceContext } from './context';
import { badRequest } from './errors';

export interface ArtifactTarget {
  /** The artifact root folder. */
  root: string;
  runId: string;
  /** Checked store segments (`<experiment id>/<run id>/artifacts/...`). */
  segments: string[];
}

/** Stores a request body as one file of a run; returns what the audit entry recorded. */
export async function artifactUpload(ctx: ServiceContext, target: ArtifactTarget & { body: Readable; maxBytes: number }) {
  const shown = target.segments.join('/');
  const existing = await artifactStat(target.root, target.segments);
  if (existing?.isDirectory()) throw badRequest(`Cannot store '${shown}': a folder of that name exists; delete it first`);
  const staged = await artifactStage(target.root, target.body, target.maxBytes);
  const summary = { path: shown, size: staged.size, sha256: staged.sha256, replaced: existing !== null };
  try {
    await ctx.db.transaction(async (tx) => {
      await audit(ctx, tx, 'artifacts.upload', { entityType: 'run', entityId: target.runId }, summary);
      await artifactCommit(target.root, staged, target.segments);
    });
  } finally {
    await artifactDiscard(staged);
  }
  return summary;
}

/** Deletes a file or folder of a run; deleting nothing is not an error (as in MLflow). */
export async function artifactDelete(ctx: ServiceContext, target: ArtifactTarget) {
  const detached = await artifactDetach(target.root, target.segments);
  const summary = { path: target.segments.join('/'), files: detached?.files ?? 0, bytes: detached?.bytes ?? 0 };
  try {
    await ctx.db.transaction((tx) => audit(ctx, tx, 'artifacts.delete', { entityType: 'run', entityId: target.runId }, summary));
  } catch (e) {
    await detached?.restore();
    throw e;
  }
  await detached?.purge();
  return summary;
}
