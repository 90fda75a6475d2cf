import type {
  Source,
  SourceKind,
  SourceOrigin,
  TextEncoding,
  TextRevision,
} from '@shared/schemas/records';
import type { PartialDate } from '@shared/schemas/partialDate';
import { clip, newId, nowIso, type CaseStore } from './caseStore';

/** Everything needed to store a new source; the bytes are already hashed. */
export interface NewSource {
  kind: SourceKind;
  title: string;
  fileName?: string;
  mediaType: string;
  sha256: string;
  origin: SourceOrigin;
  bytes: Blob;
  provenance?: string;
  /** The text decoded or extracted from the bytes, stored as revision 1. */
  text?: string;
  encoding?: TextEncoding;
  warnings?: string[];
  metadata?: Record<string, unknown>;
  parentId?: string;
  sourceDate?: PartialDate;
}

/** What happened to a source handed to {@link SourceRepository.add}. */
export type AddSourceOutcome =
  { status: 'imported'; source: Source } | { status: 'duplicate'; existing: Source };

/** Sources of a case, their untouched originals and their text revisions. */
export class SourceRepository {
  constructor(private readonly store: CaseStore) {}

  /** All sources, newest import first. */
  async list(): Promise<Source[]> {
    const sources = await this.store.db.sources.orderBy('importedAt').reverse().toArray();
    return sources;
  }

  get(id: string): Promise<Source | undefined> {
    return this.store.db.sources.get(id);
  }

  /** The source whose original has this SHA-256, if the case has one. */
  findBySha256(sha256: string): Promise<Source | undefined> {
    return this.store.db.sources.where('sha256').equals(sha256).first();
  }

  /**
   * Stores a source with its original bytes and its text, unless the case already holds a source
   * with the same SHA-256, which is returned instead: the same file is never stored twice.
   */
  async add(input: NewSource): Promise<AddSourceOutcome> {
    const { db } = this.store;
    return this.store.write([db.sources, db.originals, db.texts], async (log) => {
      const existing = await db.sources.where('sha256').equals(input.sha256).first();
      if (existing) return { status: 'duplicate', existing } as const;
      const at = nowIso();
      const actor = this.store.actor;
      const source: Source = {
        id: newId(),
        kind: input.kind,
        title: input.title.trim() || input.fileName || 'Untitled source',
        mediaType: input.mediaType,
        size: input.bytes.size,
        sha256: input.sha256,
        importedAt: at,
        importedBy: actor,
        origin: input.origin,
        provenance: input.provenance ?? '',
        warnings: input.warnings ?? [],
      };
      if (input.fileName) source.fileName = input.fileName;
      if (input.encoding) source.encoding = input.encoding;
      if (input.metadata) source.metadata = input.metadata;
      if (input.parentId) source.parentId = input.parentId;
      if (input.sourceDate) source.sourceDate = input.sourceDate;
      if (input.text !== undefined) {
        const revision: TextRevision = {
          id: newId(),
          sourceId: source.id,
          sourceSha256: source.sha256,
          revision: 1,
          kind: 'extracted',
          text: input.text,
          createdAt: at,
          createdBy: actor,
        };
        source.currentRevisionId = revision.id;
        await db.texts.add(revision);
      }
      await db.sources.add(source);
      await db.originals.add({ sourceId: source.id, sha256: source.sha256, bytes: input.bytes });
      await log({
        action: 'source.import',
        recordType: 'source',
        recordId: source.id,
        summary: `Imported “${clip(source.title)}” (${source.kind}, ${source.size} bytes)`,
        details: {
          sha256: source.sha256,
          fileName: source.fileName,
          origin: source.origin,
          mediaType: source.mediaType,
          encoding: source.encoding?.name,
        },
      });
      return { status: 'imported', source } as const;
    });
  }

  /** The text revision the reader shows for a source. */
  async currentText(source: Source): Promise<TextRevision | undefined> {
    if (!source.currentRevisionId) return undefined;
    return this.store.db.texts.get(source.currentRevisionId);
  }

  /** Every text revision of a source, oldest first. */
  revisions(sourceId: string): Promise<TextRevision[]> {
    return this.store.db.texts
      .where('[sourceId+revision]')
      .between([sourceId, 0], [sourceId, Infinity])
      .toArray();
  }

  /** The untouched original bytes. */
  async original(sourceId: string): Promise<Blob | undefined> {
    return (await this.store.db.originals.get(sourceId))?.bytes;
  }

  /** Changes the note on where a source came from. */
  async setProvenance(sourceId: string, provenance: string): Promise<void> {
    const { db } = this.store;
    const text = provenance.slice(0, 20_000);
    await this.store.write([db.sources], async (log) => {
      const source = await db.sources.get(sourceId);
      if (!source) throw new Error('That source is no longer in this case.');
      if (source.provenance === text) return;
      await db.sources.update(sourceId, { provenance: text });
      await log({
        action: 'source.provenance',
        recordType: 'source',
        recordId: sourceId,
        summary: `Changed where “${clip(source.title)}” came from`,
        details: { before: source.provenance, after: text },
      });
    });
  }

  /** Renames a source (its title, not its file name, which stays as imported). */
  async rename(sourceId: string, title: string): Promise<void> {
    const { db } = this.store;
    const trimmed = title.trim().slice(0, 500);
    if (!trimmed) throw new Error('A source needs a title.');
    await this.store.write([db.sources], async (log) => {
      const source = await db.sources.get(sourceId);
      if (!source) throw new Error('That source is no longer in this case.');
      if (source.title === trimmed) return;
      await db.sources.update(sourceId, { title: trimmed });
      await log({
        action: 'source.rename',
        recordType: 'source',
        recordId: sourceId,
        summary: `Renamed source “${clip(source.title)}” to “${clip(trimmed)}”`,
        details: { before: source.title, after: trimmed },
      });
    });
  }
}
