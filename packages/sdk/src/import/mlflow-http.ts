// A small client for MLflow's REST API 2.0 (`<base>/api/2.0/mlflow/...`): JSON in and
// out, MLflow's `{error_code, message}` errors as MlflowHttpError, and a clear message
// when the server cannot be reached. Used to read a tracking server and to write to
// Quorum's MLflow-compatible registry.

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export class MlflowHttpError extends Error {
  constructor(
    readonly status: number,
    /** MLflow's error_code, or '' when the answer was not MLflow's JSON. */
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowHttpError';
  }
}

/** Thrown when nothing answered at all (refused connection, DNS, TLS, timeout). */
export class MlflowUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MlflowUnreachableError';
  }
}

export interface MlflowHttpOptions {
  /** The server's base URL, e.g. http://mlflow:5000 (any `/api/...` is added here). */
  baseUrl: string;
  /** The Authorization header value, if any. */
  authorization?: string | undefined;
  /** Per-request time limit in ms. */
  timeoutMs?: number;
  /** Attempts for answers worth retrying (network errors, 429, 5xx). */
  retries?: number;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** `Authorization` for MLflow's environment variables: a Bearer token, or Basic user:password. */
export function mlflowAuthorization(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MLFLOW_TRACKING_TOKEN) return `Bearer ${env.MLFLOW_TRACKING_TOKEN}`;
  if (env.MLFLOW_TRACKING_USERNAME || env.MLFLOW_TRACKING_PASSWORD) {
    return `Basic ${Buffer.from(`${env.MLFLOW_TRACKING_USERNAME ?? ''}:${env.MLFLOW_TRACKING_PASSWORD ?? ''}`).toString('base64')}`;
  }
  return undefined;
}

/** A string literal in MLflow's search filter grammar. */
export const filterLiteral = (s: string) => (s.includes("'") ? `"${s}"` : `'${s}'`);

/** A URL as it may be shown: without user:password. */
export function urlRedacted(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export class MlflowHttp {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(options: MlflowHttpOptions) {
    const url = new URL(options.baseUrl);
    // Credentials in the URL become a Basic header: fetch refuses URLs that carry them.
    let authorization = options.authorization;
    if (!authorization && (url.username || url.password)) {
      authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    url.username = '';
    url.password = '';
    this.base = `${url.toString().replace(/\/$/, '')}/api/2.0/mlflow`;
    this.headers = { accept: 'application/json', ...(authorization && { authorization }) };
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retries = options.retries ?? 4;
  }

  /** `once`: no retry (a write that must not happen twice, or a quick first check). */
  get<T>(path: string, query: Query = {}, options: { once?: boolean } = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
    }
    const qs = params.toString();
    return this.request<T>('GET', `${path}${qs ? `?${qs}` : ''}`, undefined, options.once ? 1 : this.retries);
  }

  post<T>(path: string, body: object, options: { once?: boolean } = {}): Promise<T> {
    return this.request<T>('POST', path, body, options.once ? 1 : this.retries);
  }

  /** DELETE with a JSON body, as MLflow's registry expects it. */
  delete<T>(path: string, body: object): Promise<T> {
    return this.request<T>('DELETE', path, body, this.retries);
  }

  private async request<T>(method: string, path: string, body: object | undefined, retries: number): Promise<T> {
    const url = `${this.base}/${path}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: { ...this.headers, ...(body && { 'content-type': 'application/json' }) },
          ...(body && { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (attempt < retries) {
          await pause(attempt);
          continue;
        }
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new MlflowUnreachableError(`Cannot reach ${url.split('?')[0]}: ${cause}`);
      }
      const textBody = await res.text();
      if (res.ok) return (textBody ? JSON.parse(textBody) : {}) as T;
      if (RETRYABLE.has(res.status) && attempt < retries) {
        await pause(attempt);
        continue;
      }
      let errorCode = '';
      let message = textBody.slice(0, 300);
      try {
        const parsed = JSON.parse(textBody) as { error_code?: string; message?: string };
        errorCode = parsed.error_code ?? '';
        message = parsed.message ?? message;
      } catch {
        // Not MLflow's JSON: keep the start of the body.
      }
      throw new MlflowHttpError(res.status, errorCode, `${method} ${path.split('?')[0]} answered ${res.status}${errorCode ? ` ${errorCode}` : ''}: ${message || res.statusText}`);
    }
  }
}

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 4_000)));
