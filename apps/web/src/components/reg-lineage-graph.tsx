// Lineage drawn left to right, dataset → run → version → alias, with the alert that asked
// for a retraining run beside its datasets: boxes are links to where each node is shown,
// arrows say how they are joined (train, eval, retrain, registered, serves).
import { Link } from 'react-router';
import { REG_LINEAGE_BOX, regLineageLayout, type RegLineageEdge, type RegLineageNode } from './reg-lineage-layout';

const KIND_LABEL = { dataset: 'Dataset', alert: 'Alert', run: 'Run', version: 'Model version', alias: 'Alias' } as const;

export function RegLineageGraph({ nodes, edges, focusId }: { nodes: RegLineageNode[]; edges: RegLineageEdge[]; focusId?: string }) {
  if (nodes.length === 0) return <p className="card-body muted">No lineage recorded: the version has no source run.</p>;
  const layout = regLineageLayout(nodes, edges);
  const { width, height, columnGap } = REG_LINEAGE_BOX;
  return (
    <div className="reg-lineage-scroll">
      <div className="reg-lineage" style={{ width: layout.width, height: layout.height }}>
        {layout.kinds.map((kinds, i) => (
          <div key={kinds.join()} className="reg-lineage-column-title" style={{ left: i * (width + columnGap), width }}>
            {kinds.map((k) => KIND_LABEL[k]).join(' · ')}
          </div>
        ))}
        <svg className="reg-lineage-edges" width={layout.width} height={layout.height} aria-hidden>
          <defs>
            <marker id="reg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="var(--border-strong)" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <g key={`${e.from}->${e.to}`}>
              <path d={e.path} fill="none" stroke="var(--border-strong)" strokeWidth={1.5} markerEnd="url(#reg-arrow)" />
              <text x={e.labelX} y={e.labelY} textAnchor="middle" className="reg-lineage-edge-label">
                {e.label}
              </text>
            </g>
          ))}
        </svg>
        {layout.nodes.map((n) => (
          <Link
            key={n.id}
            to={n.href}
            className={`reg-lineage-node reg-lineage-${n.kind}${n.id === focusId ? ' is-focus' : ''}`}
            style={{ left: n.x, top: n.y, width, height }}
            aria-label={`${KIND_LABEL[n.kind]} ${n.label} (${n.detail})`}
            title={n.detail}
          >
            <span className="reg-lineage-label">{n.label}</span>
            <span className="reg-lineage-detail mono">{n.detail}</span>
          </Link>
        ))}
      </div>
    </div>
  );
}
