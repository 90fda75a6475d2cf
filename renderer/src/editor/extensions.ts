import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';
import { SafeLink } from './safeLink';
import { EntityMention, type EntityMentionOptions } from './entityMention';
import { CitationMark } from './citationMark';
import { PasteCleaner } from './pasteCleaner';

/** What the app tells the editor about the case it edits in. */
export interface RichTextOptions {
  /** The address of an entity's page (mentions link there). */
  entityHref?: (entityId: string) => string;
  /** The address of a citation's quote in its source (citation marks link there). */
  citationHref?: (citationId: string, sourceId: string) => string;
  /** The `@` menu. Without it, `@` types an @. */
  mentionSuggestion?: EntityMentionOptions['suggestion'];
  /** Asked before a link is followed. */
  onFollowLink?: (href: string) => void;
  /** The longest paste accepted, in characters. */
  maxPasteLength?: number;
  /** Told why a paste was refused. */
  onPasteRefused?: (message: string) => void;
}

/**
 * The rich-text features of descriptions and notes: headings, lists, bold, italic, quotes, links
 * that ask before opening, `@` mentions of entities and citation marks. One list for the editor, the
 * read-only view and the validation of stored documents, so that all three agree on the schema.
 */
export function descriptionExtensions(options: RichTextOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: false,
      codeBlock: false,
      horizontalRule: false,
    }),
    SafeLink.configure(options.onFollowLink ? { onFollow: options.onFollowLink } : {}),
    EntityMention.configure({
      ...(options.entityHref ? { entityHref: options.entityHref } : {}),
      ...(options.mentionSuggestion
        ? { suggestion: { char: '@', allowSpaces: true, ...options.mentionSuggestion } }
        : { suggestion: { char: '@', items: () => [], allow: () => false } }),
    } as never),
    CitationMark.configure(options.citationHref ? { citationHref: options.citationHref } : {}),
    PasteCleaner.configure({
      maxPasteLength: options.maxPasteLength ?? 200_000,
      ...(options.onPasteRefused ? { onRefused: options.onPasteRefused } : {}),
    }),
  ];
}
