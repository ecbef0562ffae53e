import { describe, expect, it } from 'vitest';
import {
  kpiAnnotationLabel,
  kpiAnnotationShort,
  kpiDayText,
  kpiGapView,
  kpiLastChange,
  kpiPercentText,
  kpiSignedText,
  kpiTrendView,
  kpiValueText,
  type KpiAnnotationLike,
} from './kpi-format';

const DAY = 86_400_000;
const nov = (d: number) => Date.UTC(2026, 10, d);

const promotion = (at: number, version: number | null = 2): KpiAnnotationLike => ({ kind: 'promotion', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', version, requestId: 7 });
const rollback = (at: number): KpiAnnotationLike => ({ kind: 'rollback', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', version: 1, requestId: null });
const alert = (at: number): KpiAnnotationLike => ({ kind: 'alert', at, modelId: 1, modelName: 'churn-classifier', alias: 'production', alertId: 3, reason: 'PSI 0.31 > 0.2' });

describe('kpi values', () => {
  it('writes a percent unit against the number and other units after a space', () => {
    expect(kpiValueText(4.4891, '%')).toBe('4.489%');
    expect(kpiValueText(12.34, '€k/day')).toBe('12.34 €k/day');
    expect(kpiValueText(125_000, '')).toBe('125,000');
    expect(kpiValueText(null, '%')).toBe('—');
  });

  it('signs changes and gaps, with a real minus sign, in percentage points for a percentage', () => {
    expect(kpiSignedText(0.289, '%')).toBe('+0.289 pp');
    expect(kpiSignedText(-1.068, '€k/day')).toBe('−1.068 €k/day');
    expect(kpiSignedText(0, 'SKUs')).toBe('±0 SKUs');
  });

  it('rounds relative changes to a readable percentage', () => {
    expect(kpiPercentText(0.05006)).toBe('+5.0%');
    expect(kpiPercentText(-0.1234)).toBe('−12%');
    expect(kpiPercentText(0.00001)).toBe('±0.0%');
  });

  it('reads days in UTC so a midnight observation keeps its date', () => {
    expect(kpiDayText(nov(20))).toBe('20 Nov 2026');
    expect(kpiDayText(nov(20), false)).toBe('20 Nov');
  });
});

describe('kpiGapView', () => {
  it('is good on target and bad off target, and its tooltip says which way is better', () => {
    expect(kpiGapView({ status: 'on_target', gap: 0.144 }, 2.5, '%', 'lower')).toEqual({
      text: '+0.144 pp',
      tone: 'good',
      title: '0.144 pp better than the target of 2.5% (lower is better)',
    });
    expect(kpiGapView({ status: 'off_target', gap: -1.07 }, 12, '€k/day', 'lower')).toMatchObject({ text: '−1.07 €k/day', tone: 'bad', title: expect.stringContaining('worse than the target of 12 €k/day') });
  });

  it('has nothing to show without data', () => {
    expect(kpiGapView({ status: 'no_data', gap: null }, 1, '', 'higher')).toBeNull();
  });
});

describe('kpiTrendView', () => {
  const trend = (change: number, movement: 'up' | 'down' | 'flat', verdict: 'better' | 'worse' | 'unchanged') => ({
    from: { at: nov(1), value: 10 },
    to: { at: nov(28), value: 10 + change },
    n: 28,
    change,
    relativeChange: change / 10,
    movement,
    verdict,
  });

  it('colours by whether the move is good for the KPI, not by its direction', () => {
    expect(kpiTrendView(trend(-1, 'down', 'better'), '%')).toMatchObject({ arrow: '▼', text: '−1 pp (−10%)', tone: 'good' });
    expect(kpiTrendView(trend(1, 'up', 'worse'), '%')).toMatchObject({ arrow: '▲', text: '+1 pp (+10%)', tone: 'bad' });
    expect(kpiTrendView(trend(0, 'flat', 'unchanged'), '')).toMatchObject({ arrow: '▶', tone: 'neutral' });
  });

  it('names both ends in its tooltip, and is null without a trend', () => {
    expect(kpiTrendView(trend(2, 'up', 'better'), '')?.title).toBe('From 10 on 1 Nov 2026 to 12 on 28 Nov 2026: an improvement');
    expect(kpiTrendView(null, '')).toBeNull();
  });

  it('leaves out the relative change from zero', () => {
    expect(kpiTrendView({ ...trend(3, 'up', 'better'), relativeChange: null }, '')?.text).toBe('+3');
  });
});

describe('kpi annotations', () => {
  it('labels promotions, rollbacks and alerts the way people say them', () => {
    expect(kpiAnnotationLabel(promotion(0))).toBe('churn-classifier v2 → production');
    expect(kpiAnnotationLabel(rollback(0))).toBe('churn-classifier production rolled back to v1');
    expect(kpiAnnotationLabel(alert(0))).toBe('churn-classifier production alert: PSI 0.31 > 0.2');
    expect(kpiAnnotationLabel(promotion(0, null))).toBe('churn-classifier nothing → production');
  });

  it('shortens labels for the chart, naming the model only when several share it', () => {
    expect(kpiAnnotationShort(promotion(0), false)).toBe('v2 → production');
    expect(kpiAnnotationShort(rollback(0), false)).toBe('↩ v1');
    expect(kpiAnnotationShort(alert(0), true)).toBe('churn-classifier alert');
  });

  it('finds the latest promotion or rollback, ignoring alerts', () => {
    expect(kpiLastChange([promotion(nov(1)), rollback(nov(5)), alert(nov(9))])?.kind).toBe('rollback');
    expect(kpiLastChange([alert(nov(1))])).toBeNull();
    expect(kpiLastChange([promotion(nov(3) + DAY), promotion(nov(1))])?.at).toBe(nov(4));
  });
});
