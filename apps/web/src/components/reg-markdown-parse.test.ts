import { describe, expect, it } from 'vitest';
import { regMarkdownInline, regMarkdownParse } from './reg-markdown-parse';

describe('regMarkdownParse', () => {
  it('reads a model card into headings, paragraphs and lists', () => {
    const blocks = regMarkdownParse('# churn\n\nTrained by **run-1**\nwith lr=0.1.\n\n## Limitations\n- one\n- two\n\n1. first\n2. second');
    expect(blocks.map((b) => b.t)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list']);
    expect(blocks[1]).toEqual({ t: 'paragraph', c: [{ t: 'text', v: 'Trained by ' }, { t: 'strong', c: [{ t: 'text', v: 'run-1' }] }, { t: 'text', v: ' with lr=0.1.' }] });
    expect(blocks[3]).toMatchObject({ t: 'list', ordered: false, items: [[{ t: 'text', v: 'one' }], [{ t: 'text', v: 'two' }]] });
    expect(blocks[4]).toMatchObject({ t: 'list', ordered: true });
  });

  it('keeps fenced code verbatim and reads pipe tables', () => {
    const blocks = regMarkdownParse('```\n**not bold** <b>\n```\n\n| metric | value |\n|---|---:|\n| auc | 0.9 |');
    expect(blocks[0]).toEqual({ t: 'code', v: '**not bold** <b>' });
    expect(blocks[1]).toMatchObject({ t: 'table', head: [[{ t: 'text', v: 'metric' }], [{ t: 'text', v: 'value' }]], rows: [[[{ t: 'text', v: 'auc' }], [{ t: 'text', v: '0.9' }]]] });
  });

  it('leaves raw HTML as text', () => {
    expect(regMarkdownParse('<img src=x onerror=alert(1)>')).toEqual([{ t: 'paragraph', c: [{ t: 'text', v: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('regMarkdownInline', () => {
  it('reads code, bold, italic and links', () => {
    expect(regMarkdownInline('`a*b*` *em* _em_ snake_case_name')).toEqual([
      { t: 'code', v: 'a*b*' },
      { t: 'text', v: ' ' },
      { t: 'em', c: [{ t: 'text', v: 'em' }] },
      { t: 'text', v: ' ' },
      { t: 'em', c: [{ t: 'text', v: 'em' }] },
      { t: 'text', v: ' snake_case_name' },
    ]);
    expect(regMarkdownInline('[docs](https://x.io/a)')).toEqual([{ t: 'link', href: 'https://x.io/a', c: [{ t: 'text', v: 'docs' }] }]);
  });

  it('turns only web links into links', () => {
    expect(regMarkdownInline('[x](javascript:alert(1))')).toEqual([{ t: 'text', v: '[x](javascript:alert(1))' }]);
  });
});
