// Per-group fairness from the gate results: selection rate, TPR and FPR side by side for
// every group of each sensitive attribute, so a gap is visible, not only its size.
import type { GateCheck, GateCheckResult, GateFairnessGroup } from '@quorum/domain';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_PALETTE } from './chart-palette';

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };
const SERIES = [
  { key: 'selectionRate', label: 'Selection rate', colour: CHART_PALETTE[0] },
  { key: 'tpr', label: 'True positive rate', colour: CHART_PALETTE[1] },
  { key: 'fpr', label: 'False positive rate', colour: CHART_PALETTE[2] },
] as const;

/** One entry per attribute: checks on the same attribute share their groups. */
export function regFairnessByAttribute(
  results: GateCheckResult[],
  checks: readonly GateCheck[] = [],
): { attribute: string; checks: GateCheckResult[]; groups: GateFairnessGroup[] }[] {
  const out = new Map<string, { attribute: string; checks: GateCheckResult[]; groups: GateFairnessGroup[] }>();
  const attributeOf = new Map(checks.flatMap((c) => (c.kind === 'fairness' ? [[c.id, c.attribute] as const] : [])));
  for (const r of results) {
    if (r.kind !== 'fairness' || !r.groups?.length) continue;
    // Without the policy at hand, the description reads "<measure> on <attribute> <op> <threshold>".
    const attribute = attributeOf.get(r.id) ?? / on (.+) [≤≥<>] /.exec(r.description)?.[1] ?? r.id;
    const entry = out.get(attribute) ?? { attribute, checks: [], groups: r.groups };
    entry.checks.push(r);
    out.set(attribute, entry);
  }
  return [...out.values()];
}

export function RegFairnessCharts({ results, checks }: { results: GateCheckResult[]; checks?: readonly GateCheck[] }) {
  const attributes = regFairnessByAttribute(results, checks);
  if (attributes.length === 0) return <p className="card-body muted">No fairness evidence: the policy has no fairness check, or no rows were reported.</p>;
  return (
    <div className="reg-fairness">
      <ul className="data-legend reg-legend" aria-label="Legend">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className="data-legend-swatch" style={{ background: s.colour }} aria-hidden />
            {s.label}
          </li>
        ))}
      </ul>
      {attributes.map((a) => (
        <figure key={a.attribute} className="reg-fairness-figure" aria-label={`Fairness by ${a.attribute}`}>
          <figcaption className="reg-fairness-caption">
            <span className="mono">{a.attribute}</span>
            {a.checks.map((c) => (
              <span key={c.id} className={`badge reg-tone-${c.status}`} title={c.detail}>
                {c.description}
              </span>
            ))}
          </figcaption>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={a.groups} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap="22%" barGap={2}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="group" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: 'var(--border)' }} />
              <YAxis width={44} domain={[0, 1]} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
              <Tooltip
                cursor={{ fill: 'var(--surface-2)' }}
                formatter={(v, name) => [`${(Number(v) * 100).toFixed(1)}%`, name]}
                labelFormatter={(g) => `${a.attribute} = ${String(g)}`}
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: 'var(--border)' }}
              />
              {SERIES.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
  );
}
