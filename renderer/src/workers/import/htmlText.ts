import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader should see. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
]);

/** Elements that start a new line of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
  'caption',
  'thead',
  'tbody',
  'tfoot',
]);

/** Elements whose text stands as its own paragraph. */
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
]);

/** The readable text of an HTML document and its title. */
export interface HtmlText {
  title?: string;
  text: string;
  /** Links found, with their targets, so a reporter can see where they pointed. */
  links: { text: string; href: string }[];
}

/**
 * Turns HTML into plain text without running or loading anything: it is only tokenised, never put
 * into a document. Scripts, styles and other non-text content are dropped; block elements become
 * line breaks; whitespace collapses as a browser would show it, except inside <pre>.
 */
export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  const links: { text: string; href: string }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';
  let link: { text: string; href: string } | undefined;
  let pendingBreaks = 0;
  let atLineStart = true;

  const breakLine = (count: number) => {
    pendingBreaks = Math.max(pendingBreaks, count);
  };
  const write = (text: string) => {
    if (!text) return;
    if (pendingBreaks > 0 && out.length > 0) {
      out.push('\n'.repeat(pendingBreaks));
      atLineStart = true;
    }
    pendingBreaks = 0;
    if (atLineStart && preDepth === 0) text = text.replace(/^ +/, '');
    if (!text) return;
    out.push(text);
    atLineStart = text.endsWith('\n');
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name)) {
          skipDepth += 1;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth += 1;
        if (name === 'br') {
          out.push('\n');
          atLineStart = true;
        } else if (PARAGRAPH.has(name)) breakLine(2);
        else if (BLOCK.has(name)) breakLine(1);
        if (name === 'td' || name === 'th') write('\t');
        if (name === 'li') write('• ');
        if (name === 'a' && attributes.href) link = { text: '', href: attributes.href.trim() };
        if (name === 'img' && attributes.alt) write(`[image: ${attributes.alt}]`);
      },
      ontext(raw) {
        if (inTitle) {
          title += raw;
          return;
        }
        if (skipDepth > 0) return;
        const text = preDepth > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
        if (link) link.text += text;
        write(atLineStart && preDepth === 0 ? text.replace(/^ +/, '') : text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'a' && link) {
          links.push({ text: link.text.trim(), href: link.href });
          link = undefined;
        }
        if (PARAGRAPH.has(name)) breakLine(2);
        else if (BLOCK.has(name)) breakLine(1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const text = out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return cleanTitle ? { title: cleanTitle, text, links } : { text, links };
}
