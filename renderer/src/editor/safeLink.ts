import Link from '@tiptap/extension-link';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { safeHref } from './pasteCleaning';

/** Options of {@link SafeLink}. */
export interface SafeLinkOptions {
  /**
   * Called when the reporter asks to follow a link (Ctrl/Cmd+click in the editor). The app asks
   * before doing anything with it: a link in a leak can point anywhere, and following it tells its
   * owner the document was read. Never called for links other than http(s) and mailto.
   */
  onFollow?: (href: string) => void;
}

/**
 * Links in descriptions and notes: web and mail addresses only, never opened on a plain click,
 * without `target` (so nothing opens a window), with `rel="noopener noreferrer nofollow"`.
 */
export const SafeLink = Link.extend<SafeLinkOptions & Record<string, unknown>>({
  addOptions() {
    return {
      ...this.parent?.(),
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      enableClickSelection: false,
      defaultProtocol: 'https',
      protocols: [],
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: 'rich-link' },
      isAllowedUri: (url: string) => Boolean(safeHref(url)),
      shouldAutoLink: (url: string) =>
        Boolean(safeHref(url.includes(':') ? url : `https://${url}`)),
      onFollow: undefined,
    } as never;
  },

  addProseMirrorPlugins() {
    const follow = (this.options as unknown as SafeLinkOptions).onFollow;
    const plugins = this.parent?.() ?? [];
    return [
      ...plugins,
      new Plugin({
        key: new PluginKey('safeLinkFollow'),
        props: {
          handleClick: (_view, _pos, event) => {
            if (!(event.ctrlKey || event.metaKey) || !follow) return false;
            const anchor = (event.target as HTMLElement | null)?.closest?.('a[href]');
            const href = safeHref(anchor?.getAttribute('href') ?? undefined);
            if (!href) return false;
            event.preventDefault();
            follow(href);
            return true;
          },
        },
      }),
    ];
  },
});
