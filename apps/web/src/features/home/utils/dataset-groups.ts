// Dataset versions grouped by name, newest first, as the homes show them.

export interface DatasetVersionLike {
  id: number;
  name: string;
  createdAt: number;
  profiledAt: number | null;
}

export interface DatasetGroup<T extends DatasetVersionLike> {
  name: string;
  /** Newest first; versions registered in the same millisecond by id, which only grows. */
  versions: T[];
}

export function datasetGroups<T extends DatasetVersionLike>(rows: readonly T[]): DatasetGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.name, [...(groups.get(row.name) ?? []), row]);
  return [...groups].map(([name, versions]) => ({ name, versions: versions.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id) }));
}

/** The latest two versions when both are profiled, so drift between them can be computed. */
export function datasetDriftPair<T extends DatasetVersionLike>(group: DatasetGroup<T>): { reference: T; current: T } | null {
  const [current, reference] = group.versions;
  if (!current || !reference || current.profiledAt === null || reference.profiledAt === null) return null;
  return { reference, current };
}
