import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './pasteCleaning';

/** Options of {@link PasteCleaner}. */
export interface PasteCleanerOptions {
  /** The most characters one paste may bring in; larger pastes are refused. */
  maxPasteLength: number;
  /** Told why a paste was refused, to show the reporter. */
  onRefused?: (message: string) => void;
}

/**
 * Cleans what is pasted from Word, Google Docs or a web page (see {@link cleanPastedHtml}): no
 * scripts, styles or images ever reach the document, so nothing remote can load. Refuses a paste
 * larger than `maxPasteLength` with a message instead of freezing the editor.
 */
export const PasteCleaner = Extension.create<PasteCleanerOptions>({
  name: 'pasteCleaner',

  addOptions() {
    return { maxPasteLength: 200_000, onRefused: undefined };
  },

  addProseMirrorPlugins() {
    const { maxPasteLength, onRefused } = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteCleaner'),
        props: {
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            const size = Math.max(
              data?.getData('text/plain').length ?? 0,
              (data?.getData('text/html').length ?? 0) / 4,
            );
            if (size > maxPasteLength) {
              onRefused?.(
                `That paste is ${Math.round(size).toLocaleString('en-GB')} characters long; a description takes at most ${maxPasteLength.toLocaleString('en-GB')} at once. Import long material as a source and cite it instead.`,
              );
              return true;
            }
            return false;
          },
          transformPastedHTML: (html) => cleanPastedHtml(html),
        },
      }),
    ];
  },
});
