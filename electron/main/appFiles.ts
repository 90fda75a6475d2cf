import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER_ONLY } from '@shared/security/csp';
import { parseAppUrl } from './origin';

/**
 * Media types of the files a renderer build contains. Anything else is served as opaque bytes
 * with `nosniff`, so an unexpected file can never run as a script or a page.
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.traineddata': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.icc': 'application/vnd.iccprofile',
};

/** The media type to send for a file, by its extension. */
export function mediaTypeOf(file: string): string {
  return MEDIA_TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The Content-Security-Policy header: the meta-tag policy plus what only works as a header. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; ${CONTENT_SECURITY_POLICY_HEADER_ONLY}`;

/**
 * Headers sent with every app:// response, errors included, so that no response of ours is ever
 * without the policy.
 */
export function appResponseHeaders(mediaType?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
  if (mediaType !== undefined) headers['Content-Type'] = mediaType;
  return headers;
}

/** Where an app:// request leads: a file inside the renderer folder, or a refusal with its status. */
export type AppFileResolution =
  { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an `app://casefile/...` URL to a file inside `rootDir`, refusing anything that would leave
 * it. The check is made on the decoded path because `%2e%2e%2f` means `../` once a file system sees
 * it; backslashes and colons are refused too, since Windows treats them as separators and drive
 * letters. `pathApi` is injectable so the tests can run the Windows rules on any machine.
 */
export function resolveAppFile(
  rootDir: string,
  requestUrl: string,
  pathApi: nodePath.PlatformPath = nodePath,
): AppFileResolution {
  const url = parseAppUrl(requestUrl);
  if (!url) return { ok: false, status: 404, reason: 'Not a Casefile address.' };

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'The address is not correctly encoded.' };
  }
  if (/[\0\\:]/.test(decoded)) {
    return { ok: false, status: 403, reason: 'The address names a path outside the app.' };
  }
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'The address names a path outside the app.' };
  }
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;

  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, `.${pathApi.sep}${relative.replace(/^\/+/, '')}`);
  // Belt and braces: whatever the checks above missed, the resolved file must still be inside root.
  if (!file.startsWith(root + pathApi.sep)) {
    return { ok: false, status: 403, reason: 'The address names a path outside the app.' };
  }
  return { ok: true, file };
}
