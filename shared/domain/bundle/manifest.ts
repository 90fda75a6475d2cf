import { z } from 'zod';
import { BUNDLE_FORMAT } from './format';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');
const IsoTime = z.iso.datetime({ offset: true });
const Count = z.number().int().min(0);

/** One entry of the archive other than the manifest: its name, size and SHA-256 (of its content). */
export const ManifestEntrySchema = z.strictObject({
  name: z.string().min(1).max(200),
  size: Count,
  sha256: Sha256,
  /** For table chunks: how many records (lines) it holds. */
  records: Count.optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/**
 * `manifest.json`. Strict: a key this version does not know is refused rather than ignored (a
 * bundle that says more than this Casefile understands is of a newer format).
 */
export const BundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }),
  /** The case database's schema version the records were written with. */
  schemaVersion: z.number().int().min(1),
  case: z.strictObject({
    id: z.string().min(1).max(128),
    name: z.string().min(1).max(200),
    description: z.string().max(5_000),
    createdAt: IsoTime,
    createdBy: z.string().max(1_000),
  }),
  exportedAt: IsoTime,
  exportedBy: z.string().max(1_000),
  counts: z.strictObject({
    /** Records per table. */
    records: z.record(z.string().max(40), Count),
    originals: Count,
    originalBytes: Count,
  }),
  /** The log as it stood when the bundle was made: its number of entries and its last hash. */
  activity: z.strictObject({ length: Count, headHash: Sha256 }),
  entries: z.array(ManifestEntrySchema).max(500_000),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;
