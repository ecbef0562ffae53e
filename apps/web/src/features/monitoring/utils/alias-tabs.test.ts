import { describe, expect, it } from 'vitest';
import { aliasLabel, aliasTabs } from './alias-tabs';

describe('aliasTabs', () => {
  it('shows every alias with windows or a version: production first, direct traffic last', () => {
    const tabs = aliasTabs({
      aliases: [{ alias: 'staging', version: 3 }, { alias: 'production', version: 2 }],
      windows: [{ alias: '' }, { alias: 'canary' }, { alias: 'production' }, { alias: 'production' }],
      alerts: [{ alias: 'production', state: 'open' }, { alias: 'production', state: 'resolved' }, { alias: 'canary', state: 'acknowledged' }],
    });
    expect(tabs).toEqual([
      { alias: 'production', version: 2, windows: 2, openAlerts: 1 },
      { alias: 'staging', version: 3, windows: 0, openAlerts: 0 },
      { alias: 'canary', version: null, windows: 1, openAlerts: 1 },
      { alias: '', version: null, windows: 1, openAlerts: 0 },
    ]);
    expect(aliasLabel('')).toBe('by version');
  });
});
