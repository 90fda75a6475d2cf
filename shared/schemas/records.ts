import { z } from 'zod';
import { AnchorSchema } from './anchor';
import { PartialDateSchema } from './partialDate';

const Id = z.string().min(1).max(128);
const IsoTime = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');

/** A case: one investigation, with its own database. */
export const CaseSchema = z.object({
  id: Id,
  name: z.string().trim().min(1, 'A case needs a name.').max(200),
  description: z.string().max(5_000),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  createdBy: z.string(),
  /** Set on a case opened from a bundle: which bundle, made by whom, opened by whom. */
  fromBundle: z
    .object({
      fileName: z.string().max(1_000),
      manifestSha256: Sha256,
      originalCaseId: Id,
      exportedAt: IsoTime,
      exportedBy: z.string(),
      openedAt: IsoTime,
      openedBy: z.string(),
    })
    .optional(),
});
export type Case = z.infer<typeof CaseSchema>;

/** What kind of material a source is; it decides which reader shows it. */
export const SourceKindSchema = z.enum([
  'text',
  'markdown',
  'html',
  'image',
  'chat',
  'email',
  'pdf',
  'docx',
  'file',
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** How the original bytes reached the case. */
export const SourceOriginSchema = z.enum([
  'file',
  'drop',
  'paste',
  'clipboard',
  'archive',
  /** A file attached to an email or a chat message (a child source). */
  'attachment',
  /** A file found in a folder the reporter imported whole. */
  'folder',
]);
export type SourceOrigin = z.infer<typeof SourceOriginSchema>;

/** How a text was decoded from the original bytes, and whether that was a guess. */
export const TextEncodingSchema = z.object({
  name: z.string(),
  assumed: z.boolean(),
  note: z.string().optional(),
});
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

/**
 * A source as imported. The original bytes live in `originals` under the same id and are never
 * changed; everything derived from them (text, messages, OCR) is a separate record.
 */
export const SourceSchema = z.object({
  id: Id,
  kind: SourceKindSchema,
  title: z.string().max(500),
  fileName: z.string().max(1_000).optional(),
  mediaType: z.string().max(200),
  size: z.number().int().min(0),
  sha256: Sha256,
  importedAt: IsoTime,
  importedBy: z.string(),
  origin: SourceOriginSchema,
  provenance: z.string().max(20_000),
  parentId: Id.optional(),
  encoding: TextEncodingSchema.optional(),
  /** The id of the text revision the reader shows (the newest correction, or the extracted text). */
  currentRevisionId: Id.optional(),
  /** When the source itself was made or sent, where it says so (an email's Date header). */
  sourceDate: PartialDateSchema.optional(),
  /** Things the reporter should know about this file (identifying metadata, lossy decoding). */
  warnings: z.array(z.string()).default([]),
  /** Metadata read from the file (EXIF, email headers, chat export details). */
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** Why a text revision exists. */
export const TextRevisionKindSchema = z.enum(['extracted', 'ocr', 'correction']);
export type TextRevisionKind = z.infer<typeof TextRevisionKindSchema>;

/**
 * One version of a source's text. Revisions are only ever added: a correction of OCR output is a
 * new revision pointing at the one it corrects.
 */
export const TextRevisionSchema = z.object({
  id: Id,
  sourceId: Id,
  sourceSha256: Sha256,
  revision: z.number().int().min(1),
  kind: TextRevisionKindSchema,
  text: z.string(),
  basedOn: Id.optional(),
  createdAt: IsoTime,
  createdBy: z.string(),
  /** Page boundaries (offsets where each page starts) for documents with pages. */
  pageStarts: z.array(z.number().int().min(0)).optional(),
  /** Recognised words with their boxes and confidence, for OCR revisions. */
  words: z
    .array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        x: z.number(),
        y: z.number(),
        width: z.number(),
        height: z.number(),
        confidence: z.number(),
      }),
    )
    .optional(),
});
export type TextRevision = z.infer<typeof TextRevisionSchema>;

/** One message of a chat export or one email of a mailbox. */
export const MessageSchema = z.object({
  id: Id,
  sourceId: Id,
  /** Position in the conversation, from 0. */
  seq: z.number().int().min(0),
  conversation: z.string().optional(),
  sender: z.string().optional(),
  /** When it was sent, as an ISO time when the export says so unambiguously. */
  sentAt: z.string().optional(),
  /** The time exactly as written in the export, and the time zone assumed to read it. */
  sentAtStated: z.string().optional(),
  timeZoneAssumption: z.string().optional(),
  text: z.string(),
  replyToSeq: z.number().int().optional(),
  edited: z.boolean().optional(),
  system: z.boolean().optional(),
  attachments: z.array(z.object({ name: z.string(), sourceId: Id.optional() })).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * Entity types, aligned with the FollowTheMoney schemata Aleph uses (Person, Organization, Company,
 * PublicBody, Address, Email, Phone, UserAccount) so a case can be pushed there later.
 */
export const EntityTypeSchema = z.enum([
  'person',
  'organization',
  'company',
  'public-body',
  'location',
  'email',
  'phone',
  'account',
  'other',
]);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** A person, organisation, place or account the case is about. */
export const EntitySchema = z.object({
  id: Id,
  name: z.string().trim().min(1, 'An entity needs a name.').max(500),
  type: EntityTypeSchema,
  aliases: z.array(z.string().max(500)).default([]),
  /** Rich-text notes as ProseMirror JSON. */
  description: z.unknown().optional(),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string() })).default([]),
  tags: z.array(z.string()).default([]),
  createdAt: IsoTime,
  createdBy: z.string(),
  updatedAt: IsoTime,
  /** Set when this entity was merged into another; kept so the merge can be undone. */
  mergedInto: Id.optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** Whether a mention was made or confirmed by the reporter, or is a suggestion to review. */
export const MentionStatusSchema = z.enum(['confirmed', 'suggested', 'rejected']);
export type MentionStatus = z.infer<typeof MentionStatusSchema>;

/** A place in a source where an entity is named. */
export const MentionSchema = z.object({
  id: Id,
  entityId: Id,
  sourceId: Id,
  anchor: AnchorSchema,
  status: MentionStatusSchema,
  origin: z.enum(['manual', 'known-entity', 'ner', 'pattern']),
  createdAt: IsoTime,
  createdBy: z.string(),
  /**
   * Set when a correction of the source's text removed the quoted passage: the id of the first
   * revision it could not be found in. The anchor still points at the revision it was made on.
   */
  quoteLostIn: Id.optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

/** How well an event is backed by the sources. */
export const VerificationSchema = z.enum([
  'unverified',
  'single-source',
  'corroborated',
  'confirmed',
  'disputed',
]);
export type Verification = z.infer<typeof VerificationSchema>;

/** An editor's decision on an event. */
export const ReviewStateSchema = z.enum(['open', 'approved', 'questioned']);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** Something that happened, on the case's timeline. */
export const EventSchema = z.object({
  id: Id,
  title: z.string().trim().min(1, 'An event needs a title.').max(500),
  date: PartialDateSchema,
  /** Milliseconds since 1970 (UTC) of the start and end of the date's interval, for sorting. */
  sortStart: z.number(),
  sortEnd: z.number(),
  /** Rich-text description as ProseMirror JSON. */
  description: z.unknown().optional(),
  verification: VerificationSchema,
  review: ReviewStateSchema,
  tags: z.array(z.string()).default([]),
  entityIds: z.array(Id).default([]),
  createdAt: IsoTime,
  createdBy: z.string(),
  updatedAt: IsoTime,
});
export type Event = z.infer<typeof EventSchema>;

/** A passage (or image region, or message) of a source that backs an event. */
export const CitationSchema = z.object({
  id: Id,
  eventId: Id,
  sourceId: Id,
  /** The SHA-256 of the original the quote was taken from. */
  sourceSha256: Sha256,
  anchor: AnchorSchema,
  note: z.string().max(5_000).optional(),
  createdAt: IsoTime,
  createdBy: z.string(),
  /** As on a mention: the revision in which a correction removed the quoted passage. */
  quoteLostIn: Id.optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** An editor's or reporter's comment on an event. */
export const CommentSchema = z.object({
  id: Id,
  eventId: Id,
  author: z.string(),
  body: z.string().min(1).max(20_000),
  createdAt: IsoTime,
});
export type Comment = z.infer<typeof CommentSchema>;

/** Where a suggestion stands in the review. */
export const SuggestionStatusSchema = z.enum(['open', 'accepted', 'rejected', 'ignored']);
export type SuggestionStatus = z.infer<typeof SuggestionStatusSchema>;

/**
 * A passage that may name an entity, found by a suggester (a known entity's name, named-entity
 * recognition, or a pattern such as an email address), waiting for the reporter's review. An
 * accepted suggestion becomes a confirmed {@link Mention}; a rejected one is kept (by its `key`)
 * so that it never comes back.
 */
export const SuggestionSchema = z.object({
  id: Id,
  /** Source, message or page, and the span: the same passage is suggested once. */
  key: z.string().max(600),
  sourceId: Id,
  anchor: AnchorSchema,
  /** The words as they stand in the text. */
  text: z.string().min(1).max(500),
  /** The words folded (case, diacritics, spaces): suggestions are grouped by it. */
  term: z.string().min(1).max(500),
  /** The type proposed for a new entity. */
  type: EntityTypeSchema,
  origin: z.enum(['known-entity', 'ner', 'pattern']),
  /** For known-entity suggestions: the entities whose name or alias this is. */
  entityIds: z.array(Id).optional(),
  status: SuggestionStatusSchema,
  createdAt: IsoTime,
  decidedAt: IsoTime.optional(),
  decidedBy: z.string().optional(),
  /** The mention an accepted suggestion became. */
  mentionId: Id.optional(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/**
 * What a merge of two entities changed, kept so that the merge can be undone exactly: the merged
 * entity stays in the case with `mergedInto` set, and this record lists what moved.
 */
export const EntityMergeSchema = z.object({
  id: Id,
  /** The entity that stays. */
  survivorId: Id,
  /** The entity merged into it. */
  mergedId: Id,
  at: IsoTime,
  by: z.string(),
  /** Mentions (and suggestions) that pointed at the merged entity and now point at the survivor. */
  mentionIds: z.array(Id),
  suggestionIds: z.array(Id).default([]),
  /** Names, identifiers and tags the survivor gained (not those it already had). */
  addedAliases: z.array(z.string()),
  addedIdentifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
  addedTags: z.array(z.string()),
  /** Events whose entity links changed, with their links before the merge. */
  events: z.array(z.object({ eventId: Id, before: z.array(Id) })),
  undoneAt: IsoTime.optional(),
  undoneBy: z.string().optional(),
});
export type EntityMerge = z.infer<typeof EntityMergeSchema>;

/** The colours a tag can have; the palette has a light and a dark shade of each. */
export const TagColorSchema = z.enum([
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
]);
export type TagColor = z.infer<typeof TagColorSchema>;

/** A tag used on events, with the colour it is drawn in (events store tag names). */
export const TagSchema = z.object({
  name: z.string().trim().min(1, 'A tag needs a name.').max(60),
  color: TagColorSchema,
  createdAt: IsoTime,
  createdBy: z.string(),
  updatedAt: IsoTime,
});
export type Tag = z.infer<typeof TagSchema>;

/** A rich-text page of the case (the case notes), as ProseMirror JSON. */
export const NoteSchema = z.object({
  id: Id,
  title: z.string().max(200),
  doc: z.unknown(),
  updatedAt: IsoTime,
  updatedBy: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;
