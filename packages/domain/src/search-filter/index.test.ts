import { describe, it, expect } from 'vitest';
import { filterFields, filterFormat, filterParse } from './index';
import { strip, parseError } from './test-support';

describe('MLflow search_runs filters', () => {
  it.each([
    ['metrics.accuracy > 0.92', "metrics.accuracy > 0.92"],
    [
      'params.model = "LogisticRegression" and params.lambda = "0.001" and metrics.error <= 0.05',
      "params.model = 'LogisticRegression' AND params.lambda = '0.001' AND metrics.error <= 0.05",
    ],
    ['attributes.status = "FAILED"', "status = 'FAILED'"],
    ['metrics.rmse < 1 AND params.model_class = \'LogisticRegression\'', "metrics.rmse < 1 AND params.model_class = 'LogisticRegression'"],
    ["tags.`user-name` = 'alice'", "tags.user-name = 'alice'"],
    ['metrics."my metric" >= 0.5', 'metrics.`my metric` >= 0.5'],
    ["tags.\"mlflow.source.type\" = 'LOCAL'", "tags.`mlflow.source.type` = 'LOCAL'"],
    ["params.optimizer LIKE 'adam%' AND params.optimizer ILIKE '%W'", "params.optimizer LIKE 'adam%' AND params.optimizer ILIKE '%W'"],
    ["run_name != 'baseline' and user_id = 'ana'", "run_name != 'baseline' AND user = 'ana'"],
    ["attribute.run_id IN ('a1', 'b2')", "run_id IN ('a1', 'b2')"],
    ["attr.run_id NOT IN ('a1')", "run_id NOT IN ('a1')"],
    ['run.start_time >= 1700000000000 AND attributes.end_time < 1800000000000', 'start_time >= 1700000000000 AND end_time < 1800000000000'],
    ["metric.loss <= 1 AND param.lr = '0.1' AND tag.team = 'nlp'", "metrics.loss <= 1 AND params.lr = '0.1' AND tags.team = 'nlp'"],
  ])('accepts %s', (input, canonical) => {
    expect(filterFormat(filterParse(input))).toBe(canonical);
  });

  it('rejects MLflow dataset filters with a clear message', () => {
    expect(parseError("datasets.name = 'train'").message).toMatch(/^Dataset filters are not supported/);
  });

  it('asks for quotes where MLflow does: a key with a period', () => {
    const e = parseError("tags.mlflow.runName = 'x'");
    expect(e.position).toBe(11);
    expect(e.message).toMatch(/e\.g\. tags\.`mlflow\.runName`$/);
  });
});

