// A model card rendered from Markdown through regMarkdownParse: elements only, no raw HTML.
import type { ReactNode } from 'react';
import { regMarkdownParse, type RegBlock, type RegInline } from './reg-markdown-parse';

function inline(nodes: RegInline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.c)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.c)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.c)}
          </a>
        );
    }
  });
}

function block(b: RegBlock, i: number): ReactNode {
  switch (b.t) {
    case 'heading': {
      // The card sits under the page's own h1/h2, so its headings start at h3.
      const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[b.level - 1]!;
      return <Tag key={i}>{inline(b.c)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{inline(b.c)}</p>;
    case 'list': {
      const List = b.ordered ? 'ol' : 'ul';
      return (
        <List key={i}>
          {b.items.map((item, j) => (
            <li key={j}>{inline(item)}</li>
          ))}
        </List>
      );
    }
    case 'quote':
      return <blockquote key={i}>{inline(b.c)}</blockquote>;
    case 'code':
      return (
        <pre key={i}>
          <code>{b.v}</code>
        </pre>
      );
    case 'rule':
      return <hr key={i} />;
    case 'table':
      return (
        <div key={i} className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {b.head.map((c, j) => (
                  <th key={j} scope="col">
                    {inline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, j) => (
                    <td key={j}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function RegMarkdown({ source, empty = 'No model card yet.' }: { source: string; empty?: string }) {
  const blocks = regMarkdownParse(source);
  if (blocks.length === 0) return <p className="muted">{empty}</p>;
  return <div className="reg-markdown">{blocks.map(block)}</div>;
}
