// Sign-offs on a promotion: whether the approvals meet the policy's quorum, and who may give one.
import type { PolicyDecision } from '../policy/policy';
import { type Role, ROLE_LABELS } from '../policy/roles';
import type { ApprovalRequirement } from './gates';

/** One person's decision on a request, signed in one role. */
export interface ApprovalRecord {
  userId: number;
  role: Role;
  decision: 'approve' | 'reject';
}

/** Whether the quorum is met, what is still missing, and approvers counted per role. */
export interface ApprovalQuorum {
  met: boolean;
  missing: { role: Role; count: number }[];
  /** Distinct approvers per role, each person counted once, in the role where they are needed. */
  byRole: Record<string, number>;
}

/**
 * Counts approvals against the requirements: rejects do not count, and a person counts once
 * even when they approve twice or in several roles. People who signed in several roles are
 * placed where they close the most gaps (a small bipartite matching), so the answer does not
 * depend on the order of the records.
 */
export function approvalQuorum(required: ApprovalRequirement[], approvals: ApprovalRecord[]): ApprovalQuorum {
  const capacity = new Map<Role, number>();
  for (const r of required) capacity.set(r.role, (capacity.get(r.role) ?? 0) + r.count);
  const rolesOf = new Map<number, Role[]>();
  for (const a of approvals) {
    if (a.decision !== 'approve') continue;
    const roles = rolesOf.get(a.userId) ?? [];
    if (!roles.includes(a.role)) roles.push(a.role);
    rolesOf.set(a.userId, roles);
  }
  const seated = new Map<Role, number[]>();
  const placed = new Map<number, Role>();
  // Augmenting path: seat `user` in a required role with room, or move whoever sits there elsewhere.
  const seat = (user: number, visited: Set<Role>): boolean => {
    for (const role of rolesOf.get(user) ?? []) {
      const room = capacity.get(role);
      if (room === undefined || visited.has(role)) continue;
      visited.add(role);
      const here = seated.get(role) ?? [];
      seated.set(role, here);
      if (here.length < room) here.push(user);
      else {
        const moved = here.find((other) => seat(other, visited));
        if (moved === undefined) continue;
        here[here.indexOf(moved)] = user;
      }
      placed.set(user, role);
      return true;
    }
    return false;
  };
  for (const user of rolesOf.keys()) seat(user, new Set());
  const byRole: Record<string, number> = {};
  for (const [user, roles] of rolesOf) {
    // Approvers nobody required still show, under the first role they signed in.
    const role = placed.get(user) ?? (roles[0] as Role);
    byRole[role] = (byRole[role] ?? 0) + 1;
  }
  const missing = [...capacity]
    .map(([role, count]) => ({ role, count: count - (seated.get(role)?.length ?? 0) }))
    .filter((m) => m.count > 0);
  return { met: missing.length === 0, missing, byRole };
}

/**
 * Segregation of duties: nobody signs off their own request, a version they registered, or a
 * version whose run they trained; and they must hold the role they sign in. Admins included.
 */
export function approvalMayDecide(
  actor: { userId: number; roles: Role[] },
  request: { requestedBy: number },
  version: { createdBy: number | null; runCreatedBy: number | null },
  role: Role,
): PolicyDecision {
  if (actor.userId === request.requestedBy) return { allowed: false, reason: 'You requested this promotion: someone else must approve it' };
  if (actor.userId === version.createdBy) return { allowed: false, reason: 'You registered this version: someone who did not build it must approve its promotion' };
  if (actor.userId === version.runCreatedBy) return { allowed: false, reason: 'You trained this version (its run is yours): someone who did not build it must approve its promotion' };
  if (!actor.roles.includes(role)) {
    const label = ROLE_LABELS[role] ?? role;
    return { allowed: false, reason: `You do not hold the ${label} role, so you cannot sign off as one` };
  }
  return { allowed: true };
}
