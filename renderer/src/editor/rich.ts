/**
 * The editor's schema-bound helpers, for code that is itself loaded on demand (the event dialog,
 * the notes page): importing this pulls in TipTap, so the app's first screens import only the
 * light entry (index.ts).
 */
export { descriptionExtensions, type RichTextOptions } from './extensions';
export { readRichText, richTextSchema, type RichTextRead } from './validate';
export { safeHref } from './pasteCleaning';
