// createApp: the Express app around the tRPC router and the built SPA. Builds, never
// listens, so tests drive the real app over HTTP or through createCaller.
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@quorum/db';
import { appRouter } from './routers';
import { systemClock, type Clock } from './services/context';
import { createCallerFactory } from './trpc/init';

export interface AppConfig {
  /** Folder of the built SPA; when absent or missing, only the API is served. */
  webDist?: string | undefined;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
}

export interface AppDeps {
  db: Database;
  clock?: Clock;
  config?: AppConfig;
  /** Resolves when the database is ready; /healthz answers 503 until then. */
  ready?: () => boolean;
}

/** Default request body limit: a full 10,000-point batch with long keys fits well inside. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createApp({ db, clock = systemClock, config = {}, ready = () => true }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  const context = { db, clock };

  app.get('/healthz', (_req, res) => {
    if (ready()) res.json({ ok: true });
    else res.status(503).json({ ok: false, message: 'The database is starting' });
  });

  app.use(
    '/api/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: () => context,
      maxBodySize: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    }),
  );
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { message: 'No such API endpoint' } });
  });

  const dist = config.webDist;
  if (dist && existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The SPA routes on the client: every other GET gets index.html.
    app.get(/.*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'index.html'));
    });
  }
  return app;
}

/** A server-side caller for tests and the demo seed: the same procedures, no HTTP. */
export function createCaller(deps: { db: Database; clock?: Clock }) {
  return createCallerFactory(appRouter)({ db: deps.db, clock: deps.clock ?? systemClock });
}
