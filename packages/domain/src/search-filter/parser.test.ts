import { describe, it, expect } from 'vitest';
import { filterParse } from './parser';
import { parse, parseError, metric, param, tag, attr, num, str, gt } from './test-support';

describe('filterParse blank input', () => {
  it.each(['', '   ', '\n\t \r\n'])('returns null for %j', (input) => {
    expect(filterParse(input)).toBeNull();
  });
});

describe('filterParse comparators', () => {
  it.each(['=', '!=', '<', '<=', '>', '>='] as const)('reads metrics.auc %s 0.5', (op) => {
    expect(parse(`metrics.auc ${op} 0.5`)).toEqual({ type: 'compare', field: metric('auc'), op, value: num(0.5) });
  });

  it.each([
    ['LIKE', 'LIKE', false],
    ['ILIKE', 'ILIKE', false],
    ['NOT LIKE', 'LIKE', true],
    ['NOT ILIKE', 'ILIKE', true],
  ] as const)('reads params.model %s', (written, op, negated) => {
    expect(parse(`params.model ${written} 'gpt-%'`)).toEqual({ type: 'like', field: param('model'), op, negated, pattern: 'gpt-%' });
  });

  it('reads IN and NOT IN', () => {
    expect(parse("tags.team IN ('a', 'b')")).toEqual({ type: 'in', field: tag('team'), negated: false, values: [str('a'), str('b')] });
    expect(parse('metrics.epoch NOT IN (1,2 , 3)')).toEqual({
      type: 'in',
      field: metric('epoch'),
      negated: true,
      values: [num(1), num(2), num(3)],
    });
  });

  it('reads IS NULL and IS NOT NULL', () => {
    expect(parse('metrics.auc IS NULL')).toEqual({ type: 'null', field: metric('auc'), negated: false });
    expect(parse('end_time IS NOT NULL')).toEqual({ type: 'null', field: attr('end_time'), negated: true });
  });

  it('reads keywords in any case', () => {
    expect(parse("params.a not ilike 'x' and metrics.b Is Not Null oR tags.c nOt In ('d')")).toEqual({
      type: 'or',
      items: [
        {
          type: 'and',
          items: [
            { type: 'like', field: param('a'), op: 'ILIKE', negated: true, pattern: 'x' },
            { type: 'null', field: metric('b'), negated: true },
          ],
        },
        { type: 'in', field: tag('c'), negated: true, values: [str('d')] },
      ],
    });
  });

  it('rejects a number run into a word', () => {
    expect(parseError("metrics.a > 1AND params.b = 'x'").message).toMatch(/^Invalid number "1AND" at column 13/);
  });

  it('needs no spaces around operators', () => {
    expect(parse("metrics.a>=-1.5e2 AND(params.b!='x')")).toEqual({
      type: 'and',
      items: [
        { type: 'compare', field: metric('a'), op: '>=', value: num(-150) },
        { type: 'compare', field: param('b'), op: '!=', value: str('x') },
      ],
    });
  });
});

