/** What a source view should scroll to and highlight. */
export type SourceFocus =
  | { kind: 'mention'; id: string }
  | { kind: 'citation'; id: string }
  | { kind: 'range'; start: number; end: number }
  /** One message of a chat or mailbox, optionally a passage of its text (offsets in the message). */
  | { kind: 'message'; id: string; start?: number; end?: number };

/**
 * Every address in the app. Hash routing keeps these working the same under app://casefile/ in
 * Electron and http://127.0.0.1 in a browser, with no server-side routes.
 */
export const paths = {
  home: () => '/',
  caseHome: (caseId: string) => `/cases/${caseId}/sources`,
  sources: (caseId: string) => `/cases/${caseId}/sources`,
  source: (caseId: string, sourceId: string, focus?: SourceFocus) => {
    const base = `/cases/${caseId}/sources/${sourceId}`;
    if (!focus) return base;
    if (focus.kind === 'range') return `${base}/range/${focus.start}-${focus.end}`;
    if (focus.kind === 'message') {
      const span = focus.start !== undefined && focus.end !== undefined;
      return `${base}/message/${focus.id}${span ? `:${focus.start}-${focus.end}` : ''}`;
    }
    return `${base}/${focus.kind}/${focus.id}`;
  },
  entities: (caseId: string) => `/cases/${caseId}/entities`,
  entity: (caseId: string, entityId: string) => `/cases/${caseId}/entities/${entityId}`,
  timeline: (caseId: string) => `/cases/${caseId}/timeline`,
  event: (caseId: string, eventId: string) => `/cases/${caseId}/timeline/${eventId}`,
  activity: (caseId: string) => `/cases/${caseId}/activity`,
  search: (caseId: string) => `/cases/${caseId}/search`,
  suggestions: (caseId: string) => `/cases/${caseId}/suggestions`,
  notes: (caseId: string) => `/cases/${caseId}/notes`,
};

/** Reads the focus part of a source address back. */
export function parseSourceFocus(kind?: string, value?: string): SourceFocus | undefined {
  if (!kind || !value) return undefined;
  if (kind === 'mention' || kind === 'citation') return { kind, id: value };
  if (kind === 'range') {
    const match = /^(\d+)-(\d+)$/.exec(value);
    if (match) return { kind: 'range', start: Number(match[1]), end: Number(match[2]) };
  }
  if (kind === 'message') {
    const match = /^([^:]+)(?::(\d+)-(\d+))?$/.exec(value);
    if (match?.[1]) {
      return match[2] !== undefined
        ? { kind: 'message', id: match[1], start: Number(match[2]), end: Number(match[3]) }
        : { kind: 'message', id: match[1] };
    }
  }
  return undefined;
}
