// Feature importances as horizontal bars, largest first.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from '../lib/format';

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };
const MAX_FEATURES = 20;

export function RegImportanceChart({ importances }: { importances: { feature: string; importance: number }[] | null | undefined }) {
  if (!importances?.length) return <p className="card-body muted">No feature importances were registered with this version.</p>;
  const rows = [...importances].sort((a, b) => Math.abs(b.importance) - Math.abs(a.importance)).slice(0, MAX_FEATURES);
  const longest = Math.max(...rows.map((r) => r.feature.length));
  return (
    <div className="reg-chart-pad">
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 28 + 30)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap="20%">
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: 'var(--border)' }} tickFormatter={(v: number) => formatMetric(v)} />
          <YAxis type="category" dataKey="feature" width={Math.min(180, 12 + longest * 7)} tick={{ ...AXIS_TICK, fill: 'var(--text-2)' }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: 'var(--surface-2)' }} formatter={(v) => [formatMetric(Number(v)), 'importance']} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: 'var(--border)' }} />
          <Bar dataKey="importance" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      {importances.length > MAX_FEATURES && <p className="small muted">Top {MAX_FEATURES} of {importances.length} features.</p>}
    </div>
  );
}
