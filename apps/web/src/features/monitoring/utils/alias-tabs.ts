// The alias tabs of a model's page: which aliases to show, in which order, and their names.

/** Windows sent for a version directly carry no alias. */
export const aliasLabel = (alias: string) => (alias === '' ? 'by version' : alias);

export interface AliasTab {
  alias: string;
  /** The version the alias points at now, if it does. */
  version: number | null;
  windows: number;
  openAlerts: number;
}

/** What the tabs are read from: a model's monitoring page. */
export interface TabSource {
  aliases: readonly { alias: string; version: number }[];
  windows: readonly { alias: string }[];
  alerts: readonly { alias: string; state: string }[];
}

/** Aliases with windows in range or pointing at a version: production, staging, the rest by name, direct traffic last. */
export function aliasTabs(page: TabSource): AliasTab[] {
  const names = new Set<string>([...page.aliases.map((a) => a.alias), ...page.windows.map((w) => w.alias)]);
  const rank = (a: string) => (a === 'production' ? 0 : a === 'staging' ? 1 : a === '' ? 3 : 2);
  return [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((alias) => ({
      alias,
      version: page.aliases.find((a) => a.alias === alias)?.version ?? null,
      windows: page.windows.filter((w) => w.alias === alias).length,
      openAlerts: page.alerts.filter((a) => a.alias === alias && a.state !== 'resolved').length,
    }));
}
