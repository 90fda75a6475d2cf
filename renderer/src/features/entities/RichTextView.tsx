import type { ReactNode } from 'react';
import type { PmNode } from '../../editor';

function isNode(value: unknown): value is PmNode {
  return Boolean(value) && typeof value === 'object' && typeof (value as PmNode).type === 'string';
}

function renderText(node: PmNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'strike') out = <s>{out}</s>;
    else if (mark.type === 'code') out = <code>{out}</code>;
  }
  return <span key={key}>{out}</span>;
}

function render(node: PmNode, key: number): ReactNode {
  const children = (node.content ?? []).filter(isNode).map((child, index) => render(child, index));
  switch (node.type) {
    case 'doc':
      return <>{children}</>;
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading':
      return <h3 key={key}>{children}</h3>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'hardBreak':
      return <br key={key} />;
    case 'text':
      return renderText(node, key);
    default:
      // Nodes added later (mentions, citations) show their text.
      return node.text ? <span key={key}>{node.text}</span> : <span key={key}>{children}</span>;
  }
}

/** A stored rich-text description, shown read-only (no HTML is ever injected). */
export function RichTextView({ doc, label }: { doc: unknown; label: string }) {
  if (!isNode(doc)) return null;
  return (
    <div className="rich-text-view" aria-label={label} role="group">
      {render(doc, 0)}
    </div>
  );
}
