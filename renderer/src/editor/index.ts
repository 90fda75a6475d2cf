export { RichTextEditor } from './RichTextEditor';
export { plainTextOf, isEmptyDoc, type PmNode } from './prosemirrorJson';
export { descriptionExtensions } from './extensions';
