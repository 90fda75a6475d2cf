/**
 * Where Casefile's renderer lives inside Electron. IndexedDB, and so every case, belongs to this
 * origin (scheme + host + port): changing any part of it makes every case seem to vanish. It is
 * fixed forever; docs/security.md says so too.
 */
export const APP_SCHEME = 'app';

/** The host name of the app origin. Never change it (see {@link APP_SCHEME}). */
export const APP_HOST = 'casefile';

/** `app://casefile`, the origin every case is stored under. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/**
 * Parses a URL that claims to be on the app origin. Returns undefined for anything else, including
 * the app scheme with another host, a port or credentials, because those are different origins (or
 * tricks) that the app never uses.
 */
export function parseAppUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return undefined;
  // Chromium lower-cases hosts of standard schemes; Node's parser keeps them as written, so compare
  // case-insensitively to give both the same answer.
  if (parsed.hostname.toLowerCase() !== APP_HOST) return undefined;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/** True when `url` is a page or file of Casefile's own origin, `app://casefile/...`. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== undefined;
}
