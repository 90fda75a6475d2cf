/** A ProseMirror node as stored (JSON). */
export interface PmNode {
  type: string;
  text?: string;
  content?: PmNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock']);

function isNode(value: unknown): value is PmNode {
  return Boolean(value) && typeof value === 'object' && typeof (value as PmNode).type === 'string';
}

/** The plain text of a stored rich-text document, paragraphs on their own lines. */
export function plainTextOf(doc: unknown, limit = Infinity): string {
  if (!isNode(doc)) return '';
  const out: string[] = [];
  let length = 0;
  const walk = (node: PmNode) => {
    if (length >= limit) return;
    if (node.type === 'text' && typeof node.text === 'string') {
      out.push(node.text);
      length += node.text.length;
      return;
    }
    if (node.type === 'hardBreak') out.push('\n');
    if (node.type === 'entityMention') {
      const label = `@${String(node.attrs?.label ?? node.attrs?.id ?? '')}`;
      out.push(label);
      length += label.length;
      return;
    }
    for (const child of node.content ?? []) if (isNode(child)) walk(child);
    if (BLOCKS.has(node.type)) out.push('\n');
  };
  walk(doc);
  const text = out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** True when a document has no text at all (an empty paragraph counts as empty). */
export function isEmptyDoc(doc: unknown): boolean {
  return plainTextOf(doc, 1).length === 0;
}
