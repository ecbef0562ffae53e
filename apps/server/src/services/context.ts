// What every service verb receives: the database, the clock and who is acting,
// injected so tests choose all three.
import type { Database } from '@quorum/db';
import type { Actor } from '../auth/actor';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ServiceContext {
  db: Database;
  clock: Clock;
  /** The signed-in user or token; null for the server itself (see `system`). */
  actor: Actor | null;
  /** Set when the server acts on its own (start-up bootstrap, demo seed): the audit label. */
  system?: string;
}

/** A context for work the server does on its own behalf. */
export function systemContext(db: Database, clock: Clock, label: string): ServiceContext {
  return { db, clock, actor: null, system: label };
}
