import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/roles';
import { approvalMayDecide, approvalQuorum, type ApprovalRecord } from './approvals';

const yes = (userId: number, role: Role): ApprovalRecord => ({ userId, role, decision: 'approve' });
const no = (userId: number, role: Role): ApprovalRecord => ({ userId, role, decision: 'reject' });

describe('approvalQuorum', () => {
  const twoLeadsOneOps = [
    { role: 'compliance_lead' as const, count: 2 },
    { role: 'mlops_engineer' as const, count: 1 },
  ];

  it('is not met with no approvals, and lists everything missing', () => {
    expect(approvalQuorum(twoLeadsOneOps, [])).toEqual({
      met: false,
      missing: [
        { role: 'compliance_lead', count: 2 },
        { role: 'mlops_engineer', count: 1 },
      ],
      byRole: {},
    });
  });

  it('is met when every role has its count of distinct approvers', () => {
    expect(approvalQuorum(twoLeadsOneOps, [yes(1, 'compliance_lead'), yes(2, 'compliance_lead'), yes(3, 'mlops_engineer')])).toEqual({
      met: true,
      missing: [],
      byRole: { compliance_lead: 2, mlops_engineer: 1 },
    });
  });

  it('counts a person once even when they approve twice', () => {
    const r = approvalQuorum(twoLeadsOneOps, [yes(1, 'compliance_lead'), yes(1, 'compliance_lead'), yes(3, 'mlops_engineer')]);
    expect(r).toEqual({ met: false, missing: [{ role: 'compliance_lead', count: 1 }], byRole: { compliance_lead: 1, mlops_engineer: 1 } });
  });

  it('counts a person once even when they sign in two roles', () => {
    const r = approvalQuorum(
      [
        { role: 'compliance_lead', count: 1 },
        { role: 'mlops_engineer', count: 1 },
      ],
      [yes(1, 'compliance_lead'), yes(1, 'mlops_engineer')],
    );
    expect(r.met).toBe(false);
    expect(r.missing).toEqual([{ role: 'mlops_engineer', count: 1 }]);
    expect(r.byRole).toEqual({ compliance_lead: 1 });
  });

  it('places people who signed in several roles where they are needed, whatever the order', () => {
    const required = [
      { role: 'compliance_lead' as const, count: 1 },
      { role: 'mlops_engineer' as const, count: 1 },
    ];
    // A greedy count would seat user 1 as MLOps engineer and leave compliance open.
    const records = [yes(1, 'mlops_engineer'), yes(1, 'compliance_lead'), yes(2, 'mlops_engineer')];
    for (const order of [records, [...records].reverse()]) {
      expect(approvalQuorum(required, order)).toEqual({ met: true, missing: [], byRole: { compliance_lead: 1, mlops_engineer: 1 } });
    }
  });

  it('does not count rejects', () => {
    const r = approvalQuorum([{ role: 'compliance_lead', count: 1 }], [no(1, 'compliance_lead'), no(2, 'compliance_lead')]);
    expect(r).toEqual({ met: false, missing: [{ role: 'compliance_lead', count: 1 }], byRole: {} });
  });

  it('shows approvers in roles the policy does not ask for without counting them toward it', () => {
    const r = approvalQuorum([{ role: 'compliance_lead', count: 1 }], [yes(1, 'admin'), yes(2, 'product_owner')]);
    expect(r).toEqual({ met: false, missing: [{ role: 'compliance_lead', count: 1 }], byRole: { admin: 1, product_owner: 1 } });
  });

  it('counts extra approvers beyond the requirement', () => {
    const r = approvalQuorum([{ role: 'mlops_engineer', count: 1 }], [yes(1, 'mlops_engineer'), yes(2, 'mlops_engineer'), yes(3, 'mlops_engineer')]);
    expect(r).toEqual({ met: true, missing: [], byRole: { mlops_engineer: 3 } });
  });
});

describe('approvalMayDecide', () => {
  const request = { requestedBy: 10 };
  const version = { createdBy: 20, runCreatedBy: 30 };
  const lead = (userId: number) => ({ userId, roles: ['compliance_lead', 'admin'] as Role[] });

  it('allows an independent holder of the role', () => {
    expect(approvalMayDecide(lead(40), request, version, 'compliance_lead')).toEqual({ allowed: true });
    expect(approvalMayDecide(lead(40), request, { createdBy: null, runCreatedBy: null }, 'compliance_lead')).toEqual({ allowed: true });
  });

  it('refuses the requester', () => {
    expect(approvalMayDecide(lead(10), request, version, 'compliance_lead')).toEqual({ allowed: false, reason: 'You requested this promotion: someone else must approve it' });
  });

  it('refuses whoever registered the version or trained its run, admins included', () => {
    expect(approvalMayDecide(lead(20), request, version, 'compliance_lead')).toEqual({
      allowed: false,
      reason: 'You registered this version: someone who did not build it must approve its promotion',
    });
    expect(approvalMayDecide(lead(30), request, version, 'admin')).toEqual({
      allowed: false,
      reason: 'You trained this version (its run is yours): someone who did not build it must approve its promotion',
    });
  });

  it('refuses a role the person does not hold, even to an admin', () => {
    expect(approvalMayDecide(lead(40), request, version, 'mlops_engineer')).toEqual({
      allowed: false,
      reason: 'You do not hold the MLOps engineer role, so you cannot sign off as one',
    });
  });
});