describe('filterParse fields', () => {
  it.each([
    ['metric.x', metric('x')],
    ['metrics.x', metric('x')],
    ['METRICS.x', metric('x')],
    ['param.x', param('x')],
    ['params.x', param('x')],
    ['parameter.x', param('x')],
    ['parameters.x', param('x')],
    ['tag.x', tag('x')],
    ['tags.x', tag('x')],
  ])('reads the prefix of %s', (field, expected) => {
    expect(parse(`${field} IS NULL`)).toEqual({ type: 'null', field: expected, negated: false });
  });

  it('keeps keys case-sensitive', () => {
    expect(parse('metrics.AUC IS NULL')).toEqual({ type: 'null', field: metric('AUC'), negated: false });
  });

  it.each([
    ['run_id', 'run_id'],
    ['run_name', 'run_name'],
    ['name', 'run_name'],
    ['status', 'status'],
    ['start_time', 'start_time'],
    ['end_time', 'end_time'],
    ['user', 'user'],
    ['user_id', 'user'],
    ['source_commit', 'source_commit'],
    ['experiment_id', 'experiment_id'],
    ['created', 'created'],
    ['STATUS', 'status'],
    ['attributes.name', 'run_name'],
    ['attribute.status', 'status'],
    ['attr.user_id', 'user'],
    ['run.run_id', 'run_id'],
    ['attributes.`run_name`', 'run_name'],
    ['attributes."start_time"', 'start_time'],
  ] as const)('reads the attribute %s', (written, name) => {
    expect(parse(`${written} IS NULL`)).toEqual({ type: 'null', field: attr(name), negated: false });
  });

  it('reads quoted keys with dots and spaces, and bare keys with / : -', () => {
    expect(parse('metrics.`val loss` IS NULL AND params."model.lr" IS NULL AND metrics.val/loss:1-x IS NULL')).toEqual({
      type: 'and',
      items: [
        { type: 'null', field: metric('val loss'), negated: false },
        { type: 'null', field: param('model.lr'), negated: false },
        { type: 'null', field: metric('val/loss:1-x'), negated: false },
      ],
    });
  });

  it('reads keys that are keywords', () => {
    expect(parse('metrics.and > 1')).toEqual(gt('and', 1));
  });

  it('rejects an unknown field type, pointing at it', () => {
    const e = parseError("config.lr = '1'");
    expect(e.position).toBe(0);
    expect(e.end).toBe(6);
    expect(e.message).toBe('Unknown field type "config" at column 1; expected metrics., params., tags. or attributes. before the key');
    expect(e.expected).toEqual(['metrics.', 'params.', 'tags.', 'attributes.']);
  });

  it('says dataset filters are not supported', () => {
    expect(parseError("datasets.digest = 'x'").message).toMatch(/^Dataset filters are not supported at column 1/);
  });

  it('suggests a metric, param or tag for an unknown bare attribute', () => {
    const e = parseError('accuracy > 0.9');
    expect(e.position).toBe(0);
    expect(e.message).toMatch(/^Unknown attribute "accuracy" at column 1; expected one of run_id, run_name, name, status/);
    expect(e.message).toMatch(/write metrics\.accuracy, params\.accuracy or tags\.accuracy$/);
    expect(e.expected).toContain('experiment_id');
  });

  it('rejects attributes MLflow has but Quorum does not', () => {
    const e = parseError("attributes.artifact_uri = 'x'");
    expect(e.position).toBe(0);
    expect(e.message).toMatch(/^Unknown attribute "artifact_uri" at column 1/);
  });
});

describe('filterParse precedence and parentheses', () => {
  const a = gt('a', 1);
  const b = gt('b', 2);
  const c = gt('c', 3);
  const A = 'metrics.a > 1';
  const B = 'metrics.b > 2';
  const C = 'metrics.c > 3';

  it('binds AND tighter than OR', () => {
    expect(parse(`${A} OR ${B} AND ${C}`)).toEqual({ type: 'or', items: [a, { type: 'and', items: [b, c] }] });
    expect(parse(`${A} AND ${B} OR ${C}`)).toEqual({ type: 'or', items: [{ type: 'and', items: [a, b] }, c] });
  });

  it('binds NOT tighter than AND, to one comparison', () => {
    expect(parse(`NOT ${A} AND ${B}`)).toEqual({ type: 'and', items: [{ type: 'not', item: a }, b] });
    expect(parse(`${A} OR NOT ${B}`)).toEqual({ type: 'or', items: [a, { type: 'not', item: b }] });
  });

  it('applies NOT to a parenthesised expression', () => {
    expect(parse(`NOT (${A} OR ${B})`)).toEqual({ type: 'not', item: { type: 'or', items: [a, b] } });
  });

  it('stacks NOT', () => {
    expect(parse(`NOT NOT ${A}`)).toEqual({ type: 'not', item: { type: 'not', item: a } });
  });

  it('lets parentheses override precedence', () => {
    expect(parse(`(${A} OR ${B}) AND ${C}`)).toEqual({ type: 'and', items: [{ type: 'or', items: [a, b] }, c] });
  });

  it('flattens a chain of one operator but keeps parenthesised groups', () => {
    expect(parse(`${A} AND ${B} AND ${C}`)).toEqual({ type: 'and', items: [a, b, c] });
    expect(parse(`${A} AND (${B} AND ${C})`)).toEqual({ type: 'and', items: [a, { type: 'and', items: [b, c] }] });
  });

  it('drops redundant parentheses around one comparison', () => {
    expect(parse(`((${A}))`)).toEqual(a);
  });
});

describe('filterParse spans', () => {
  it('covers each comparison from its field to its last token', () => {
    const input = "  metrics.a IN (1, 2)  and params.b is not null OR tags.c LIKE 'x'";
    const expr = filterParse(input);
    if (expr?.type !== 'or') throw new Error('expected an OR');
    const [left, right] = expr.items;
    if (left?.type !== 'and' || right?.type !== 'like') throw new Error('unexpected shape');
    const spans = [...left.items, right].map((e) => ('span' in e ? input.slice(e.span.start, e.span.end) : ''));
    expect(spans).toEqual(['metrics.a IN (1, 2)', 'params.b is not null', "tags.c LIKE 'x'"]);
  });
});
