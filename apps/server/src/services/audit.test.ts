import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness';

describeEachEngine('audit trail', (get) => {
  it('appends one entry per mutation in its transaction, and none for a refused one', async () => {
    const { caller, callerAs } = get();
    const compliance = callerAs('compliance_lead');
    const count = async () => (await compliance.audit.verify()).entries;
    const start = await count();
    const exp = await caller.experiments.create({ name: 'audited' });
    const run = await caller.runs.create({ experimentId: exp.id, name: 'r' });
    await caller.runs.logBatch({ runId: run.id, metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 1 }] });
    await caller.runs.logBatch({ runId: run.id, params: [{ key: 'lr', value: '0.1' }] });
    await caller.runs.update({ runId: run.id, status: 'FINISHED' });
    expect(await count()).toBe(start + 5);

    // A rejected batch writes nothing, its audit entry included.
    await expect(caller.runs.logBatch({ runId: run.id, params: [{ key: 'lr', value: '0.2' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.runs.logBatch({ runId: 'a'.repeat(32), metrics: [{ key: 'x', value: 1, step: 0, timestamp: 0 }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await count()).toBe(start + 5);

    const entries = await compliance.audit.list({ entityId: run.id });
    expect(entries.map((e) => e.action)).toEqual(['runs.update', 'runs.logBatch', 'runs.logBatch', 'runs.create']);
    expect(entries[0]!.summary).toMatchObject({ from: { status: 'RUNNING' }, to: { status: 'FINISHED' } });
    expect(entries[2]!.summary).toMatchObject({ points: 1, metrics: { loss: { points: 1 } } });
    expect(entries[0]!.actorLabel).toContain('data scientist');
  });

  it('verifies the chain and names exactly the entry that was changed behind its back', async () => {
    const { caller, callerAs, handle } = get();
    const exp = await caller.experiments.create({ name: 'tamper-target' });
    for (let i = 0; i < 3; i++) await caller.experiments.rename({ id: exp.id, name: `tamper-${i}` });
    const compliance = callerAs('compliance_lead');
    expect(await compliance.audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });

    // The table refuses edits outright…
    await expect(handle.db.execute(sql`update audit_log set summary = '{}' where seq = 2`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
    // …so an attacker with owner rights switches the guard off first.
    const [target] = await compliance.audit.list({ action: 'experiments.rename', entityId: String(exp.id), limit: 1 });
    await handle.db.execute(sql`alter table audit_log disable trigger audit_log_immutable`);
    await handle.db.execute(sql`update audit_log set summary = '{"name":{"from":"x","to":"y"}}' where seq = ${target!.seq}`);
    await handle.db.execute(sql`alter table audit_log enable trigger audit_log_immutable`);
    const result = await compliance.audit.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: target!.seq });
    expect(result.reason).toContain('content was changed');
  });

  it('lets only compliance leads and admins read the trail', async () => {
    const { callerAs } = get();
    await expect(callerAs('data_scientist').audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerAs('mlops_engineer').audit.verify()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerAs('admin').audit.list({ limit: 1 })).resolves.toHaveLength(1);
  });
});
