// The light entry of the editor: what any screen may import without pulling in TipTap. The editor
// and the read-only view are loaded on first use (lazy.tsx); the schema-bound helpers are in
// rich.ts, for code that is itself loaded on demand.
export { RichTextEditor, RichTextView, preloadRichText } from './lazy';
export { plainTextOf, isEmptyDoc, type PmNode } from './prosemirrorJson';
export type { RichTextOptions } from './extensions';
export type { RichTextRead } from './validate';
export type { MentionChoice } from './entityMention';
export { entityMentionChoices } from './mentionChoices';
