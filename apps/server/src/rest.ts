// REST endpoints beside tRPC: the audit trail's verification and export, for scripts
// and auditors who prefer curl. The same policy table decides who may call them.
import { Router, type Request, type Response } from 'express';
import { auditFilterInput } from '@quorum/contracts';
import { policyAllows, type RestrictedRead } from '@quorum/domain';
import type { RequestLocals } from './app';
import { auditExport, auditRefusal, auditVerify } from './services/audit';
import { zodMessage } from './trpc/errors';

async function allowed(req: Request, res: Response, action: RestrictedRead): Promise<RequestLocals['ctx'] | null> {
  const locals = res.locals.quorum as RequestLocals;
  const actor = locals.ctx.actor;
  if (!actor) {
    res.status(401).json({ error: { message: locals.badCredentials ? 'The API token is not valid: it is unknown, expired or revoked' : 'Sign in first, or send an API token as "Authorization: Bearer <token>"' } });
    return null;
  }
  const decision = policyAllows(action, actor.roles);
  if (!decision.allowed) {
    await auditRefusal(locals.ctx, action, { entityType: 'action', entityId: action }, { reason: decision.reason, path: req.path });
    res.status(403).json({ error: { message: decision.reason } });
    return null;
  }
  return locals.ctx;
}

export function restRouter(): Router {
  const r = Router();

  r.get('/audit/verify', async (req, res, next) => {
    try {
      const ctx = await allowed(req, res, 'audit.verify');
      if (ctx) res.json(await auditVerify(ctx));
    } catch (e) {
      next(e);
    }
  });

  r.get('/audit/export', async (req, res, next) => {
    try {
      const ctx = await allowed(req, res, 'audit.export');
      if (!ctx) return;
      const format = req.query.format === 'csv' ? 'csv' : req.query.format === 'jsonl' || req.query.format === undefined ? 'jsonl' : null;
      if (!format) {
        res.status(400).json({ error: { message: 'format is jsonl or csv' } });
        return;
      }
      const num = (v: unknown) => (typeof v === 'string' && v !== '' ? Number(v) : undefined);
      const parsed = auditFilterInput.safeParse({
        actor: req.query.actor || undefined,
        action: req.query.action || undefined,
        entityType: req.query.entityType || undefined,
        entityId: req.query.entityId || undefined,
        from: num(req.query.from),
        to: num(req.query.to),
        outcome: req.query.outcome || undefined,
      });
      if (!parsed.success) {
        res.status(400).json({ error: { message: zodMessage(parsed.error) } });
        return;
      }
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="quorum-audit.${format}"`);
      for await (const chunk of auditExport(ctx, parsed.data, format)) res.write(chunk);
      res.end();
    } catch (e) {
      next(e);
    }
  });
  return r;
}
