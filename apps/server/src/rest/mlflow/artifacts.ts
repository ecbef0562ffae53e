// MLflow's artifact proxy (what `mlflow server --serve-artifacts` answers), mounted on
// /api/2.0/mlflow-artifacts and /ajax-api/2.0/mlflow-artifacts: MLflow clients resolve a
// run's `mlflow-artifacts:/<experiment>/<run>/artifacts` URI to these endpoints for
// log_artifact, log_model and downloads. Files live in the artifact store on disk; every
// path names an experiment and one of its runs, reads need a signed-in caller, writes
// pass the policy as `runs.logBatch` and are audited.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Database, RunRow } from '@quorum/db';
import type { Clock } from '../../services/context';
import { artifactChildren, artifactOpen, artifactPathSegments, artifactTooLarge } from '../../services/artifact-store';
import { artifactDelete, artifactUpload } from '../../services/artifacts';
import { loggable } from '../../trpc/errors';
import { mlflowAuthorize, mlflowContext } from './auth';
import { invalid, MlflowError, mlflowErrorOf, sendError } from './errors';
import { findExperiment, requireRun, type Ctx } from './lookup';
import { nonEmpty, str, type Fields } from './wire';

export interface MlflowArtifactsDeps {
  db: Database;
  clock: Clock;
  /** The artifact store's folder; without it every endpoint answers 503. */
  artifactRoot?: string | undefined;
  /** Largest file an upload may store, in bytes. */
  maxArtifactBytes: number;
}

/** Where a request's path points: the run it belongs to and the store segments (experiment id canonical). */
interface RunPath {
  run: RunRow;
  segments: string[];
}

export const artifactsNotConfigured = () =>
  new MlflowError('TEMPORARILY_UNAVAILABLE', 'Artifacts are not configured on this server: it was started without an artifact folder (QUORUM_DATA_DIR)');

/**
 * Checks that a path is `<experiment_id>/<run_id>/...` for an existing experiment and one
 * of its runs. Writes must stay under the run's `artifacts/` folder and need an active run.
 */
export async function artifactRunPath(ctx: Ctx, raw: string, opts: { decode: boolean; write: boolean; file: boolean }): Promise<RunPath> {
  const segments = artifactPathSegments(raw, { decode: opts.decode });
  const layout = `artifact paths are <experiment_id>/<run_id>/artifacts/<file>, under the run's artifact_uri`;
  if (segments.length < 2) throw invalid(`Invalid artifact path '${raw}': ${layout}`);
  if (opts.write && (segments[2] !== 'artifacts' || (opts.file && segments.length < 4))) {
    throw invalid(`Invalid artifact path '${raw}': files are written inside the run's artifacts/ folder; ${layout}`);
  }
  const [experimentId, runId, ...rest] = segments as [string, string, ...string[]];
  const experiment = await findExperiment(ctx, experimentId);
  const run = await requireRun(ctx, runId, opts.write);
  if (run.experimentId !== experiment.id) {
    throw invalid(`Invalid artifact path '${raw}': run ${run.id} belongs to experiment ${run.experimentId}, not ${experimentId}; use the run's artifact_uri`);
  }
  return { run, segments: [String(experiment.id), run.id, ...rest] };
}

/** Content types for downloads: a few safe ones by extension; never one a browser would run (HTML, SVG). */
const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  csv: 'text/plain; charset=utf-8',
  yaml: 'text/plain; charset=utf-8',
  yml: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

function contentTypeOf(name: string): string {
  if (name === 'MLmodel') return 'text/plain; charset=utf-8';
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

const hasCode = (e: unknown): e is NodeJS.ErrnoException => e instanceof Error && 'code' in e;

export function mlflowArtifactsRouter({ db, clock, artifactRoot, maxArtifactBytes }: MlflowArtifactsDeps): Router {
  const r = Router();

  // GET ?path= lists a folder; GET, PUT and DELETE /<path> download, upload and delete.
  r.use('/artifacts', async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!artifactRoot) throw artifactsNotConfigured();
      const ctx = await mlflowContext(req, res, db, clock);
      // The raw, still percent-encoded path after /artifacts/.
      const raw = req.path.replace(/^\//, '');
      if (raw === '') {
        if (req.method !== 'GET') throw new MlflowError('ENDPOINT_NOT_FOUND', `No MLflow endpoint ${req.method} ${req.baseUrl}; name a file after /artifacts/`);
        const dir = str(req.query as Fields, 'path');
        if (dir === undefined) throw invalid(`Missing value for required parameter 'path': list a folder such as <experiment_id>/<run_id>/artifacts`);
        const { segments } = await artifactRunPath(ctx, dir, { decode: false, write: false, file: false });
        const children = await artifactChildren(artifactRoot, segments);
        res.json(nonEmpty('files', children.map((c) => ({ path: c.name, is_dir: c.isDir, ...(c.size !== undefined && { file_size: c.size }) }))));
        return;
      }
      if (req.method === 'GET') {
        const { segments } = await artifactRunPath(ctx, raw, { decode: true, write: false, file: true });
        const shown = segments.join('/');
        const file = await artifactOpen(artifactRoot, segments);
        if (!file) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `No artifact is stored at '${shown}'`);
        if (file === 'folder') throw invalid(`'${shown}' is a folder: list it with GET ${req.baseUrl}?path=${encodeURIComponent(shown)}`);
        const name = segments.at(-1)!;
        res.status(200).set({
          'Content-Type': contentTypeOf(name),
          'Content-Length': String(file.size),
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
          'X-Content-Type-Options': 'nosniff',
        });
        await pipeline(file.stream, res).catch((e: unknown) => {
          // A client that goes away mid-download is not a server fault.
          if (!(hasCode(e) && e.code === 'ERR_STREAM_PREMATURE_CLOSE')) console.error('Artifact download failed', loggable(e));
          res.destroy();
        });
        return;
      }
      if (req.method === 'PUT') {
        const { run, segments } = await artifactRunPath(ctx, raw, { decode: true, write: true, file: true });
        await mlflowAuthorize(req, ctx, 'runs.logBatch');
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxArtifactBytes) throw artifactTooLarge(maxArtifactBytes);
        await artifactUpload(ctx, { root: artifactRoot, runId: run.id, segments, body: req, maxBytes: maxArtifactBytes });
        res.json({});
        return;
      }
      if (req.method === 'DELETE') {
        const { run, segments } = await artifactRunPath(ctx, raw, { decode: true, write: true, file: false });
        await mlflowAuthorize(req, ctx, 'runs.logBatch');
        await artifactDelete(ctx, { root: artifactRoot, runId: run.id, segments });
        res.json({});
        return;
      }
      throw new MlflowError('ENDPOINT_NOT_FOUND', `No MLflow endpoint ${req.method} ${req.baseUrl}/…: use GET, PUT or DELETE`);
    } catch (e) {
      next(e);
    }
  });

  r.use((req, res) => sendError(res, new MlflowError('ENDPOINT_NOT_FOUND', `No MLflow endpoint ${req.method} ${req.baseUrl}${req.path} on this server`)));

  r.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = mlflowErrorOf(error);
    if (!known) console.error('Unexpected error', loggable(error));
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, known ?? new MlflowError('INTERNAL_ERROR', 'Something went wrong on the server; the error has been logged'));
  });
  return r;
}
