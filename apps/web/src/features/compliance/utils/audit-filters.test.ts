import { describe, expect, it } from 'vitest';
import { AUDIT_NO_FILTERS, auditApiFilter, auditExportHref, auditFiltersFromUrl, auditFiltersToUrl } from './audit-filters';

describe('auditApiFilter', () => {
  it('leaves out empty filters', () => {
    expect(auditApiFilter(AUDIT_NO_FILTERS)).toEqual({});
  });

  it('covers the whole of the last day', () => {
    const f = auditApiFilter({ ...AUDIT_NO_FILTERS, from: '2026-03-01', to: '2026-03-01' });
    expect(f.from).toBe(new Date(2026, 2, 1).getTime());
    expect(f.to).toBe(new Date(2026, 2, 2).getTime() - 1);
  });

  it('ignores a date it cannot read', () => {
    expect(auditApiFilter({ ...AUDIT_NO_FILTERS, from: 'yesterday' })).toEqual({});
  });
});

describe('audit filters in the URL', () => {
  it('round-trips and keeps other params', () => {
    const f = { ...AUDIT_NO_FILTERS, actor: 'user:7', action: 'runs.', to: '2026-03-02' };
    const url = auditFiltersToUrl(f, new URLSearchParams('x=1&actor=old'));
    expect(url.get('x')).toBe('1');
    expect(url.has('entity')).toBe(false);
    expect(auditFiltersFromUrl(url)).toEqual(f);
  });
});

describe('auditExportHref', () => {
  it('passes the filter in the export endpoint’s names', () => {
    expect(auditExportHref('csv', { action: 'users.', from: 5 })).toBe('/api/audit/export?format=csv&action=users.&from=5');
  });
});

describe('outcome filter', () => {
  it('passes a known outcome to the API and ignores anything else', () => {
    const base = { ...AUDIT_NO_FILTERS };
    expect(auditApiFilter({ ...base, outcome: 'denied' })).toEqual({ outcome: 'denied' });
    expect(auditApiFilter({ ...base, outcome: 'bogus' })).toEqual({});
  });
});
