import { canonicalJson } from '@shared/domain/canonicalJson';
import { sha256Hex } from '@shared/domain/hashing';
import { NoteSchema, type Note } from '@shared/schemas/records';
import { clip, nowIso, type CaseStore } from './caseStore';

/** The id of the case's own notes page. */
export const CASE_NOTES_ID = 'case-notes';

/** The longest notes page kept, in characters of its JSON. */
export const MAX_NOTE_JSON = 5_000_000;

/** Rich-text pages of a case (for now one: the case notes). */
export class NoteRepository {
  constructor(private readonly store: CaseStore) {}

  get(id = CASE_NOTES_ID): Promise<Note | undefined> {
    return this.store.db.notes.get(id);
  }

  /**
   * Saves a page. The log records the size and hash of each version, not the text, so that a long
   * page saved often does not swell the log.
   */
  async save(doc: unknown, id = CASE_NOTES_ID, title = 'Case notes'): Promise<Note> {
    const { db } = this.store;
    const json = doc === undefined ? '' : canonicalJson(doc);
    if (json.length > MAX_NOTE_JSON) {
      throw new RangeError(
        `These notes are too long to save (${json.length.toLocaleString('en-GB')} characters stored, at most ${MAX_NOTE_JSON.toLocaleString('en-GB')}). Move long material into a source.`,
      );
    }
    return this.store.write([db.notes], async (log) => {
      const before = await db.notes.get(id);
      const note = NoteSchema.parse({
        id,
        title: title.trim() || 'Notes',
        doc,
        updatedAt: nowIso(),
        updatedBy: this.store.actor,
      });
      const beforeJson = before?.doc === undefined ? '' : canonicalJson(before.doc);
      if (before && beforeJson === json) return before;
      await db.notes.put(note);
      await log({
        action: 'note.update',
        recordType: 'note',
        recordId: id,
        summary: `Edited “${clip(note.title)}”`,
        details: {
          before: before ? { chars: beforeJson.length, sha256: sha256Hex(beforeJson) } : null,
          after: { chars: json.length, sha256: sha256Hex(json) },
        },
      });
      return note;
    });
  }
}
