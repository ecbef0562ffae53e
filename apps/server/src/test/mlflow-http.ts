// A small MLflow REST client for request/response tests: every method MLflow uses, the
// status and JSON body of each answer, and assertions for success and MLflow's error body.
import { expect } from 'vitest';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function mlflowHttp(baseUrl: () => string, token: () => string) {
  /** GET sends the fields as a query string (arrays as repeated keys); other methods as JSON. */
  const call = async (method: Method, path: string, body: Json = {}, auth: string | null = `Bearer ${token()}`): Promise<{ status: number; json: Json }> => {
    const headers: Record<string, string> = { accept: 'application/json', ...(auth !== null && { authorization: auth }) };
    let url = `${baseUrl()}/api/2.0/mlflow/${path}`;
    let init: RequestInit = { method, headers };
    if (method === 'GET') {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
      url += `?${qs}`;
    } else {
      init = { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }
    const res = await fetch(url, init);
    return { status: res.status, json: (await res.json()) as Json };
  };
  /** Expects 200 and returns the body. */
  const ok = async (method: Method, path: string, body: Json = {}) => {
    const r = await call(method, path, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json;
  };
  /** Expects MLflow's error body; `message` may be a string or an asymmetric matcher. */
  const fails = async (method: Method, path: string, body: Json, status: number, errorCode: string, message?: unknown) => {
    const r = await call(method, path, body);
    expect(r, JSON.stringify(r.json)).toMatchObject({ status, json: { error_code: errorCode, ...(message !== undefined && { message }) } });
    return r.json;
  };
  return { call, ok, fails };
}
