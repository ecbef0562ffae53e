// Runs a suite once per storage engine under test, against a freshly migrated database.
import { testEngines } from '@quorum/db/testing';
import type { DbHandle } from '@quorum/db';
import { afterAll, beforeAll, describe } from 'vitest';
import { createCaller } from '../app';
import type { Clock } from '../services/context';

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 10, 1)): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export interface EngineFixture {
  handle: DbHandle;
  clock: ReturnType<typeof manualClock>;
  caller: ReturnType<typeof createCaller>;
}

/** describe() once per engine; `get()` gives the fixture inside tests. */
export function describeEachEngine(title: string, body: (get: () => EngineFixture) => void) {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => {
      let fixture: EngineFixture | undefined;
      beforeAll(async () => {
        const handle = await engine.open();
        const clock = manualClock();
        fixture = { handle, clock, caller: createCaller({ db: handle.db, clock }) };
      });
      afterAll(async () => {
        await fixture?.handle.close();
      });
      body(() => {
        if (!fixture) throw new Error('fixture not ready');
        return fixture;
      });
    });
  }
}
