import { describe, it, expect } from 'vitest';
import { filterParse } from './parser';
import { parse, parseError, metric, param, tag, attr, num, str, gt } from './test-support';

describe('filterParse type rules', () => {
  it('accepts only numbers for metrics, including NaN and ±Infinity', () => {
    expect(parse('metrics.loss != NaN')).toEqual({ type: 'compare', field: metric('loss'), op: '!=', value: num(Number.NaN) });
    expect(parse('metrics.loss < Infinity AND metrics.loss > -Infinity')).toEqual({
      type: 'and',
      items: [
        { type: 'compare', field: metric('loss'), op: '<', value: num(Number.POSITIVE_INFINITY) },
        { type: 'compare', field: metric('loss'), op: '>', value: num(Number.NEGATIVE_INFINITY) },
      ],
    });
    const e = parseError("metrics.auc = '0.9'");
    expect(e.position).toBe(14);
    expect(e.message).toBe(`metrics.auc compares with numbers only at column 15, found "'0.9'"`);
    expect(e.expected).toEqual(['number']);
    expect(parseError("metrics.auc IN (1, 'x')").position).toBe(19);
  });

  it('rejects LIKE on metrics at the operator', () => {
    const e = parseError("metrics.auc NOT LIKE '0.9%'");
    expect(e.position).toBe(16);
    expect(e.message).toMatch(/^metrics.auc cannot be compared with LIKE at column 17 because metrics.auc holds numbers; use =, !=, <, <=, >, >=, IN/);
    expect(e.expected).not.toContain('LIKE');
  });

  it('records the kind of a param or tag literal so the compiler can cast', () => {
    expect(parse('params.lr < 0.01')).toEqual({ type: 'compare', field: param('lr'), op: '<', value: num(0.01) });
    expect(parse('params.lr = 0.01')).toEqual({ type: 'compare', field: param('lr'), op: '=', value: num(0.01) });
    expect(parse("params.lr = '0.01'")).toEqual({ type: 'compare', field: param('lr'), op: '=', value: str('0.01') });
    expect(parse('tags.n IN (1, 2)')).toEqual({ type: 'in', field: tag('n'), negated: false, values: [num(1), num(2)] });
  });

  it('rejects ordering a param against a string', () => {
    const e = parseError("params.lr <= '0.01'");
    expect(e.position).toBe(13);
    expect(e.message).toBe(`<= on params.lr compares numbers at column 14, found "'0.01'"; write the number unquoted, or use = or LIKE to match text`);
  });

  it('needs a quoted pattern for LIKE', () => {
    const e = parseError('params.seed LIKE 42');
    expect(e.position).toBe(17);
    expect(e.message).toBe(`LIKE needs a quoted pattern after params.seed at column 18, found "42"; e.g. '%loss%'`);
    expect(e.expected).toEqual(['string']);
  });

  it('rejects an IN list that mixes kinds, at the first odd value', () => {
    const e = parseError("params.x IN ('a', 'b', 3, 'c')");
    expect(e.position).toBe(23);
    expect(e.message).toBe(`The IN list for params.x mixes kinds at column 24: it starts with strings but has "3"; use strings only`);
  });

  it('normalises statuses to upper case and rejects unknown ones', () => {
    expect(parse("status = 'running'")).toEqual({ type: 'compare', field: attr('status'), op: '=', value: str('RUNNING') });
    expect(parse("attributes.status NOT IN ('failed', 'Killed')")).toEqual({
      type: 'in',
      field: attr('status'),
      negated: true,
      values: [str('FAILED'), str('KILLED')],
    });
    const e = parseError("status = 'DONE'");
    expect(e.position).toBe(9);
    expect(e.message).toBe(`Unknown status "'DONE'" at column 10; expected one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED`);
    expect(e.expected).toEqual(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']);
    expect(parseError('status = 1').position).toBe(9);
  });

  it('matches status with LIKE patterns as written', () => {
    expect(parse("status LIKE 'run%'")).toEqual({ type: 'like', field: attr('status'), op: 'LIKE', negated: false, pattern: 'run%' });
  });

  it('keeps text attributes to text operators and quoted strings', () => {
    expect(parse("run_name ILIKE '%bert%' AND user = 'ana'")).toEqual({
      type: 'and',
      items: [
        { type: 'like', field: attr('run_name'), op: 'ILIKE', negated: false, pattern: '%bert%' },
        { type: 'compare', field: attr('user'), op: '=', value: str('ana') },
      ],
    });
    const order = parseError("run_id > 'a'");
    expect(order.position).toBe(7);
    expect(order.message).toMatch(/^run_id cannot be compared with > at column 8 because run_id is text; use =, !=, LIKE/);
    const number = parseError('source_commit = 5');
    expect(number.position).toBe(16);
    expect(number.message).toBe(`source_commit takes a quoted string at column 17, found "5"; write '5'`);
  });

  it('reads times as epoch milliseconds or ISO-8601 dates', () => {
    expect(parse('start_time >= 1714521600000')).toEqual({ type: 'compare', field: attr('start_time'), op: '>=', value: num(1714521600000) });
    expect(parse("created < '2024-05-01'")).toEqual({ type: 'compare', field: attr('created'), op: '<', value: num(Date.UTC(2024, 4, 1)) });
    expect(parse("end_time IN ('2024-05-01T12:00:00Z', '2024-05-01T12:00:00+02:00')")).toEqual({
      type: 'in',
      field: attr('end_time'),
      negated: false,
      values: [num(Date.UTC(2024, 4, 1, 12)), num(Date.UTC(2024, 4, 1, 10))],
    });
  });

  it('rejects times that are not dates, at the literal', () => {
    const e = parseError("start_time > 'last week'");
    expect(e.position).toBe(13);
    expect(e.message).toBe(
      `start_time takes epoch milliseconds or an ISO-8601 date such as '2024-05-01' or '2024-05-01T12:00:00Z' at column 14, found "'last week'"`,
    );
    expect(parseError('start_time > NaN').position).toBe(13);
    expect(parseError("start_time LIKE '2024%'").position).toBe(11);
    expect(parseError("created IN (0, '2024-05-01')").message).toMatch(/mixes kinds at column 16/);
  });

  it('takes whole numbers for experiment_id', () => {
    expect(parse('experiment_id IN (1, 2)')).toEqual({ type: 'in', field: attr('experiment_id'), negated: false, values: [num(1), num(2)] });
    for (const bad of ['1.5', '-1', "'3'", 'Infinity']) {
      const e = parseError(`experiment_id = ${bad}`);
      expect(e.position).toBe(16);
      expect(e.message).toMatch(/^experiment_id takes a whole number such as 3 at column 17/);
    }
  });
});

describe('filterParse limits', () => {
  it('accepts 4000 characters and rejects the 4001st', () => {
    const filter = 'metrics.a > 1';
    expect(filterParse(filter.padEnd(4000))).not.toBeNull();
    const e = parseError(filter.padEnd(4001));
    expect(e.position).toBe(4000);
    expect(e.message).toBe('The filter is 4001 characters long; the limit is 4000, exceeded at column 4001');
    expect('expected' in e).toBe(false);
  });

  it('accepts 50 comparisons and rejects the 51st at its start', () => {
    const one = 'metrics.a > 1';
    expect(filterParse(Array(50).fill(one).join(' OR '))).not.toBeNull();
    const e = parseError(Array(51).fill(one).join(' OR '));
    expect(e.position).toBe(50 * `${one} OR `.length);
    expect(e.end).toBe(e.position + one.length);
    expect(e.message).toMatch(/more than 50 comparisons/);
  });

  it('accepts 20 levels of nesting and rejects the 21st', () => {
    const nest = (n: number) => `${'('.repeat(n)}metrics.a > 1${')'.repeat(n)}`;
    expect(parse(nest(20))).toEqual(gt('a', 1));
    expect(parseError(nest(21)).position).toBe(20);
    expect(filterParse(`${'NOT '.repeat(20)}metrics.a > 1`)).not.toBeNull();
    const e = parseError(`${'NOT '.repeat(21)}metrics.a > 1`);
    expect(e.position).toBe(80);
    expect(e.message).toBe('The filter nests more than 20 levels of parentheses and NOT at column 81; simplify it');
    expect(filterParse(`${'NOT ('.repeat(10)}metrics.a > 1${')'.repeat(10)}`)).not.toBeNull();
    expect(parseError(`${'NOT ('.repeat(10)}NOT metrics.a > 1${')'.repeat(10)}`).position).toBe(50);
  });

  it('accepts 1000 values in an IN list and rejects the 1001st', () => {
    const list = (n: number) => `metrics.a IN (${Array.from({ length: n }, (_, i) => i).join(',')})`;
    const ok = filterParse(list(1000));
    expect(ok?.type === 'in' && ok.values.length).toBe(1000);
    const input = list(1001);
    const e = parseError(input);
    expect(input.slice(e.position, e.end)).toBe('1000');
    expect(e.message).toMatch(/^The IN list for metrics.a has more than 1000 values/);
  });
});

describe('filterParse syntax errors', () => {
  it.each([
    ['metrics.auc 0.8', 12, 'Expected a comparison operator after metrics.auc at column 13, found "0.8"'],
    ['metrics.auc >', 13, 'Expected a value after metrics.auc > at column 14, found end of input'],
    ['metrics.a > 1 AND', 17, 'Expected a comparison after "AND" at column 18, found end of input'],
    ['metrics.a > 1 or or metrics.b > 1', 17, 'Expected a comparison after "or" at column 18, found "or"'],
    ['(metrics.a > 1', 14, 'Expected AND, OR or ")" at column 15, found end of input (the "(" at column 1 is not closed)'],
    ['metrics.a > 1)', 13, 'Unmatched ")" at column 14, found ")"'],
    ['metrics.a > 1 metrics.b > 2', 14, 'Expected AND or OR between comparisons at column 15, found "metrics.b"'],
    ['metrics.a IS 1', 13, 'Expected NULL or NOT NULL after metrics.a IS at column 14, found "1"'],
    ['metrics.a IS NOT 1', 17, 'Expected NULL after metrics.a IS at column 18, found "1"'],
    ["params.a NOT = 'x'", 13, `Expected LIKE, ILIKE or IN after params.a NOT at column 14, found "="`],
    ["params.a IN 'x'", 12, `Expected "(" after params.a IN at column 13, found "'x'"; e.g. IN ('a', 'b')`],
    ['params.a IN ()', 13, 'The IN list for params.a is empty at column 14; give at least one value'],
    ["params.a IN ('x' 'y')", 17, `Expected "," or ")" in the IN list for params.a at column 18, found "'y'"`],
    ["params.a IN ('x',)", 17, 'Expected a value after params.a IN ( at column 18, found ")"'],
    ['status = RUNNING', 9, `Expected a value after status = at column 10, found "RUNNING"; put text in quotes, e.g. 'RUNNING'`],
    ['metrics.a = NULL', 12, 'Use IS NULL or IS NOT NULL to test whether metrics.a is missing at column 13'],
    ['= 1', 0, 'Expected a comparison such as metrics.auc > 0.8 at column 1, found "="'],
    ['()', 1, 'Expected a comparison after "(" at column 2, found ")"'],
    ['AND metrics.a > 1', 0, 'Expected a comparison such as metrics.auc > 0.8 at column 1, found "AND"'],
    ["params.x = 'it's'", 15, `Expected AND or OR between comparisons at column 16, found "s"; to put a quote inside a string, double it ('it''s') or escape it (\\')`],
  ])('%s', (input, position, message) => {
    const e = parseError(input);
    expect({ position: e.position, message: e.message }).toEqual({ position, message });
  });

  it('lists the operators the field accepts when one is missing', () => {
    expect(parseError('metrics.auc 0.8').expected).toEqual(['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN', 'IS NULL', 'IS NOT NULL']);
    expect(parseError("params.x 'a'").expected).toEqual(expect.arrayContaining(['LIKE', 'NOT ILIKE']));
  });

  it('gives line and column in multi-line filters', () => {
    const e = parseError('metrics.a > 1\r\nAND\n  params.b ~ 1');
    expect({ position: e.position, line: e.line, column: e.column }).toEqual({ position: 30, line: 3, column: 12 });
    expect(e.message).toMatch(/at line 3, column 12/);
  });

  it('is an Error named FilterSyntaxError', () => {
    const e = parseError('metrics.auc');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FilterSyntaxError');
  });
});