describe('injection attempts', () => {
  it('keeps a doubled quote and SQL text inside the string value', () => {
    expect(strip(filterParse("params.x = 'a''; DROP TABLE runs; --'"))).toEqual({
      type: 'compare',
      field: { kind: 'param', key: 'x' },
      op: '=',
      value: { type: 'string', value: "a'; DROP TABLE runs; --" },
    });
  });

  it('keeps a backslash-escaped quote and SQL text inside the string value', () => {
    expect(strip(filterParse("params.x = '\\'; DROP TABLE runs; --'"))).toEqual({
      type: 'compare',
      field: { kind: 'param', key: 'x' },
      op: '=',
      value: { type: 'string', value: "'; DROP TABLE runs; --" },
    });
  });

  it('keeps SQL text in a quoted key as the key', () => {
    expect(strip(filterParse('metrics.`x; DELETE` > 1'))).toEqual({
      type: 'compare',
      field: { kind: 'metric', key: 'x; DELETE' },
      op: '>',
      value: { type: 'number', value: 1 },
    });
    expect(filterFields(filterParse("tags.`k``; DROP TABLE runs` = 'v' AND params.\"x' OR '1'='1\" IS NULL"))).toEqual([
      { kind: 'tag', key: 'k`; DROP TABLE runs' },
      { kind: 'param', key: "x' OR '1'='1" },
    ]);
  });

  it('keeps double-quote tricks inside a double-quoted value', () => {
    expect(strip(filterParse('params.x = "a"" OR ""1""=""1"'))).toEqual({
      type: 'compare',
      field: { kind: 'param', key: 'x' },
      op: '=',
      value: { type: 'string', value: 'a" OR "1"="1' },
    });
  });

  it.each([
    ["params.x = 'a' OR 1=1", 18, /^Expected a comparison after "OR" at column 19, found "1"/],
    ["params.x = 'a'; DROP TABLE runs", 14, /^Unexpected character ";" at column 15/],
    ["params.x = '\\\\'; DROP TABLE runs; --'", 15, /^Unexpected character ";" at column 16/],
    ["params.x = 'a' -- comment", 15, /^Unexpected "-" at column 16; a sign must come right before a number/],
    ["params.x = 'a' /* c */", 15, /^Unexpected character "\/" at column 16/],
    ['metrics.x; DELETE > 1', 9, /^Unexpected character ";" in key "metrics.x;"/],
    ["params.x = 'a' UNION SELECT 1", 15, /^Expected AND or OR between comparisons at column 16, found "UNION"/],
    ['metrics.x > (SELECT 1)', 12, /^Expected a value after metrics.x > at column 13, found "\("/],
    ["params.x = 'a\\u0027 OR 1=1'", 13, /^Unknown escape "\\\\u" at column 14/],
  ])('rejects %s', (input, position, message) => {
    const e = parseError(input);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
  });

  it('keeps unicode, bidi controls and non-breaking spaces inside quotes as data', () => {
    expect(strip(filterParse("tags.`ключ 🚀` = 'значение\u202E\u00A0é' AND params.`名前` ILIKE '%テスト%'"))).toEqual({
      type: 'and',
      items: [
        { type: 'compare', field: { kind: 'tag', key: 'ключ 🚀' }, op: '=', value: { type: 'string', value: 'значение\u202E\u00A0é' } },
        { type: 'like', field: { kind: 'param', key: '名前' }, op: 'ILIKE', negated: false, pattern: '%テスト%' },
      ],
    });
  });

  it('rejects look-alike quotes and bidi controls outside quotes', () => {
    expect(parseError("params.x = ‘a’").position).toBe(11);
    expect(parseError("params.x = 'a' \u202E AND params.y = 'b'").position).toBe(15);
  });

  it('rejects NUL bytes wherever they are, since PostgreSQL text cannot hold them', () => {
    for (const input of ["params.x = 'a\u0000'", 'metrics.`a\u0000` > 1', "params.x = 'a'\u0000"]) {
      const e = parseError(input);
      expect(input.charAt(e.position)).toBe('\u0000');
      expect(e.message).toMatch(/NUL character \(U\+0000\)/);
    }
  });

  it('reads backslashes as escapes and rejects ones that escape nothing', () => {
    expect(strip(filterParse("params.path = 'C:\\\\data\\\\'"))).toEqual({
      type: 'compare',
      field: { kind: 'param', key: 'path' },
      op: '=',
      value: { type: 'string', value: 'C:\\data\\' },
    });
    expect(parseError("params.path = 'C:\\data'").position).toBe(17);
    expect(parseError("params.path = 'C:\\'").message).toMatch(/^Unterminated string starting at column 15/);
  });

  it('rejects text past 4,000 characters before reading it', () => {
    const e = parseError(`params.x = '${'a'.repeat(3990)}' OR 1=1`);
    expect(e.position).toBe(4000);
  });
});

describe('public API', () => {
  it('parses, lists fields and prints', () => {
    const expr = filterParse("metrics.auc > 0.8 AND (status = 'finished' OR tags.keep IS NOT NULL)");
    expect(filterFields(expr)).toEqual([
      { kind: 'metric', key: 'auc' },
      { kind: 'attribute', name: 'status' },
      { kind: 'tag', key: 'keep' },
    ]);
    expect(filterFormat(expr)).toBe("metrics.auc > 0.8 AND (status = 'FINISHED' OR tags.keep IS NOT NULL)");
  });

  it('returns null for a blank filter, which prints as empty text', () => {
    expect(filterParse('  ')).toBeNull();
    expect(filterFormat(filterParse(''))).toBe('');
  });

  it('reports the example from the design brief', () => {
    const e = parseError('metrics.auc 0.8');
    expect(e).toMatchObject({ position: 12, line: 1, column: 13 });
    expect(e.message).toBe('Expected a comparison operator after metrics.auc at column 13, found "0.8"');
  });
});
