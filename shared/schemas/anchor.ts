import { z } from 'zod';

/** A rectangle in the original image's pixel space (not the screen's). */
export const ImageRegionSchema = z.object({
  x: z.number().min(0),
  y: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
});
export type ImageRegion = z.infer<typeof ImageRegionSchema>;

/**
 * The text a selection covered, with some text either side, as in the W3C Web Annotation
 * TextQuoteSelector: enough to find the passage again after the text around it has changed.
 */
export const TextQuoteSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuote = z.infer<typeof TextQuoteSchema>;

/** Character offsets (UTF-16 code units, end exclusive), as in the W3C TextPositionSelector. */
export const TextPositionSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((p) => p.end > p.start, { message: 'A passage must not be empty.' });
export type TextPosition = z.infer<typeof TextPositionSchema>;

/**
 * Where inside a source a text passage lives: the whole text of the source, one chat message or
 * email, or one page of a document.
 */
export const TextScopeSchema = z.object({
  messageId: z.string().optional(),
  page: z.number().int().min(1).optional(),
});
export type TextScope = z.infer<typeof TextScopeSchema>;

/**
 * A passage of text: its position in the text revision it was made on, plus the quote that lets it
 * be found again in a later revision. `regions` are the image areas the text covers when the text
 * was recognised from an image.
 */
export const TextAnchorSchema = z.object({
  type: z.literal('text'),
  scope: TextScopeSchema.optional(),
  revisionId: z.string().optional(),
  position: TextPositionSchema,
  quote: TextQuoteSchema,
  regions: z.array(ImageRegionSchema).max(10_000).optional(),
});
export type TextAnchor = z.infer<typeof TextAnchorSchema>;

/** An area of an image with no text behind it (a photo, a stamp, a signature). */
export const RegionAnchorSchema = z.object({
  type: z.literal('region'),
  page: z.number().int().min(1).optional(),
  regions: z.array(ImageRegionSchema).min(1).max(10_000),
});
export type RegionAnchor = z.infer<typeof RegionAnchorSchema>;

/** A whole message of a chat export or a whole email. */
export const MessageAnchorSchema = z.object({
  type: z.literal('message'),
  messageId: z.string(),
});
export type MessageAnchor = z.infer<typeof MessageAnchorSchema>;

/** Anything a mention or a citation can point at inside a source. */
export const AnchorSchema = z.discriminatedUnion('type', [
  TextAnchorSchema,
  RegionAnchorSchema,
  MessageAnchorSchema,
]);
export type Anchor = z.infer<typeof AnchorSchema>;
