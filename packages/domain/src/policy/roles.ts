// The roles people hold in Quorum.

export const ROLES = [
  'data_scientist',
  'mlops_engineer',
  'data_engineer',
  'platform_engineer',
  'product_owner',
  'compliance_lead',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  data_scientist: 'Data scientist',
  mlops_engineer: 'MLOps engineer',
  data_engineer: 'Data engineer',
  platform_engineer: 'Platform engineer',
  product_owner: 'Product owner',
  compliance_lead: 'Compliance lead',
  admin: 'Admin',
};

export function roleIs(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
