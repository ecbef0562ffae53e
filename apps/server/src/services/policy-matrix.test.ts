// Every mutating procedure × every role: allowed or 403, generated from the router and
// the policy table, so a new procedure without a policy entry fails here.
import { TRPCError } from '@trpc/server';
import { POLICY, policyAllows, ROLES } from '@quorum/domain';
import { expect, it } from 'vitest';
import { appRouter } from '../routers';
import { describeEachEngine } from '../test/harness';

/** Mutations anyone may call without signing in. */
const PUBLIC_MUTATIONS = ['auth.signIn'];

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);
const mutations = procedures.filter(([, p]) => p._def.type === 'mutation').map(([path]) => path);

it('has a policy entry for every mutation, and no entry without a mutation', () => {
  const guarded = mutations.filter((m) => !PUBLIC_MUTATIONS.includes(m));
  expect(guarded.filter((m) => !(m in POLICY))).toEqual([]);
  expect(Object.keys(POLICY).filter((a) => !mutations.includes(a))).toEqual([]);
});

describeEachEngine('policy matrix', (get) => {
  it('allows or forbids each mutation for each role exactly as the table says', async () => {
    const outcomes: string[] = [];
    for (const path of mutations.filter((m) => !PUBLIC_MUTATIONS.includes(m))) {
      for (const role of ROLES) {
        const caller = get().callerAs(role) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
        const [group, name] = path.split('.') as [string, string];
        // No input: an allowed role gets past the policy and fails validation (or a
        // record rule); a forbidden one is stopped first.
        const error = await caller[group]![name]!(undefined).then(
          () => null,
          (e: unknown) => e,
        );
        const forbidden = error instanceof TRPCError && error.code === 'FORBIDDEN';
        const expected = !policyAllows(path, [role]).allowed;
        if (forbidden !== expected) outcomes.push(`${path} as ${role}: ${forbidden ? 'forbidden' : 'allowed'}, policy says ${expected ? 'forbidden' : 'allowed'}`);
        if (forbidden) expect((error as TRPCError).message).toMatch(/Only .* may do this/);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('answers a signed-out caller with 401 on reads and writes', async () => {
    const { createCaller } = await import('../app');
    const anonymous = createCaller({ db: get().handle.db, clock: get().clock });
    await expect(anonymous.experiments.list({ includeArchived: false })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('Sign in first') });
    await expect(anonymous.experiments.create({ name: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await anonymous.auth.me()).toBeNull();
  });

  it('audits denied actions', async () => {
    const { callerAs } = get();
    await expect(callerAs('product_owner').experiments.create({ name: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const trail = await callerAs('compliance_lead').audit.list({ action: 'experiments.create' });
    expect(trail[0]).toMatchObject({ outcome: 'denied', actorLabel: expect.stringContaining('product owner') });
    const refusals = await callerAs('compliance_lead').audit.list({ outcome: 'denied' });
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((e) => e.outcome === 'denied')).toBe(true);
    expect(await callerAs('product_owner').experiments.list({ includeArchived: true })).not.toContainEqual(expect.objectContaining({ name: 'nope' }));
  });
});
