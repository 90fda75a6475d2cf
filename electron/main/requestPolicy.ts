import { isAppUrl } from './origin';

/** What the session's request filter needs to know besides the URL. */
export interface RequestPolicyOptions {
  /** DevTools pages load from `devtools://`; allowed only in an unpackaged (development) run. */
  allowDevTools: boolean;
}

/**
 * Decides whether the session lets a request through. Casefile works offline on sensitive
 * material: it loads only its own files (`app://casefile/`), `blob:` and `data:` URLs that the page
 * made itself, and DevTools in development. Everything else, above all `http(s):`, `ws(s):` and
 * `file:`, is cancelled, so that no page, image, font or link can reach the network or the disk.
 */
export function isRequestAllowed(url: string, options: RequestPolicyOptions): boolean {
  const scheme = schemeOf(url);
  switch (scheme) {
    case 'app':
      return isAppUrl(url);
    case 'blob':
    case 'data':
      return true;
    case 'devtools':
      return options.allowDevTools;
    default:
      return false;
  }
}

/**
 * Decides whether a window may navigate from `currentUrl` to `targetUrl`. The renderer routes
 * inside one page (hash routing), which never asks; so a real navigation is either a reload of the
 * same address or something to stop, such as a link in an imported email.
 */
export function isNavigationAllowed(currentUrl: string, targetUrl: string): boolean {
  return targetUrl === currentUrl && isAppUrl(targetUrl);
}

/**
 * Permissions granted to the app's own pages, by name, each with its reason:
 * - `clipboard-sanitized-write`: the "Copy SHA-256" button writes a source's hash to the clipboard.
 *
 * Nothing else: no camera, microphone, location, notifications, clipboard reading, USB or anything
 * else a web page may ask for. Copy and paste through the Edit menu need no permission.
 */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** Whether a page at `requestingUrl` may have `permission`: only the app itself, only by name. */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl);
}

/** The scheme of a URL without its colon, lower-cased, or '' when it has none. */
function schemeOf(url: string): string {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return match?.[1]?.toLowerCase() ?? '';
}
