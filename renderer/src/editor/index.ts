export { RichTextEditor } from './RichTextEditor';
export { RichTextView } from './RichTextView';
export { plainTextOf, isEmptyDoc, type PmNode } from './prosemirrorJson';
export { descriptionExtensions, type RichTextOptions } from './extensions';
export { readRichText, richTextSchema, type RichTextRead } from './validate';
export { safeHref } from './pasteCleaning';
export type { MentionChoice } from './entityMention';
