// The artifact store: run files under one root folder on disk, addressed by relative
// paths whose segments are checked so no path leaves the root. Uploads stream into a
// staging file that is renamed into place, so a refused or broken upload leaves nothing.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest, ServiceError } from './errors';

/** The default per-file upload limit: 2 GiB. */
export const DEFAULT_MAX_ARTIFACT_BYTES = 2 * 1024 ** 3;

/** Uploads in flight and deletions being committed live here, beside the files (one filesystem, so renames are atomic). */
const STAGING_DIR = '.staging';
/** Most filesystems refuse longer names. */
const MAX_SEGMENT_BYTES = 255;
const URI_SCHEME = 'mlflow-artifacts:';

export interface StagedArtifact {
  file: string;
  size: number;
  sha256: string;
}

export interface ArtifactEntry {
  name: string;
  isDir: boolean;
  /** Files only. */
  size?: number;
}

/**
 * The segments of a relative artifact path (`1/abc/artifacts/model/MLmodel`). With
 * `decode`, each segment is percent-decoded first (a URL path). Refuses absolute paths,
 * empty, `.` and `..` segments, backslashes, control characters (NUL included), an
 * encoded `/` inside a segment, and names too long for the filesystem. One trailing
 * slash is ignored (MLflow's client deletes a folder as `.../folder/`).
 */
export function artifactPathSegments(raw: string, opts: { decode: boolean }): string[] {
  const refuse = (why: string) => badRequest(`Invalid artifact path '${raw}': ${why}`);
  if (raw === '') throw refuse('the path is empty');
  if (raw.startsWith('/') || raw.startsWith('\\')) throw refuse('the path must be relative, not absolute');
  const parts = (raw.endsWith('/') ? raw.slice(0, -1) : raw).split('/');
  return parts.map((part) => {
    let s = part;
    if (opts.decode) {
      try {
        s = decodeURIComponent(part);
      } catch {
        throw refuse(`'${part}' is not valid percent-encoding`);
      }
      if (s.includes('/')) throw refuse('a segment may not contain an encoded "/"');
    }
    if (s === '') throw refuse('empty segments ("//") are not allowed');
    if (s === '.' || s === '..') throw refuse('"." and ".." segments are not allowed');
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    if (/[\\\u0000-\u001f\u007f]/.test(s)) throw refuse('backslashes and control characters (NUL included) are not allowed');
    if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) throw refuse(`a segment may be at most ${MAX_SEGMENT_BYTES} bytes long`);
    return s;
  });
}

/** The absolute location of checked segments, refusing anything that resolves outside the root. */
export function artifactResolve(root: string, segments: readonly string[]): string {
  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  if (target !== base && !target.startsWith(base + path.sep)) throw badRequest(`Invalid artifact path '${segments.join('/')}': it leaves the artifact root`);
  return target;
}

/** Stats of a stored path, or null when nothing is there. */
export async function artifactStat(root: string, segments: readonly string[]): Promise<Stats | null> {
  return lstat(artifactResolve(root, segments)).catch(absentAsNull);
}

