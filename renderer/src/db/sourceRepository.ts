import type {
  Citation,
  Mention,
  Message,
  Source,
  SourceKind,
  SourceOrigin,
  TextEncoding,
  TextRevision,
  TextRevisionKind,
} from '@shared/schemas/records';
import type { PartialDate } from '@shared/schemas/partialDate';
import type { MessageDraft } from '@shared/domain/chat/toMessages';
import { reanchor } from '@shared/domain/textAnchor';
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
  /** A chosen id (so that messages can name a child source before it is stored). */
  id?: string;
  /** What revision 1 of the text is: extracted from the file (the default) or recognised. */
  textKind?: Extract<TextRevisionKind, 'extracted' | 'ocr'>;
  /** For recognised text: the words with their boxes in the image. */
  words?: TextRevision['words'];
  /** For documents with pages: where each page starts in the text. */
  pageStarts?: number[];
}

/** A source with everything made from it, stored together or not at all. */
export interface NewSourceTree {
  source: NewSource;
  /** Its messages (chat messages, emails of a mailbox), in order. */
  messages?: MessageDraft[];
  /** Files inside it (attachments, archive entries), each with its id chosen. */
  children?: (NewSource & { id: string })[];
}

/** What became of a tree handed to {@link SourceRepository.addTree}. */
export type AddTreeOutcome =
  | {
      status: 'imported';
      source: Source;
      messageCount: number;
      childCount: number;
      /** Children that were already in the case: their id in the tree -> the existing source. */
      duplicateChildren: { name: string; existing: Source }[];
    }
  | { status: 'duplicate'; existing: Source };

/** What a correction did to the tags and citations of the corrected text. */
export interface CorrectionOutcome {
  revision: TextRevision;
  /** Mentions and citations found again in the corrected text. */
  reanchored: number;
  /** Mentions and citations whose quote is no longer in the text. */
  lost: number;
}

