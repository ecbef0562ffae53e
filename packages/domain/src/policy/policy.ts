// Who may do what: a table of write actions (named by their API procedure) and the roles
// allowed to take them, plus rules that depend on the record. The server enforces it in
// one place; the web app reads the same table to hide or disable what a user cannot do.
import type { Role } from './roles';

const BUILDERS: readonly Role[] = ['data_scientist', 'mlops_engineer', 'admin'];
const EVERYONE: readonly Role[] = ['data_scientist', 'mlops_engineer', 'data_engineer', 'platform_engineer', 'product_owner', 'compliance_lead', 'admin'];

/** Every write the API offers, and the roles allowed to attempt it. Reads are open to any signed-in role. */
export const POLICY = {
  'experiments.create': BUILDERS,
  'experiments.rename': BUILDERS,
  'experiments.archive': BUILDERS,
  'experiments.setTags': BUILDERS,
  'runs.create': [...BUILDERS, 'platform_engineer'],
  'runs.update': [...BUILDERS, 'platform_engineer'],
  'runs.logBatch': [...BUILDERS, 'platform_engineer'],
  'datasets.upload': [...BUILDERS, 'data_engineer'],
  'auth.signOut': EVERYONE,
  'tokens.create': EVERYONE,
  'tokens.revoke': EVERYONE,
  'models.create': BUILDERS,
  'models.update': BUILDERS,
  'models.setPolicy': ['mlops_engineer', 'compliance_lead', 'admin'],
  'models.rename': BUILDERS,
  'models.delete': ['mlops_engineer', 'admin'],
  'versions.create': BUILDERS,
  'versions.updateCard': BUILDERS,
  'versions.update': BUILDERS,
  'versions.delete': ['mlops_engineer', 'admin'],
  'gates.report': [...BUILDERS, 'platform_engineer'],
  'gates.check': [...BUILDERS, 'platform_engineer'],
  'promotions.request': [...BUILDERS, 'platform_engineer'],
  // Anyone may sign; the service checks the role is one the model's policy asks for,
  // that the signer holds it, and segregation of duties.
  'promotions.decide': EVERYONE,
  'promotions.withdraw': EVERYONE,
  'promotions.execute': [...BUILDERS, 'platform_engineer'],
  'aliases.rollback': ['mlops_engineer', 'admin'],
  'reviews.resolve': ['compliance_lead', 'admin'],
  // Serving infrastructure posts windows and labels with a platform or MLOps service token.
  'monitoring.ingest': ['mlops_engineer', 'platform_engineer', 'admin'],
  'monitoring.labels': ['mlops_engineer', 'platform_engineer', 'data_engineer', 'admin'],
  'monitoring.createRule': ['mlops_engineer', 'admin'],
  'monitoring.updateRule': ['mlops_engineer', 'admin'],
  'monitoring.acknowledge': ['mlops_engineer', 'data_scientist', 'admin'],
  'monitoring.retryDelivery': ['mlops_engineer', 'platform_engineer', 'admin'],
  'kpis.create': ['product_owner', 'admin'],
  'kpis.update': ['product_owner', 'admin'],
  // Warehouse jobs post daily values with a data or platform engineer's service token.
  'kpis.record': ['product_owner', 'data_engineer', 'platform_engineer', 'admin'],
  'kpis.comment': ['product_owner', 'admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'teams.create': ['admin'],
  'teams.update': ['admin'],
  'teams.setMembers': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type PolicyAction = keyof typeof POLICY;

/** Reads that are not open to every role. */
export const RESTRICTED_READS = {
  'audit.list': ['compliance_lead', 'admin'],
  'audit.verify': ['compliance_lead', 'admin'],
  'audit.export': ['compliance_lead', 'admin'],
  'users.list': ['admin'],
  'tokens.listAll': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RestrictedRead = keyof typeof RESTRICTED_READS;

export function policyActionIs(action: string): action is PolicyAction {
  return Object.hasOwn(POLICY, action);
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

const roleList = (roles: readonly Role[]) => roles.map((r) => r.replace('_', ' ')).join(', ');

/** Whether any of the roles may take a write action or a restricted read; unknown actions are refused. */
export function policyAllows(action: string, roles: readonly Role[]): PolicyDecision {
  const allowed: readonly Role[] | undefined = policyActionIs(action)
    ? POLICY[action]
    : Object.hasOwn(RESTRICTED_READS, action)
      ? RESTRICTED_READS[action as RestrictedRead]
      : undefined;
  if (!allowed) return { allowed: false, reason: `"${action}" has no policy entry, so nobody may do it` };
  if (roles.some((r) => allowed.includes(r))) return { allowed: true };
  return { allowed: false, reason: `Only ${roleList(allowed)} may do this (${action}); you hold ${roles.length ? roleList(roles) : 'no role'}` };
}

/** A token may carry only roles its owner holds. Returns the roles that exceed the owner's. */
export function policyScopeExcess(requested: readonly Role[], held: readonly Role[]): Role[] {
  return requested.filter((r) => !held.includes(r));
}

/** Record rule: a token is revoked by its owner or an admin. */
export function policyMayRevokeToken(actor: { userId: number; roles: readonly Role[] }, token: { userId: number; createdBy: number }): PolicyDecision {
  if (actor.roles.includes('admin') || actor.userId === token.userId || actor.userId === token.createdBy) return { allowed: true };
  return { allowed: false, reason: 'Only the token’s owner or an admin may revoke it' };
}
