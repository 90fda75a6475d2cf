import DOMPurify from 'dompurify';

/** Attributes that can make a browser fetch or navigate. */
const URL_ATTRIBUTES = ['src', 'srcset', 'href', 'xlink:href', 'poster', 'background', 'action', 'formaction', 'lowsrc', 'dynsrc', 'longdesc', 'cite', 'data'];

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
          node.setAttribute('alt', `[blocked image${node.getAttribute('alt') ? `: ${node.getAttribute('alt')}` : ''}]`);
        }
      }
    }
  });
  return purifier;
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
  const clean = purify.sanitize(html, {
    FORBID_TAGS: ['style', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'picture', 'source', 'video', 'audio', 'track', 'meta', 'base', 'svg', 'math', 'template'],
    FORBID_ATTR: ['style', 'ping', 'srcset', 'target'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
  });
  const result = { html: clean, blockedImages: blocked };
  cidUrls = new Map();
  return result;
}
