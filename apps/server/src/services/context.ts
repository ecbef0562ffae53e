// What every service verb receives: the database and the clock, injected so tests
// choose both.
import type { Database } from '@quorum/db';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ServiceContext {
  db: Database;
  clock: Clock;
}
