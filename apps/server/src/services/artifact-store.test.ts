// The artifact store's path checks and the content digest used to register model
// versions from `mlflow-artifacts:` URIs.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPathSegments, artifactResolve, artifactTreeDigest, artifactUriPath } from './artifact-store';
import { ServiceError } from './errors';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A fresh artifact root holding the given files, written in the given order. */
function rootWith(files: [string, string][]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'quorum-digest-'));
  roots.push(root);
  for (const [rel, content] of files) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('artifactPathSegments', () => {
  it('splits a relative path, decoding URL segments when asked', () => {
    expect(artifactPathSegments('1/abc/artifacts/model/MLmodel', { decode: false })).toEqual(['1', 'abc', 'artifacts', 'model', 'MLmodel']);
    expect(artifactPathSegments('1/abc/artifacts/my%20model/', { decode: true })).toEqual(['1', 'abc', 'artifacts', 'my model']);
    expect(artifactPathSegments('a%20b', { decode: false })).toEqual(['a%20b']);
  });

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'relative'],
    ['\\share', 'relative'],
    ['a/../b', '".."'],
    ['a/./b', '"."'],
    ['a//b', 'empty segments'],
    ['a\\b', 'backslashes'],
    ['a/b\u0000c', 'control characters'],
    ['a/b\nc', 'control characters'],
    [`a/${'x'.repeat(256)}`, 'at most 255 bytes'],
  ])('refuses %j', (raw, why) => {
    expect(() => artifactPathSegments(raw, { decode: false })).toThrow(why);
  });

  it.each([
    ['a/%2e%2e/b', '".."'],
    ['a/..%2Fb', 'encoded "/"'],
    ['a/%00', 'control characters'],
    ['a/%E0%A4%A', 'percent-encoding'],
  ])('refuses the URL path %j', (raw, why) => {
    expect(() => artifactPathSegments(raw, { decode: true })).toThrow(why);
  });

  it('keeps resolved paths inside the root', () => {
    expect(artifactResolve('/data/artifacts', ['1', 'abc'])).toBe(path.resolve('/data/artifacts/1/abc'));
    expect(() => artifactResolve('/data/artifacts', ['..', 'x'])).toThrow(ServiceError);
    expect(() => artifactResolve('/data/artifacts', ['/etc'])).toThrow('leaves the artifact root');
  });
});

describe('artifactUriPath', () => {
  it('reads mlflow-artifacts URIs with or without a host, and nothing else', () => {
    expect(artifactUriPath('mlflow-artifacts:/1/abc/artifacts/model')).toBe('1/abc/artifacts/model');
    expect(artifactUriPath('mlflow-artifacts://tracking:5000/1/abc/artifacts')).toBe('1/abc/artifacts');
    expect(artifactUriPath('s3://bucket/1/abc')).toBeNull();
    expect(artifactUriPath('runs:/abc/model')).toBeNull();
  });
});

describe('artifactTreeDigest', () => {
  const files: [string, string][] = [
    ['1/abc/artifacts/model/MLmodel', 'flavors: {}\n'],
    ['1/abc/artifacts/model/data/model.pkl', 'weights'],
    ['1/abc/artifacts/model/conda.yaml', 'deps'],
    ['1/abc/artifacts/other.txt', 'not part of the model'],
  ];

  it('hashes a folder as a sorted manifest of path, file sha256 and size', async () => {
    const root = rootWith(files);
    const manifest = [
      ['MLmodel', 'flavors: {}\n'],
      ['conda.yaml', 'deps'],
      ['data/model.pkl', 'weights'],
    ]
      .map(([p, c]) => `${sha256(c!)} ${Buffer.byteLength(c!)} ${p}\n`)
      .join('');
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/1/abc/artifacts/model')).toEqual({ sha256: sha256(manifest), size: 12 + 4 + 7 });
  });

  it('gives the same digest whatever order the files were written in, and another when a byte or a name changes', async () => {
    const uri = 'mlflow-artifacts:/1/abc/artifacts/model';
    const a = await artifactTreeDigest(rootWith(files), uri);
    expect(await artifactTreeDigest(rootWith([...files].reverse()), uri)).toEqual(a);
    expect(await artifactTreeDigest(rootWith(files.map(([p, c]) => [p, p.endsWith('model.pkl') ? 'weightz' : c])), uri)).not.toEqual(a);
    expect(await artifactTreeDigest(rootWith(files.map(([p, c]) => [p.replace('conda.yaml', 'conda.yml'), c])), uri)).not.toEqual(a);
    expect(await artifactTreeDigest(rootWith(files), 'mlflow-artifacts://host:5000/1/abc/artifacts/model')).toEqual(a);
  });

  it('hashes a single file as its own sha256', async () => {
    const root = rootWith(files);
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/1/abc/artifacts/other.txt')).toEqual({ sha256: sha256('not part of the model'), size: 21 });
  });

  it('is null for other schemes, missing paths and empty folders, and refuses unsafe paths', async () => {
    const root = rootWith(files);
    mkdirSync(path.join(root, '1/abc/artifacts/empty'));
    expect(await artifactTreeDigest(root, 's3://bucket/1/abc/artifacts/model')).toBeNull();
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/1/abc/artifacts/missing')).toBeNull();
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/1/abc/artifacts/other.txt/below')).toBeNull();
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/1/abc/artifacts/empty')).toBeNull();
    expect(await artifactTreeDigest(root, 'mlflow-artifacts:/')).toBeNull();
    await expect(artifactTreeDigest(root, 'mlflow-artifacts:/1/../../etc')).rejects.toThrow(ServiceError);
  });
});