function absentAsNull(e: unknown): null {
  if (isFsError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return null;
  throw e;
}

function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/** Filesystem refusals a caller can fix become 400s that name the path; the rest stay unexpected. */
function asPathError(e: unknown, shown: string): unknown {
  if (!isFsError(e)) return e;
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return badRequest(`Cannot store '${shown}': a folder on its path is already stored as a file`);
  if (e.code === 'EISDIR' || e.code === 'ENOTEMPTY') return badRequest(`Cannot store '${shown}': a folder of that name exists; delete it first`);
  if (e.code === 'ENAMETOOLONG') return badRequest(`Cannot store '${shown}': the path is too long for the filesystem`);
  return e;
}

export const artifactTooLarge = (maxBytes: number) =>
  new ServiceError('PAYLOAD_TOO_LARGE', `The artifact is larger than this server accepts (${maxBytes.toLocaleString('en')} bytes per file)`);

/**
 * Streams a request body into a staging file, hashing and counting as it goes; refuses
 * a body over `maxBytes`. On any failure the staging file is removed and the rest of the
 * body is drained (not stored) so the client can read the answer.
 */
export async function artifactStage(root: string, body: Readable, maxBytes: number): Promise<StagedArtifact> {
  const dir = path.join(path.resolve(root), STAGING_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.part`);
  const handle = await open(file, 'wx');
  try {
    const received = await receive(body, handle, maxBytes);
    // On disk before it becomes visible under its name.
    await handle.sync();
    await handle.close();
    return { file, ...received };
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw e;
  }
}

function receive(body: Readable, handle: FileHandle, maxBytes: number): Promise<{ size: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    let settled = false;
    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.off('data', onData).off('end', onEnd).off('error', onBroken).off('close', onClose);
      if (error === null) {
        resolve({ size, sha256: hash.digest('hex') });
      } else {
        body.resume();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    // One write at a time: pause the body until the chunk is on its way to disk.
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        settle(artifactTooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      body.pause();
      handle.write(chunk).then(() => {
        if (!settled) body.resume();
      }, settle);
    };
    const onEnd = () => settle(null);
    const onBroken = () => settle(badRequest('The upload was interrupted before the whole body arrived'));
    const onClose = () => {
      if (!body.readableEnded) onBroken();
    };
    body.on('data', onData).once('end', onEnd).once('error', onBroken).once('close', onClose);
  });
}

/** Moves a staged upload to its path, replacing a file stored there. */
export async function artifactCommit(root: string, staged: StagedArtifact, segments: readonly string[]): Promise<void> {
  const target = artifactResolve(root, segments);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged.file, target);
  } catch (e) {
    throw asPathError(e, segments.join('/'));
  }
}

/** Removes a staging file that was not committed (a no-op once it has been). */
export async function artifactDiscard(staged: StagedArtifact): Promise<void> {
  await rm(staged.file, { force: true });
}

/** The direct children of a stored folder, by name; none when it is missing or a file. */
export async function artifactChildren(root: string, segments: readonly string[]): Promise<ArtifactEntry[]> {
  const dir = artifactResolve(root, segments);
  const entries = await readdir(dir, { withFileTypes: true }).catch(absentAsNull);
  if (!entries) return [];
  const out: ArtifactEntry[] = [];
  for (const entry of entries) {
    if (segments.length === 0 && entry.name === STAGING_DIR) continue;
    if (entry.isDirectory()) out.push({ name: entry.name, isDir: true });
    else if (entry.isFile()) {
      const stats = await lstat(path.join(dir, entry.name)).catch(absentAsNull);
      if (stats) out.push({ name: entry.name, isDir: false, size: stats.size });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Opens a stored file for reading, with its size as of opening (a concurrent overwrite
 * replaces the file, not these bytes); 'folder' for a folder, null when nothing is there.
 */
export async function artifactOpen(root: string, segments: readonly string[]): Promise<{ size: number; stream: ReadStream } | 'folder' | null> {
  const handle = await open(artifactResolve(root, segments), 'r').catch(absentAsNull);
  if (!handle) return null;
  const stats = await handle.stat().catch(async (e: unknown) => {
    await handle.close();
    throw e;
  });
  if (!stats.isFile()) {
    await handle.close();
    return stats.isDirectory() ? 'folder' : null;
  }
  return { size: stats.size, stream: handle.createReadStream() };
}

interface TreeFile {
  /** Relative to the walked folder, `/`-separated. */
  path: string;
  abs: string;
  size: number;
}

/** Every regular file under a folder (symbolic links and other special files are skipped). */
async function treeFiles(dir: string, prefix = ''): Promise<TreeFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(absentAsNull);
  const out: TreeFile[] = [];
  for (const entry of entries ?? []) {
    const abs = path.join(dir, entry.name);
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await treeFiles(abs, rel)));
    else if (entry.isFile()) {
      const stats = await lstat(abs).catch(absentAsNull);
      if (stats) out.push({ path: rel, abs, size: stats.size });
    }
  }
  return out;
}

export interface DetachedArtifact {
  files: number;
  bytes: number;
  /** Puts the path back where it was. */
  restore(): Promise<void>;
  /** Removes the detached files for good. */
  purge(): Promise<void>;
}

/**
 * Moves a stored file or folder out of sight (into staging), so a deletion can be undone
 * until `purge`; null when nothing is stored there.
 */
export async function artifactDetach(root: string, segments: readonly string[]): Promise<DetachedArtifact | null> {
  const target = artifactResolve(root, segments);
  const stats = await lstat(target).catch(absentAsNull);
  if (!stats) return null;
  const files = stats.isDirectory() ? await treeFiles(target) : [{ path: '', abs: target, size: stats.size }];
  const dir = path.join(path.resolve(root), STAGING_DIR);
  await mkdir(dir, { recursive: true });
  const parked = path.join(dir, `${randomUUID()}.deleted`);
  await rename(target, parked);
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + f.size, 0),
    restore: async () => {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(parked, target);
    },
    purge: () => rm(parked, { recursive: true, force: true }),
  };
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * The store path an `mlflow-artifacts:` URI names (`mlflow-artifacts:/1/abc/artifacts/model`
 * or, with a host, `mlflow-artifacts://host:5000/1/abc/...`), or null for another scheme.
 */
export function artifactUriPath(uri: string): string | null {
  if (!uri.startsWith(URI_SCHEME)) return null;
  let rest = uri.slice(URI_SCHEME.length);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return rest.replace(/^\/+/, '');
}

/**
 * The content digest of what an `mlflow-artifacts:` URI points at, for registering a
 * model version from it. A single file gives its own sha256 and size. A folder gives the
 * sha256 of a manifest, one line `<file sha256> <size> <relative path>\n` per file under
 * it, sorted by the path's UTF-8 bytes, and the files' total size. Null when the URI has
 * another scheme or nothing (no file) is stored there; an unsafe path (`..`) is a
 * BAD_REQUEST service error.
 */
export async function artifactTreeDigest(artifactRoot: string, uri: string): Promise<{ sha256: string; size: number } | null> {
  const rel = artifactUriPath(uri);
  if (rel === null || rel === '') return null;
  const segments = artifactPathSegments(rel, { decode: false });
  if (segments[0] === STAGING_DIR) return null;
  const target = artifactResolve(artifactRoot, segments);
  const stats = await lstat(target).catch(absentAsNull);
  if (!stats) return null;
  if (stats.isFile()) return { sha256: await fileSha256(target), size: stats.size };
  if (!stats.isDirectory()) return null;
  const files = await treeFiles(target);
  if (files.length === 0) return null;
  files.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const manifest = createHash('sha256');
  for (const f of files) manifest.update(`${await fileSha256(f.abs)} ${f.size} ${f.path}\n`);
  return { sha256: manifest.digest('hex'), size: files.reduce((n, f) => n + f.size, 0) };
}
