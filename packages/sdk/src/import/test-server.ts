// For the importer's tests: a real Quorum app on a loopback port over a freshly migrated
// database, a data scientist's API token, and reads through its MLflow endpoints.
import { createApp } from '@quorum/server';
import { systemContext, tokenCreate, userCreate } from '@quorum/server/testing';
import type { TestEngine } from '@quorum/db/testing';
import type { AddressInfo } from 'node:net';
import { Quorum } from '../quorum';

export interface TestServer {
  url: string;
  token: string;
  quorum: Quorum;
  /** GET on the server's MLflow API with the token; the parsed JSON, or the status and error_code. */
  mlflowGet<T = Record<string, unknown>>(path: string, query: Record<string, string>): Promise<T>;
  mlflowPost<T = Record<string, unknown>>(path: string, body: object): Promise<T>;
  close(): Promise<void>;
}

export async function testServerStart(engine: TestEngine, roles: string[] = ['data_scientist']): Promise<TestServer> {
  const handle = await engine.open();
  const clock = { now: () => Date.now() };
  const user = await userCreate(systemContext(handle.db, clock, 'test'), { email: 'importer@test.quorum', name: 'Importer', roles: roles as never, kind: 'service' });
  const actor = { via: 'token' as const, userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles };
  const token = (await tokenCreate({ db: handle.db, clock, actor }, { name: 'import-test' })).secret;
  const server = createApp({ db: handle.db }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async <T>(method: string, path: string, query: Record<string, string>, body?: object): Promise<T> => {
    const res = await fetch(`${url}/api/2.0/mlflow/${path}?${new URLSearchParams(query).toString()}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T & { error_code?: string };
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json.error_code ?? ''} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url,
    token,
    quorum: new Quorum({ url, token }),
    mlflowGet: (path, query) => call('GET', path, query),
    mlflowPost: (path, body) => call('POST', path, {}, body),
    close: async () => {
      await new Promise((r) => server.close(r));
      await handle.close();
    },
  };
}
