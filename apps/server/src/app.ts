// createApp: the Express app around the tRPC router, the REST endpoints and the built
// SPA. Builds, never listens, so tests drive the real app over HTTP or createCaller.
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@quorum/db';
import { actorFromRequest, SESSION_COOKIE, type Actor } from './auth/actor';
import { restRouter } from './rest';
import { mlflowArtifactsRouter } from './rest/mlflow/artifacts';
import { mlflowRouter } from './rest/mlflow/router';
import { appRouter } from './routers';
import { DEFAULT_MAX_ARTIFACT_BYTES } from './services/artifact-store';
import { systemClock, type Clock, type ServiceContext } from './services/context';
import type { HttpSide, TrpcContext } from './trpc/context';
import { loggable } from './trpc/errors';
import { createCallerFactory } from './trpc/init';

export interface AppConfig {
  /** Folder of the built SPA; when absent or missing, only the API is served. */
  webDist?: string | undefined;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Mark the session cookie Secure (serve over HTTPS). */
  secureCookies?: boolean;
  /** Folder of MLflow artifact files (`<data dir>/artifacts`); without it the artifact endpoints answer 503. */
  artifactRoot?: string | undefined;
  /** Largest artifact file an upload may store, in bytes (default 2 GiB). */
  maxArtifactBytes?: number;
}

export interface AppDeps {
  db: Database;
  clock?: Clock;
  config?: AppConfig;
  /** /healthz answers 503 until this returns true. */
  ready?: () => boolean;
}

/** Default request body limit: a full 10,000-point batch or a dataset profile fits well inside. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The request's service context: who is calling, resolved from a Bearer token or the session cookie. */
export interface RequestLocals {
  ctx: ServiceContext;
  badCredentials: 'token' | null;
}

export function createApp({ db, clock = systemClock, config = {}, ready = () => true }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    if (ready()) res.json({ ok: true });
    else res.status(503).json({ ok: false, message: 'The database is starting' });
  });

  app.use('/api', async (req, res, next) => {
    // Cross-site form posts cannot set a JSON content type without a CORS preflight,
    // which this server never grants: refusing other types closes that door for writes.
    if (req.method === 'POST' && !req.is('application/json')) {
      res.status(415).json({ error: { message: 'Send the request body as application/json' } });
      return;
    }
    try {
      const { actor, badCredentials } = await actorFromRequest(db, { authorization: req.headers.authorization, cookie: req.headers.cookie }, clock.now());
      res.locals.quorum = { ctx: { db, clock, actor }, badCredentials } satisfies RequestLocals;
      next();
    } catch (error) {
      next(error);
    }
  });

  const cookie = (secret: string, maxAgeSeconds: number) =>
    [`${SESSION_COOKIE}=${encodeURIComponent(secret)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(config.secureCookies ? ['Secure'] : [])].join('; ');

  app.use(
    '/api/trpc',
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      createContext: ({ req, res }): TrpcContext => {
        const locals = res.locals.quorum as RequestLocals;
        const http: HttpSide = {
          setSessionCookie: (secret, expiresAt) => res.append('Set-Cookie', cookie(secret, Math.max(0, Math.floor((expiresAt - clock.now()) / 1000)))),
          clearSessionCookie: () => res.append('Set-Cookie', cookie('', 0)),
          csrfHeader: req.headers['x-csrf-token'] as string | undefined,
          badCredentials: locals.badCredentials,
        };
        return { ...locals.ctx, http };
      },
    }),
  );
  app.use(['/api/2.0/mlflow', '/ajax-api/2.0/mlflow'], mlflowRouter({ db, clock, maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, artifactRoot: config.artifactRoot }));
  app.use(
    ['/api/2.0/mlflow-artifacts', '/ajax-api/2.0/mlflow-artifacts'],
    mlflowArtifactsRouter({ db, clock, artifactRoot: config.artifactRoot, maxArtifactBytes: config.maxArtifactBytes ?? DEFAULT_MAX_ARTIFACT_BYTES }),
  );
  app.use('/api', restRouter());
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { message: 'No such API endpoint' } });
  });

  const dist = config.webDist;
  if (dist && existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The SPA routes on the client: every other GET gets index.html.
    app.get(/.*/, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'index.html'));
    });
  }
  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    console.error('Unexpected error', loggable(error));
    res.status(500).json({ error: { message: 'Something went wrong on the server; the error has been logged' } });
  });
  return app;
}

/** A server-side caller for tests and scripts: the same procedures, no HTTP. */
export function createCaller(deps: { db: Database; clock?: Clock; actor?: Actor | null; system?: string }) {
  return createCallerFactory(appRouter)({ db: deps.db, clock: deps.clock ?? systemClock, actor: deps.actor ?? null, ...(deps.system && { system: deps.system }) });
}
