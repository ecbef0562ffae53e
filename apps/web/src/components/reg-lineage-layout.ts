// Places a lineage graph in four columns, dataset (and alert) → run → version → alias, and
// routes each edge from its source's right side to its target's left side.

export type RegLineageKind = 'dataset' | 'alert' | 'run' | 'version' | 'alias';

export interface RegLineageNode {
  id: string;
  kind: RegLineageKind;
  label: string;
  detail: string;
  href: string;
}
export interface RegLineageEdge {
  from: string;
  to: string;
  label: string;
}

/** The kinds in each column; an alert that asked for a retraining run stands with the run's datasets, as another input. */
export const REG_LINEAGE_COLUMNS: readonly (readonly RegLineageKind[])[] = [['dataset', 'alert'], ['run'], ['version'], ['alias']];
export const REG_LINEAGE_BOX = { width: 200, height: 54, columnGap: 72, rowGap: 14, top: 22 } as const;

export interface RegPlacedNode extends RegLineageNode {
  x: number;
  y: number;
}
export interface RegPlacedEdge extends RegLineageEdge {
  path: string;
  labelX: number;
  labelY: number;
}

/** Coordinates for every node and edge; columns with no nodes are dropped so nothing floats. */
export function regLineageLayout(nodes: readonly RegLineageNode[], edges: readonly RegLineageEdge[]) {
  const { width, height, columnGap, rowGap, top } = REG_LINEAGE_BOX;
  const columns = REG_LINEAGE_COLUMNS.map((kinds) =>
    nodes.filter((n) => kinds.includes(n.kind)).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.label.localeCompare(b.label)),
  ).filter((c) => c.length > 0);
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const totalHeight = top + tallest * height + (tallest - 1) * rowGap;
  const placed = new Map<string, RegPlacedNode>();
  columns.forEach((column, ci) => {
    const columnHeight = column.length * height + (column.length - 1) * rowGap;
    const offset = top + (totalHeight - top - columnHeight) / 2;
    column.forEach((n, ri) => placed.set(n.id, { ...n, x: ci * (width + columnGap), y: offset + ri * (height + rowGap) }));
  });
  const placedEdges: RegPlacedEdge[] = [];
  for (const e of edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = [a.x + width, a.y + height / 2, b.x - 6, b.y + height / 2];
    const bend = (x2 - x1) / 2;
    placedEdges.push({ ...e, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 5 });
  }
  return {
    nodes: [...placed.values()],
    edges: placedEdges,
    /** The kinds present in each column, for its title. */
    kinds: columns.map((c) => [...new Set(c.map((n) => n.kind))]),
    width: columns.length * width + (columns.length - 1) * columnGap,
    height: totalHeight,
  };
}
