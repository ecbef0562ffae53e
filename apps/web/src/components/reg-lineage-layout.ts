// Places a lineage graph in four columns, dataset → run → version → alias, and routes
// each edge from its source's right side to its target's left side.

export interface RegLineageNode {
  id: string;
  kind: 'dataset' | 'run' | 'version' | 'alias';
  label: string;
  detail: string;
  href: string;
}
export interface RegLineageEdge {
  from: string;
  to: string;
  label: string;
}

export const REG_LINEAGE_COLUMNS = ['dataset', 'run', 'version', 'alias'] as const;
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
  const columns = REG_LINEAGE_COLUMNS.map((kind) => nodes.filter((n) => n.kind === kind).sort((a, b) => a.label.localeCompare(b.label))).filter((c) => c.length > 0);
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
    kinds: columns.map((c) => c[0]!.kind),
    width: columns.length * width + (columns.length - 1) * columnGap,
    height: totalHeight,
  };
}
