import { Mark, mergeAttributes } from '@tiptap/core';

/** Options of {@link CitationMark}. */
export interface CitationMarkOptions {
  /**
   * The address of a cited quote in its source, so the marked phrase links to it. Receives the
   * citation's id and its source's id.
   */
  citationHref: (citationId: string, sourceId: string) => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Links the selected phrase to a citation (a quote in a source). */
      setCitation: (attributes: { citationId: string; sourceId: string }) => ReturnType;
      /** Removes the citation link from the selection. */
      unsetCitation: () => ReturnType;
    };
  }
}

/**
 * A phrase of a description or of the notes linked to a citation: an exact quote in a source.
 * Stored as `{ type: 'citation', attrs: { citationId, sourceId } }`; shown as a link that opens the
 * source at the quote. The quote itself stays in the citation record, so the mark never goes stale.
 */
export const CitationMark = Mark.create<CitationMarkOptions>({
  name: 'citation',
  inclusive: false,
  excludes: 'link',

  addOptions() {
    return {
      citationHref: (citationId: string, sourceId: string) =>
        `#/sources/${encodeURIComponent(sourceId)}/citation/${encodeURIComponent(citationId)}`,
    };
  },

  addAttributes() {
    return {
      citationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-citation-id'),
        renderHTML: (attributes) => ({ 'data-citation-id': attributes.citationId as string }),
      },
      sourceId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-source-id'),
        renderHTML: (attributes) => ({ 'data-source-id': attributes.sourceId as string }),
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'a[data-citation-id]', priority: 100 },
      { tag: 'span[data-citation-id]', priority: 100 },
    ];
  },

  renderHTML({ mark, HTMLAttributes }) {
    return [
      'a',
      mergeAttributes(
        {
          class: 'citation-mark',
          href: this.options.citationHref(
            String(mark.attrs.citationId),
            String(mark.attrs.sourceId),
          ),
        },
        HTMLAttributes,
      ),
      0,
    ];
  },

  addCommands() {
    return {
      setCitation:
        (attributes) =>
        ({ commands }) =>
          commands.setMark(this.name, attributes),
      unsetCitation:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
