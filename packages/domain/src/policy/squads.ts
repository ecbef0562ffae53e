// A squad's role mix against the split the field recommends: about 20% MLOps/DevOps
// (MLOps and platform engineers) to 80% ML builders (data scientists and data engineers),
// and one governance role (a compliance lead) per squad.
import type { Role } from './roles';

export const SQUAD_OPS_SHARE_TARGET = 0.2;
/** How far the ops share may sit from the target before we call the squad off balance. */
export const SQUAD_OPS_SHARE_TOLERANCE = 0.1;

export interface SquadMember {
  roles: readonly Role[];
}

export interface SquadMix {
  size: number;
  ops: number;
  builders: number;
  governance: number;
  /** Ops share among ops + builders; null when neither is present. */
  opsShare: number | null;
  findings: string[];
  balanced: boolean;
}

const OPS: readonly Role[] = ['mlops_engineer', 'platform_engineer'];
const BUILDERS: readonly Role[] = ['data_scientist', 'data_engineer'];

/** Counts each member once per group they belong to and says where the squad is off. */
export function squadMix(members: readonly SquadMember[]): SquadMix {
  const has = (m: SquadMember, group: readonly Role[]) => m.roles.some((r) => group.includes(r));
  const ops = members.filter((m) => has(m, OPS)).length;
  const builders = members.filter((m) => has(m, BUILDERS)).length;
  const governance = members.filter((m) => m.roles.includes('compliance_lead')).length;
  const opsShare = ops + builders > 0 ? ops / (ops + builders) : null;
  const findings: string[] = [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (opsShare === null) findings.push('No ML builders or MLOps engineers yet');
  else if (opsShare < SQUAD_OPS_SHARE_TARGET - SQUAD_OPS_SHARE_TOLERANCE)
    findings.push(`MLOps/platform share is ${pct(opsShare)}, well under the ~20% that keeps models shippable`);
  else if (opsShare > SQUAD_OPS_SHARE_TARGET + SQUAD_OPS_SHARE_TOLERANCE)
    findings.push(`MLOps/platform share is ${pct(opsShare)}, well over ~20%: few people are building models`);
  if (governance === 0) findings.push('No compliance lead: promotions have nobody to sign off governance');
  else if (governance > 1) findings.push(`${governance} compliance leads; one governance role per squad is the norm`);
  return { size: members.length, ops, builders, governance, opsShare, findings, balanced: findings.length === 0 };
}
