// What stops the signed-in person from deciding on a request, said before they click:
// the same rules the server applies (segregation of duties, roles the policy asks for,
// one signature each, green gates to approve), so its refusal is rarely a surprise.
import { approvalMayDecide, ROLE_LABELS, roleIs, type Role } from '@quorum/domain';

export interface DecisionInput {
  user: { id: number; roles: readonly string[] };
  request: { requestedBy: number; state: string };
  /** Roles the model's policy asks to sign, in policy order. */
  policyRoles: readonly Role[];
  approvals: readonly { userId: number; resetAt: number | null }[];
  /** Who built the version; null while it loads. */
  builders: { createdBy: number | null; runCreatedBy: number | null } | null;
  /** The version's latest gate verdict; null when never evaluated. */
  gatesPassed: boolean | null;
}

/** Said while the version loads: the buttons wait, without a warning that would flash. */
export const DECISION_LOADING = 'Checking who built this version…';

export interface DecisionState {
  /** Roles the person may sign as. */
  roles: Role[];
  /** Why they cannot decide at all, or null. */
  blocked: string | null;
  /** Why they cannot approve (they may still reject), or null. */
  approveBlocked: string | null;
}

const label = (r: string) => (roleIs(r) ? ROLE_LABELS[r] : r).toLowerCase().replace('mlops', 'MLOps');
// "an MLOps engineer": the article follows the sound, and M is read "em".
const withArticle = (s: string) => `${/^([aeiou]|MLOps)/i.test(s) ? 'an' : 'a'} ${s}`;

export function decisionState(input: DecisionInput): DecisionState {
  const held = input.user.roles.filter(roleIs);
  const roles = input.policyRoles.filter((r) => held.includes(r));
  const gates = input.gatesPassed === null ? 'No gate results yet: report evidence first' : input.gatesPassed ? null : 'Gates are not all green: they must pass before anyone approves';
  const result = (blocked: string | null): DecisionState => ({ roles, blocked, approveBlocked: blocked ?? gates });

  if (input.request.state !== 'pending') return result(`The request is ${input.request.state}; only pending requests take decisions`);
  if (!input.builders) return result(DECISION_LOADING);
  // Asked with a role the person holds, the answer is only about segregation of duties.
  const sod = approvalMayDecide({ userId: input.user.id, roles: held }, input.request, input.builders, held[0] ?? 'admin');
  if (!sod.allowed && (held.length > 0 || input.user.id === input.request.requestedBy)) return result(sod.reason);
  if (roles.length === 0) {
    const asks = input.policyRoles.map((r) => withArticle(label(r))).join(' and ');
    return result(`The policy asks for ${asks || 'roles you do not hold'}; you hold ${held.length ? held.map(label).join(', ') : 'no role'}`);
  }
  if (input.approvals.some((a) => a.userId === input.user.id && a.resetAt === null)) return result('You have already signed this request');
  return result(null);
}
