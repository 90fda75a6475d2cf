import { lazyComponent } from '../ui';
import { plainTextOf } from './prosemirrorJson';
// The editor's styles stay with the app's, so that a view drawn before the editor code has loaded
// (or without it) looks the same.
import './editor.css';

/*
 * TipTap and ProseMirror are most of the app's code by weight, and no screen needs them to paint
 * its first frame: they load when the first editor or rich-text view is drawn.
 */

/** The rich-text editor (see RichTextEditor.tsx), loaded on first use. */
export const RichTextEditor = lazyComponent(() =>
  import('./RichTextEditor').then((module) => module.RichTextEditor),
);

/**
 * A stored document shown read-only (see RichTextView.tsx), loaded on first use; until then its
 * plain text stands in, so the words are there at once and little moves when it loads.
 */
export const RichTextView = lazyComponent(
  () => import('./RichTextView').then((module) => module.RichTextView),
  (props) => {
    const text = plainTextOf(props.value);
    if (!text) return null;
    return (
      <div className={props.className ? `rich-text-view ${props.className}` : 'rich-text-view'}>
        {text.split('\n').map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </div>
    );
  },
);

/** Loads the editor's code ahead of need (when a dialog that holds an editor is about to open). */
export function preloadRichText(): void {
  void RichTextEditor.preload();
  void RichTextView.preload();
}
