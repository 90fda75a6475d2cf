import DOMPurify from 'dompurify';
import { Parser } from 'htmlparser2';

/** Attributes that can make a browser fetch or navigate. */
const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'href',
  'xlink:href',
  'poster',
  'background',
  'action',
  'formaction',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'cite',
  'data',
];

let purifier: ReturnType<typeof DOMPurify> | undefined;
let cidUrls: ReadonlyMap<string, string> = new Map();
let blocked = 0;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const trimmed = value.trim();
      const cid = /^cid:(.+)$/i.exec(trimmed);
      if (cid && name === 'src') {
        const url = cidUrls.get(decodeURIComponent(cid[1] as string).replace(/^<|>$/g, ''));
        if (url) {
          node.setAttribute('src', url);
          continue;
        }
      }
      if (name === 'src' && /^data:image\/(png|jpeg|gif|webp);/i.test(trimmed)) continue;
      // Anything else would be fetched or followed: keep the value to read, never to load.
      node.removeAttribute(name);
      if (name === 'href' && node.tagName === 'A') {
        node.setAttribute('data-href', trimmed.slice(0, 2_000));
        node.setAttribute('title', `Link to ${trimmed.slice(0, 300)} (not opened)`);
      } else {
        node.setAttribute(`data-blocked-${name.replace(':', '-')}`, trimmed.slice(0, 2_000));
        if (node.tagName === 'IMG') {
          blocked += 1;
          node.setAttribute(
            'alt',
            `[blocked image${node.getAttribute('alt') ? `: ${node.getAttribute('alt')}` : ''}]`,
          );
        }
      }
    }
  });
  return purifier;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * A first pass with a tokenizer that builds no document: drops <style> and <script> elements and
 * every style and event-handler attribute. DOMPurify parses into an inert document that still
 * carries the app's CSP, which reports (harmlessly, but loudly) every inline style it meets; this
 * pass means it never meets one.
 */
function stripStylesAndScripts(html: string): string {
  const out: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'style' || name === 'script') {
          skip += 1;
          return;
        }
        if (skip > 0) return;
        const kept = Object.entries(attributes)
          .filter(([key]) => key !== 'style' && !/^on/i.test(key))
          .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
          .join('');
        out.push(`<${name}${kept}>`);
      },
      ontext(text) {
        if (skip === 0) out.push(escapeText(text));
      },
      onclosetag(name) {
        if (name === 'style' || name === 'script') {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip === 0 && !VOID.has(name)) out.push(`</${name}>`);
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: true,
    },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}

/**
 * An email's HTML made safe to show: DOMPurify removes scripts, event handlers and dangerous
 * elements; on top of that no style (inline styles and <style> could fetch with url()), no frames,
 * forms or media sources, and every URL attribute is removed unless it is an inline picture:
 * `cid:` references become the blob: URLs of the email's own attachments, `data:` images stay.
 * Remote images therefore never load (no tracking pixel learns the email was opened), and links
 * are shown with their target but cannot be followed.
 */
export function sanitizeEmailHtml(
  html: string,
  attachments: ReadonlyMap<string, string> = new Map(),
): { html: string; blockedImages: number } {
  const purify = instance();
  cidUrls = attachments;
  blocked = 0;
  const clean = purify.sanitize(stripStylesAndScripts(html), {
    FORBID_TAGS: [
      'style',
      'link',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'picture',
      'source',
      'video',
      'audio',
      'track',
      'meta',
      'base',
      'svg',
      'math',
      'template',
    ],
    FORBID_ATTR: ['style', 'ping', 'srcset', 'target'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
  });
  const result = { html: clean, blockedImages: blocked };
  cidUrls = new Map();
  return result;
}
