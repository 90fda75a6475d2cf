import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/** Elements dropped with everything inside them: code, styling, media, forms, metadata. */
const DROP = new Set([
  'script',
  'style',
  'head',
  'title',
  'meta',
  'link',
  'xml',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'canvas',
  'map',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'noscript',
  'base',
]);

const HEADINGS: Record<string, string> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
};
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Only web and mail links survive; `javascript:`, `data:`, `file:` and relative links do not. */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim().replace(/[\s\p{Cc}]+/gu, '');
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

function style(element: Element): string {
  return (element.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
}

function isWordListParagraph(element: Element): boolean {
  return (
    element.name === 'p' &&
    (/msolistparagraph/i.test(element.attribs.class ?? '') || /mso-list:/.test(style(element)))
  );
}

function hasBlockChild(element: Element): boolean {
  return element.children.some(
    (child) => child.type === 'tag' && (BLOCKS.has(child.name) || hasBlockChild(child)),
  );
}

/** Drops Word's "[if !supportLists]" bullet and the other conditional islands among siblings. */
function withoutConditionals(children: ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  let skipping = 0;
  for (const child of children) {
    if (child.type === 'comment') {
      const data = child.data.trim();
      if (/^\[if\s/i.test(data) && !/<!\[endif\]$/i.test(data)) skipping += 1;
      else if (/^\[endif\]$/i.test(data) && skipping > 0) skipping -= 1;
      continue;
    }
    if (skipping === 0) out.push(child);
  }
  return out;
}

function serialize(children: ChildNode[]): string {
  let html = '';
  const list = withoutConditionals(children);
  for (let i = 0; i < list.length; i += 1) {
    const node = list[i] as ChildNode;
    if (node.type === 'text') {
      html += escapeText(node.data);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (DROP.has(name) || name.startsWith('v:')) continue; // v: is Word's vector drawing markup
    if (isWordListParagraph(element)) {
      // Consecutive Word list paragraphs become one list.
      let items = '';
      let j = i;
      while (j < list.length) {
        const candidate = list[j] as ChildNode;
        if (candidate.type === 'text' && !candidate.data.trim()) {
          j += 1;
          continue;
        }
        if (candidate.type !== 'tag' || !isWordListParagraph(candidate)) break;
        items += `<li><p>${serialize(candidate.children)}</p></li>`;
        j += 1;
      }
      html += `<ul>${items}</ul>`;
      i = j - 1;
      continue;
    }
    const inner = serialize(element.children);
    const css = style(element);
    switch (name) {
      case 'p':
        html += `<p>${inner}</p>`;
        break;
      case 'div':
      case 'section':
      case 'article':
      case 'header':
      case 'footer':
      case 'main':
      case 'aside':
      case 'nav':
      case 'td':
      case 'th':
      case 'tbody':
      case 'thead':
      case 'tfoot':
      case 'table':
        if (name === 'td' || name === 'th') html += `${inner} `;
        else if (name.startsWith('t') || hasBlockChild(element)) html += inner;
        else html += `<p>${inner}</p>`;
        break;
      case 'tr':
        html += `<p>${inner.trim()}</p>`;
        break;
      case 'ul':
      case 'ol':
      case 'blockquote':
        html += `<${name}>${inner}</${name}>`;
        break;
      case 'li':
        html += `<li>${inner}</li>`;
        break;
      case 'pre':
        html += `<p>${inner}</p>`;
        break;
      case 'br':
        html += '<br>';
        break;
      case 'b':
      case 'strong':
        // Google Docs wraps whole pastes in <b style="font-weight:normal">.
        html += /font-weight:(normal|400)/.test(css) ? inner : `<strong>${inner}</strong>`;
        break;
      case 'i':
      case 'em':
        html += /font-style:normal/.test(css) ? inner : `<em>${inner}</em>`;
        break;
      case 'a': {
        const href = safeHref(element.attribs.href);
        html += href ? `<a href="${escapeAttr(href)}">${inner}</a>` : inner;
        break;
      }
      default: {
        const heading = HEADINGS[name];
        if (heading) {
          html += `<${heading}>${inner}</${heading}>`;
          break;
        }
        // Spans and the rest: keep the text, and bold or italic when their style says so.
        let out = inner;
        if (/font-weight:(bold|[6-9]00)/.test(css)) out = `<strong>${out}</strong>`;
        if (/font-style:italic/.test(css)) out = `<em>${out}</em>`;
        html += out;
      }
    }
  }
  return html;
}

/**
 * Cleans HTML pasted from Word, Google Docs or a web page down to what a description can hold:
 * paragraphs, headings, lists, quotes, bold, italic, line breaks and web or mail links. Scripts,
 * styles, images (so nothing remote is ever loaded), forms, event handlers, classes and every other
 * attribute are dropped; Word's list paragraphs become lists. Pure string in, string out: it runs
 * the same in the app and in tests.
 */
export function cleanPastedHtml(html: string): string {
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  // Word puts the real content in <body>; a fragment has none.
  const body = (function find(nodes: ChildNode[]): Element | undefined {
    for (const node of nodes) {
      if (node.type === 'tag') {
        if (node.name === 'body') return node;
        const inner = find(node.children);
        if (inner) return inner;
      }
    }
    return undefined;
  })(document.children);
  return serialize(body ? body.children : document.children).trim();
}
