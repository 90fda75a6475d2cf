import type { Citation, Source, Verification } from '../../schemas/records';

/** What the evidence rules need to know of a source. */
export type SourceLineage = Pick<Source, 'id' | 'sha256' | 'parentId'>;

/**
 * What makes two citations "the same source" for counting independent sources: the SHA-256 of the
 * topmost original they descend from. Two citations of one original count once (a file imported
 * twice is one file); so do the children of one parent export (the messages and attachments of one
 * WhatsApp export, the emails of one mbox), since they reached the reporter together from one
 * person. A source whose parent is missing counts by its own hash.
 */
export function independenceKey(
  sourceId: string,
  sources: ReadonlyMap<string, SourceLineage>,
  fallbackSha256?: string,
): string {
  let source = sources.get(sourceId);
  if (!source) return `sha256:${fallbackSha256 ?? sourceId}`;
  const seen = new Set<string>();
  while (source.parentId && !seen.has(source.id)) {
    seen.add(source.id);
    const parent = sources.get(source.parentId);
    if (!parent) break;
    source = parent;
  }
  return `sha256:${source.sha256}`;
}

/** How many independent sources back a set of citations (see {@link independenceKey}). */
export function independentSourceCount(
  citations: readonly Pick<Citation, 'sourceId' | 'sourceSha256'>[],
  sources: ReadonlyMap<string, SourceLineage>,
): number {
  const keys = new Set<string>();
  for (const citation of citations) {
    // The citation's own hash wins over the source record: it is what was quoted.
    const source = sources.get(citation.sourceId);
    keys.add(
      source?.parentId
        ? independenceKey(citation.sourceId, sources, citation.sourceSha256)
        : `sha256:${citation.sourceSha256}`,
    );
  }
  return keys.size;
}

/** The verification statuses in the order a reporter climbs them, with their labels. */
export const VERIFICATION_LABELS: Record<Verification, string> = {
  unverified: 'Unverified',
  'single-source': 'Single source',
  corroborated: 'Corroborated',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
};

/**
 * A warning when the chosen status claims more than the citations show: "Corroborated" or
 * "Confirmed" with fewer than two independent sources, "Single source" with none. The status stays
 * the reporter's call (a phone call is evidence too); the warning only says what the case holds.
 */
export function verificationWarning(status: Verification, independent: number): string | undefined {
  if ((status === 'corroborated' || status === 'confirmed') && independent < 2) {
    return `Marked ${VERIFICATION_LABELS[status].toLowerCase()}, but the case holds ${independent === 0 ? 'no cited source' : 'only one independent source'} for it.`;
  }
  if (status === 'single-source' && independent === 0) {
    return 'Marked single source, but no source is cited yet.';
  }
  return undefined;
}