function sourceRecord(input: NewSource, at: string, actor: string): Source {
  const source: Source = {
    id: input.id ?? newId(),
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
  return source;
}

function firstRevision(input: NewSource, source: Source, at: string, actor: string): TextRevision {
  const revision: TextRevision = {
    id: newId(),
    sourceId: source.id,
    sourceSha256: source.sha256,
    revision: 1,
    kind: input.textKind ?? 'extracted',
    text: input.text ?? '',
    createdAt: at,
    createdBy: actor,
  };
  if (input.words) revision.words = input.words;
  if (input.pageStarts) revision.pageStarts = input.pageStarts;
  return revision;
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
      const source = sourceRecord(input, at, actor);
      if (input.text !== undefined) {
        const revision = firstRevision(input, source, at, actor);
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

  /**
   * Stores a source with its messages and child files in one transaction, so an import that fails
   * or is cancelled leaves nothing half-written. The activity log gets one entry for the source
   * (not one per message) and one per child file. A child whose SHA-256 is already in the case is
   * not stored again: messages that named it point at the source already there.
   */
  async addTree(tree: NewSourceTree): Promise<AddTreeOutcome> {
    const { db } = this.store;
    return this.store.write([db.sources, db.originals, db.texts, db.messages], async (log) => {
      const input = tree.source;
      const existing = await db.sources.where('sha256').equals(input.sha256).first();
      if (existing) return { status: 'duplicate', existing } as const;
      const at = nowIso();
      const actor = this.store.actor;
      const source = sourceRecord(input, at, actor);

      const remap = new Map<string, string>();
      const duplicateChildren: { name: string; existing: Source }[] = [];
      const children: { record: Source; input: NewSource }[] = [];
      for (const child of tree.children ?? []) {
        const already = await db.sources.where('sha256').equals(child.sha256).first();
        if (already) {
          remap.set(child.id, already.id);
          duplicateChildren.push({ name: child.fileName ?? child.title, existing: already });
          continue;
        }
        children.push({
          record: sourceRecord({ ...child, parentId: source.id }, at, actor),
          input: child,
        });
      }

      const revisions: TextRevision[] = [];
      for (const item of [{ record: source, input }, ...children]) {
        if (item.input.text === undefined) continue;
        const revision = firstRevision(item.input, item.record, at, actor);
        item.record.currentRevisionId = revision.id;
        revisions.push(revision);
      }
      await db.sources.bulkAdd([source, ...children.map((c) => c.record)]);
      await db.originals.bulkAdd([
        { sourceId: source.id, sha256: source.sha256, bytes: input.bytes },
        ...children.map((c) => ({
          sourceId: c.record.id,
          sha256: c.record.sha256,
          bytes: c.input.bytes,
        })),
      ]);
      if (revisions.length) await db.texts.bulkAdd(revisions);

      const drafts = tree.messages ?? [];
      if (drafts.length) {
        const messages: Message[] = new Array(drafts.length);
        for (let i = 0; i < drafts.length; i += 1) {
          const draft = drafts[i] as MessageDraft;
          const message: Message = { ...draft, id: newId(), sourceId: source.id };
          if (draft.attachments && remap.size) {
            message.attachments = draft.attachments.map((a) =>
              a.sourceId && remap.has(a.sourceId)
                ? { ...a, sourceId: remap.get(a.sourceId) as string }
                : a,
            );
          }
          messages[i] = message;
        }
        await db.messages.bulkAdd(messages);
      }

      await log({
        action: 'source.import',
        recordType: 'source',
        recordId: source.id,
        summary: `Imported “${clip(source.title)}” (${source.kind}, ${source.size} bytes${drafts.length ? `, ${drafts.length} message${drafts.length === 1 ? '' : 's'}` : ''}${children.length ? `, ${children.length} file${children.length === 1 ? '' : 's'} inside` : ''})`,
        details: {
          sha256: source.sha256,
          fileName: source.fileName,
          origin: source.origin,
          mediaType: source.mediaType,
          encoding: source.encoding?.name,
          messageCount: drafts.length,
          childCount: children.length,
          textKind: input.text !== undefined ? (input.textKind ?? 'extracted') : undefined,
        },
      });
      for (const child of children) {
        await log({
          action: 'source.import',
          recordType: 'source',
          recordId: child.record.id,
          summary: `Imported “${clip(child.record.title)}” from “${clip(source.title, 60)}” (${child.record.kind}, ${child.record.size} bytes)`,
          details: {
            sha256: child.record.sha256,
            fileName: child.record.fileName,
            origin: child.record.origin,
            mediaType: child.record.mediaType,
            parentId: source.id,
          },
        });
      }
      return {
        status: 'imported',
        source,
        messageCount: drafts.length,
        childCount: children.length,
        duplicateChildren,
      } as const;
    });
  }

  /** Sources made from files inside this one (attachments, archive entries). */
  children(sourceId: string): Promise<Source[]> {
    return this.store.db.sources.where('parentId').equals(sourceId).toArray();
  }

  /** How many messages a source has. */
  messageCount(sourceId: string): Promise<number> {
    return this.store.db.messages.where('sourceId').equals(sourceId).count();
  }

  /** Messages [from, to) of a source, by their position. */
  messages(sourceId: string, from = 0, to = Infinity): Promise<Message[]> {
    return this.store.db.messages
      .where('[sourceId+seq]')
      .between([sourceId, from], [sourceId, to])
      .toArray();
  }

  /** One message by id. */
  message(id: string): Promise<Message | undefined> {
    return this.store.db.messages.get(id);
  }

  /**
   * Adds text recognised in an image as a new revision (for an image imported without OCR, or
   * recognised again). It becomes the text the reader shows unless the reporter has corrected an
   * earlier recognition, whose correction stays current.
   */
  async addOcrRevision(
    sourceId: string,
    ocr: { text: string; words: NonNullable<TextRevision['words']>; engine: string },
  ): Promise<TextRevision> {
    const { db } = this.store;
    return this.store.write([db.sources, db.texts], async (log) => {
      const source = await db.sources.get(sourceId);
      if (!source) throw new Error('That source is no longer in this case.');
      const last = await db.texts
        .where('[sourceId+revision]')
        .between([sourceId, 0], [sourceId, Infinity])
        .last();
      const revision: TextRevision = {
        id: newId(),
        sourceId,
        sourceSha256: source.sha256,
        revision: (last?.revision ?? 0) + 1,
        kind: 'ocr',
        text: ocr.text,
        words: ocr.words,
        createdAt: nowIso(),
        createdBy: this.store.actor,
      };
      await db.texts.add(revision);
      const current = source.currentRevisionId
        ? await db.texts.get(source.currentRevisionId)
        : undefined;
      if (current?.kind !== 'correction') {
        await db.sources.update(sourceId, { currentRevisionId: revision.id });
      }
      await log({
        action: 'source.ocr',
        recordType: 'source',
        recordId: sourceId,
        summary: `Recognised the text of “${clip(source.title)}” (${ocr.words.length} words)`,
        details: { revisionId: revision.id, revision: revision.revision, engine: ocr.engine },
      });
      return revision;
    });
  }

  /**
   * Stores the reporter's correction of a source's text as a new revision based on the current
   * one; the earlier revisions (the OCR output) are kept. Every tag and citation quoting this text
   * is found again in the corrected text by its quote and moved there; those whose quote is gone
   * keep their old anchor and are flagged with `quoteLostIn`.
   */
  async addCorrection(sourceId: string, text: string): Promise<CorrectionOutcome> {
    const { db } = this.store;
    const normalized = text.replace(/\r\n?/g, '\n');
    return this.store.write([db.sources, db.texts, db.mentions, db.citations], async (log) => {
      const source = await db.sources.get(sourceId);
      if (!source) throw new Error('That source is no longer in this case.');
      const current = source.currentRevisionId
        ? await db.texts.get(source.currentRevisionId)
        : undefined;
      if (!current) throw new Error('This source has no text to correct.');
      if (current.text === normalized)
        throw new Error('The text is unchanged: there is nothing to save.');
      const last = await db.texts
        .where('[sourceId+revision]')
        .between([sourceId, 0], [sourceId, Infinity])
        .last();
      const revision: TextRevision = {
        id: newId(),
        sourceId,
        sourceSha256: source.sha256,
        revision: (last?.revision ?? current.revision) + 1,
        kind: 'correction',
        text: normalized,
        basedOn: current.id,
        createdAt: nowIso(),
        createdBy: this.store.actor,
      };
      await db.texts.add(revision);
      await db.sources.update(sourceId, { currentRevisionId: revision.id });

      let reanchored = 0;
      let lost = 0;
      const move = async <T extends Mention | Citation>(
        record: T,
        table: typeof db.mentions | typeof db.citations,
      ) => {
        const anchor = record.anchor;
        if (anchor.type !== 'text' || anchor.scope?.messageId) return;
        const moved = reanchor(normalized, anchor, revision.id);
        if (moved) {
          reanchored += 1;
          await (table as typeof db.mentions).update(record.id, {
            anchor: moved.anchor,
            quoteLostIn: undefined,
          });
        } else {
          lost += 1;
          if (!record.quoteLostIn) {
            await (table as typeof db.mentions).update(record.id, { quoteLostIn: revision.id });
          }
        }
      };
      for (const mention of await db.mentions.where('sourceId').equals(sourceId).toArray()) {
        await move(mention, db.mentions);
      }
      for (const citation of await db.citations.where('sourceId').equals(sourceId).toArray()) {
        await move(citation, db.citations);
      }
      await log({
        action: 'source.correct',
        recordType: 'source',
        recordId: sourceId,
        summary: `Corrected the text of “${clip(source.title)}” (revision ${revision.revision}${lost ? `; ${lost} quote${lost === 1 ? '' : 's'} no longer found` : ''})`,
        details: {
          revisionId: revision.id,
          revision: revision.revision,
          basedOn: current.id,
          reanchored,
          lost,
        },
      });
      return { revision, reanchored, lost };
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

  /** The source and every file taken out of it (attachments, archive entries), parents first. */
  private async tree(sourceId: string): Promise<Source[]> {
    const { db } = this.store;
    const root = await db.sources.get(sourceId);
    if (!root) return [];
    const all: Source[] = [root];
    for (let i = 0; i < all.length; i += 1) {
      const children = await db.sources.where('parentId').equals((all[i] as Source).id).toArray();
      all.push(...children);
    }
    return all;
  }

  /**
   * What deleting a source would remove: the files taken out of it, and the tags, citations and
   * suggestions that point into them, with the events that would lose a citation.
   */
  async deletionImpact(sourceId: string): Promise<DeletionImpact> {
    const { db } = this.store;
    const sources = await this.tree(sourceId);
    const ids = sources.map((source) => source.id);
    const [messages, mentions, citations] = await Promise.all([
      db.messages.where('sourceId').anyOf(ids).count(),
      db.mentions.where('sourceId').anyOf(ids).count(),
      db.citations.where('sourceId').anyOf(ids).toArray(),
    ]);
    const eventIds = [...new Set(citations.map((citation) => citation.eventId))];
    const events = (await db.events.bulkGet(eventIds)).filter((e): e is NonNullable<typeof e> => Boolean(e));
    return {
      sources: sources.length,
      bytes: sources.reduce((sum, source) => sum + source.size, 0),
      messages,
      mentions,
      citations: citations.length,
      events: events.map((event) => ({ id: event.id, title: event.title })),
    };
  }

  /**
   * Deletes a source for good: its original, its text revisions and messages, the files taken out
   * of it, and the tags, citations and suggestions pointing into them, in one transaction. Events
   * stay (they may have other citations); they lose the citations of this source. The activity log
   * records each deleted source with its title and SHA-256, so the case's history still says what
   * was there, without keeping any of its content.
   */
  async remove(sourceId: string): Promise<DeletionImpact> {
    const { db } = this.store;
    const impact = await this.deletionImpact(sourceId);
    await this.store.write(
      [db.sources, db.originals, db.texts, db.messages, db.mentions, db.citations, db.suggestions, db.events],
      async (log) => {
        const sources = await this.tree(sourceId);
        if (sources.length === 0) throw new Error('That source is no longer in this case.');
        for (const source of [...sources].reverse()) {
          const [messages, mentions, citations] = await Promise.all([
            db.messages.where('sourceId').equals(source.id).primaryKeys(),
            db.mentions.where('sourceId').equals(source.id).primaryKeys(),
            db.citations.where('sourceId').equals(source.id).toArray(),
          ]);
          for (const citation of citations) {
            const event = await db.events.get(citation.eventId);
            await log({
              action: 'citation.delete',
              recordType: 'citation',
              recordId: citation.id,
              summary: `Removed the citation of “${clip(source.title, 60)}” from “${clip(event?.title ?? 'an event', 60)}” (its source was deleted)`,
              details: { eventId: citation.eventId, sourceId: source.id, sourceSha256: citation.sourceSha256 },
            });
          }
          await db.citations.bulkDelete(citations.map((citation) => citation.id));
          await db.mentions.bulkDelete(mentions);
          await db.messages.bulkDelete(messages);
          await db.suggestions.where('sourceId').equals(source.id).delete();
          await db.texts.where('sourceId').equals(source.id).delete();
          await db.originals.delete(source.id);
          await db.sources.delete(source.id);
          await log({
            action: 'source.delete',
            recordType: 'source',
            recordId: source.id,
            summary: `Deleted source “${clip(source.title)}” (${source.kind}, ${source.size} bytes)`,
            details: {
              sha256: source.sha256,
              kind: source.kind,
              parentId: source.parentId,
              messages: messages.length,
              mentions: mentions.length,
              citations: citations.length,
            },
          });
        }
      },
    );
    return impact;
  }
}

/** What deleting a source takes with it. */
export interface DeletionImpact {
  /** The source and the files taken out of it. */
  sources: number;
  bytes: number;
  messages: number;
  mentions: number;
  citations: number;
  /** Events that lose a citation. */
  events: { id: string; title: string }[];
}
