import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';

/**
 * The rich-text features of descriptions and notes: headings, lists, bold, italic, quotes.
 * Links stay off until they can ask before opening (a link in a leak can point anywhere).
 */
export function descriptionExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: false,
      codeBlock: false,
      horizontalRule: false,
    }),
  ];
}
