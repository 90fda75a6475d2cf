import { z } from 'zod';
import {
  CitationSchema,
  CommentSchema,
  EntityMergeSchema,
  EntitySchema,
  EventSchema,
  MentionSchema,
  MessageSchema,
  NoteSchema,
  SourceSchema,
  SuggestionSchema,
  TagSchema,
  TextRevisionSchema,
} from '../../schemas/records';

const Id = z.string().min(1).max(128);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');
const IsoTime = z.iso.datetime({ offset: true });

/** An activity-log entry as stored (its hash is checked separately, with the whole chain). */
export const ActivityEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: IsoTime,
  actor: z.string().max(1_000),
  action: z.string().min(1).max(200),
  recordType: z.string().min(1).max(100),
  recordId: z.string().max(1_000),
  summary: z.string().max(100_000),
  details: z.record(z.string(), z.unknown()).optional(),
  prevHash: Sha256,
  hash: Sha256,
});

/** In a bundle the `originals` table lists which source has which original; the bytes are entries. */
export const BundledOriginalSchema = z.object({
  sourceId: Id,
  sha256: Sha256,
  size: z.number().int().min(0),
});
export type BundledOriginal = z.infer<typeof BundledOriginalSchema>;

export const IgnoredTermSchema = z.object({
  term: z.string().min(1).max(500),
  createdAt: IsoTime,
  createdBy: z.string(),
});

export const MetaRecordSchema = z.object({
  key: z.string().min(1).max(200),
  value: z.unknown(),
});

/** One table of the case database as a bundle carries it. */
export interface BundleTableSpec {
  name: string;
  /** The field that is the table's primary key. */
  key: string;
  /** Every record must parse with this schema. */
  schema: z.ZodType;
}

/**
 * Every table of the case database, in the order a bundle is written and read back (sources
 * before what points at them; the activity log last). A test checks this list against the
 * tables and primary keys of `CaseDb`, so a table added there must be added here too.
 */
export const BUNDLE_TABLES: readonly BundleTableSpec[] = [
  { name: 'sources', key: 'id', schema: SourceSchema },
  { name: 'originals', key: 'sourceId', schema: BundledOriginalSchema },
  { name: 'texts', key: 'id', schema: TextRevisionSchema },
  { name: 'messages', key: 'id', schema: MessageSchema },
  { name: 'entities', key: 'id', schema: EntitySchema },
  { name: 'mentions', key: 'id', schema: MentionSchema },
  { name: 'events', key: 'id', schema: EventSchema },
  { name: 'citations', key: 'id', schema: CitationSchema },
  { name: 'comments', key: 'id', schema: CommentSchema },
  { name: 'suggestions', key: 'id', schema: SuggestionSchema },
  { name: 'merges', key: 'id', schema: EntityMergeSchema },
  { name: 'notes', key: 'id', schema: NoteSchema },
  { name: 'tags', key: 'name', schema: TagSchema },
  { name: 'ignoredTerms', key: 'term', schema: IgnoredTermSchema },
  { name: 'meta', key: 'key', schema: MetaRecordSchema },
  { name: 'activity', key: 'seq', schema: ActivityEntrySchema },
];

/** The spec of a table by name. */
export function bundleTable(name: string): BundleTableSpec | undefined {
  return BUNDLE_TABLES.find((table) => table.name === name);
}

/**
 * Keys of `meta` left out of a bundle: the saved search index is a large cache derived from the
 * case, rebuilt when missing. (`suggestions-journal`, how far the suggestion worker has read the
 * log, is kept: the log keeps its sequence numbers in the opened case, so it stays true there, and
 * the editor's Casefile does not re-run the suggesters over everything.)
 */
export const DERIVED_META_KEYS: ReadonlySet<string> = new Set(['search-index']);

/** The `meta` key that says which case a database is; a bundle's copy is replaced on opening. */
export const CASE_META_KEY = 'case';

/** Turns zod's issues into "field.path: message; other[2]: message". */
export function describeRecordIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((issue) => {
    const path = issue.path
      .map((key, index) =>
        typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`,
      )
      .join('');
    return `${path || 'the record'}: ${issue.message}`;
  });
  if (issues.length > max) shown.push(`and ${issues.length - max} more`);
  return shown.join('; ');
}

/**
 * Why a value cannot travel as JSON unchanged (a Date, a Blob, NaN...), with where it is; or
 * undefined when it can. A record that would change on the way is not written into a bundle.
 */
export function notPlainJson(value: unknown, path = ''): string | undefined {
  if (value === null) return undefined;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path || 'the record'} is ${String(value)}`;
    case 'undefined':
      return undefined;
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (value[i] === undefined) return `${path}[${i}] is undefined`;
          const inner = notPlainJson(value[i], `${path}[${i}]`);
          if (inner) return inner;
        }
        return undefined;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        return `${path || 'the record'} is a ${name}, not plain data`;
      }
      for (const [key, inner] of Object.entries(value)) {
        const problem = notPlainJson(inner, path ? `${path}.${key}` : key);
        if (problem) return problem;
      }
      return undefined;
    }
    default:
      return `${path || 'the record'} is a ${typeof value}`;
  }
}
