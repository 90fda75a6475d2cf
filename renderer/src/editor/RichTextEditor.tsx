import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import { Bold, Heading2, Italic, Link2, List, ListOrdered, Quote, TextQuote } from 'lucide-react';
import { Dialog, Field, Notice } from '../ui';
import { descriptionExtensions } from './extensions';
import type { MentionChoice } from './entityMention';
import { isEmptyDoc } from './prosemirrorJson';
import { safeHref } from './pasteCleaning';
import { LinkConfirmDialog } from './LinkConfirmDialog';
import './editor.css';

/** A citation the Cite button can link a phrase to. */
export interface CitationChoice {
  id: string;
  sourceId: string;
  /** The quoted words (or "Image region", "Whole message"). */
  quote: string;
  /** Where the quote is from: the source's title. */
  sourceTitle: string;
  /** The event the citation backs, where it is not the one being edited. */
  eventTitle?: string;
}

export interface RichTextEditorProps {
  /** ProseMirror JSON, or undefined for an empty document. */
  value: unknown;
  onChange: (value: unknown) => void;
  /** The accessible name of the editing area. */
  label: string;
  id?: string;
  /** Entities the `@` menu offers for what was typed. Without it, `@` is just a character. */
  findEntities?: (query: string) => MentionChoice[];
  /** The address of an entity's page. */
  entityHref?: (entityId: string) => string;
  /** Citations the Cite button offers; without any, the button explains why it is off. */
  citations?: CitationChoice[];
  /** The address of a citation's quote. */
  citationHref?: (citationId: string, sourceId: string) => string;
  /** The longest paste accepted, in characters. */
  maxPasteLength?: number;
  /** A taller editing area (the notes page). */
  tall?: boolean;
}

interface MentionMenu {
  items: MentionChoice[];
  selected: number;
  left: number;
  top: number;
  command: (item: { id: string; label: string }) => void;
}

/**
 * The rich-text editor of descriptions and notes: headings, lists, bold, italic, quotes, links that
 * ask before opening (Ctrl/Cmd+click), `@` mentions of entities and citation marks. ProseMirror
 * JSON in, ProseMirror JSON out; pasted HTML is cleaned of everything remote.
 */
export function RichTextEditor({
  value,
  onChange,
  label,
  id,
  findEntities,
  entityHref,
  citations,
  citationHref,
  maxPasteLength,
  tall,
}: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  const findRef = useRef(findEntities);
  const menuRef = useRef<MentionMenu | null>(null);
  const [menu, setMenuState] = useState<MentionMenu | null>(null);
  const [notice, setNotice] = useState<string>();
  const [following, setFollowing] = useState<string>();
  const [linking, setLinking] = useState<{ href: string } | null>(null);
  const [citing, setCiting] = useState(false);
  const menuId = useId();
  useEffect(() => {
    onChangeRef.current = onChange;
    findRef.current = findEntities;
  }, [onChange, findEntities]);

  const setMenu = (next: MentionMenu | null) => {
    menuRef.current = next;
    setMenuState(next);
  };

  const extensions = useMemo(
    () =>
      // The refs are read later, by the editor's callbacks, never while rendering.
      // eslint-disable-next-line react-hooks/refs
      descriptionExtensions({
        ...(entityHref ? { entityHref } : {}),
        ...(citationHref ? { citationHref } : {}),
        maxPasteLength: maxPasteLength ?? 200_000,
        onPasteRefused: setNotice,
        onFollowLink: setFollowing,
        ...(findEntities
          ? {
              mentionSuggestion: {
                items: ({ query }: { query: string }) =>
                  (findRef.current?.(query) ?? []).slice(0, 8),
                render: () => {
                  const place = (
                    props: SuggestionProps<MentionChoice, { id: string; label: string }>,
                  ) => {
                    const rect = props.clientRect?.();
                    setMenu({
                      items: props.items,
                      selected: 0,
                      left: rect?.left ?? 0,
                      top: (rect?.bottom ?? 0) + 4,
                      command: props.command,
                    });
                  };
                  return {
                    onStart: place,
                    onUpdate: place,
                    onExit: () => setMenu(null),
                    onKeyDown: ({ event }: SuggestionKeyDownProps) => {
                      const current = menuRef.current;
                      if (!current || current.items.length === 0) return false;
                      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                        const step = event.key === 'ArrowDown' ? 1 : -1;
                        const count = current.items.length;
                        setMenu({
                          ...current,
                          selected: (current.selected + step + count) % count,
                        });
                        return true;
                      }
                      if (event.key === 'Enter' || event.key === 'Tab') {
                        const item = current.items[current.selected];
                        if (item) current.command({ id: item.id, label: item.label });
                        return true;
                      }
                      if (event.key === 'Escape') {
                        setMenu(null);
                        return true;
                      }
                      return false;
                    },
                  };
                },
              },
            }
          : {}),
      }),
    // The extensions are made once per editor; callbacks reach the latest props through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const editor = useEditor({
    extensions,
    // The app's CSP allows no inline styles; the editor's CSS ships in editor.css instead.
    injectCSS: false,
    content: (value as object | undefined) ?? '',
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: tall ? 'rich-text__content rich-text__content--tall' : 'rich-text__content',
        ...(id ? { id } : {}),
      },
    },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON();
      onChangeRef.current(isEmptyDoc(json) ? undefined : json);
    },
  });

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      heading: current?.isActive('heading', { level: 2 }) ?? false,
      bullet: current?.isActive('bulletList') ?? false,
      ordered: current?.isActive('orderedList') ?? false,
      quote: current?.isActive('blockquote') ?? false,
      link: current?.isActive('link') ?? false,
      citation: current?.isActive('citation') ?? false,
      empty: current?.state.selection.empty ?? true,
    }),
  });

  const tools = [
    {
      key: 'bold',
      label: 'Bold',
      Icon: Bold,
      active: state?.bold,
      run: () => editor?.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: 'Italic',
      Icon: Italic,
      active: state?.italic,
      run: () => editor?.chain().focus().toggleItalic().run(),
    },
    {
      key: 'heading',
      label: 'Heading',
      Icon: Heading2,
      active: state?.heading,
      run: () => editor?.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'bullet',
      label: 'Bulleted list',
      Icon: List,
      active: state?.bullet,
      run: () => editor?.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'ordered',
      label: 'Numbered list',
      Icon: ListOrdered,
      active: state?.ordered,
      run: () => editor?.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'quote',
      label: 'Quote',
      Icon: Quote,
      active: state?.quote,
      run: () => editor?.chain().focus().toggleBlockquote().run(),
    },
    {
      key: 'link',
      label: 'Link',
      Icon: Link2,
      active: state?.link,
      run: () => setLinking({ href: String(editor?.getAttributes('link').href ?? '') }),
    },
  ];
  const citeDisabledReason = !citations
    ? undefined
    : citations.length === 0
      ? 'There is no citation to link to yet.'
      : state?.empty && !state.citation
        ? 'Select the words that the quote backs first.'
        : undefined;

  return (
    <div className="rich-text">
      <div className="rich-text__toolbar" role="toolbar" aria-label={`${label} formatting`}>
        {tools.map(({ key, label: toolLabel, Icon, active, run }) => (
          <button
            key={key}
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label={toolLabel}
            title={toolLabel}
            aria-pressed={active ? 'true' : 'false'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={run}
          >
            <Icon aria-hidden="true" />
          </button>
        ))}
        {citations ? (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-pressed={state?.citation ? 'true' : 'false'}
            aria-disabled={citeDisabledReason ? 'true' : undefined}
            title={citeDisabledReason ?? 'Link the selected words to a quote in a source'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (state?.citation) {
                editor?.chain().focus().unsetCitation().run();
                return;
              }
              if (citeDisabledReason) {
                setNotice(citeDisabledReason);
                return;
              }
              setCiting(true);
            }}
          >
            <TextQuote aria-hidden="true" />
            {state?.citation ? 'Remove citation' : 'Cite'}
          </button>
        ) : null}
        {findEntities ? (
          <span className="rich-text__tip faint small" aria-hidden="true">
            Type @ to mention an entity
          </span>
        ) : null}
      </div>
      <EditorContent editor={editor} />
      {notice ? (
        <div className="rich-text__notice">
          <Notice tone="warning">
            {notice}{' '}
            <button type="button" className="link-button" onClick={() => setNotice(undefined)}>
              Dismiss
            </button>
          </Notice>
        </div>
      ) : null}
      {menu ? (
        <ul
          className="list-reset mention-menu"
          role="listbox"
          id={menuId}
          aria-label="Entities to mention"
          ref={(element) => {
            if (element) {
              element.style.left = `${menu.left}px`;
              element.style.top = `${menu.top}px`;
            }
          }}
        >
          {menu.items.length === 0 ? (
            <li className="mention-menu__empty faint small">No entity by that name</li>
          ) : (
            menu.items.map((item, index) => (
              <li
                key={item.id}
                role="option"
                aria-selected={index === menu.selected}
                className="mention-menu__item"
                onMouseDown={(event) => {
                  event.preventDefault();
                  menu.command({ id: item.id, label: item.label });
                }}
              >
                {item.label}
                {item.type ? <span className="faint small"> {item.type}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
      {following ? (
        <LinkConfirmDialog href={following} onClose={() => setFollowing(undefined)} />
      ) : null}
      {linking ? (
        <LinkDialog
          initial={linking.href}
          onClose={() => setLinking(null)}
          onSave={(href) => {
            const chain = editor?.chain().focus().extendMarkRange('link');
            if (!href) chain?.unsetLink().run();
            else if (editor?.state.selection.empty && !editor.isActive('link')) {
              // Nothing selected: the address itself becomes the linked text.
              chain
                ?.insertContent({
                  type: 'text',
                  text: href,
                  marks: [{ type: 'link', attrs: { href } }],
                })
                .run();
            } else chain?.setLink({ href }).run();
            setLinking(null);
          }}
        />
      ) : null}
      {citing && citations ? (
        <CiteDialog
          citations={citations}
          onClose={() => setCiting(false)}
          onPick={(choice) => {
            editor
              ?.chain()
              .focus()
              .setCitation({ citationId: choice.id, sourceId: choice.sourceId })
              .run();
            setCiting(false);
          }}
        />
      ) : null}
    </div>
  );
}

function LinkDialog({
  initial,
  onClose,
  onSave,
}: {
  initial: string;
  onClose: () => void;
  onSave: (href: string) => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const save = () => {
    const trimmed = text.trim();
    if (!trimmed) {
      onSave('');
      return;
    }
    const href = safeHref(/^[a-z]+:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (!href) {
      setError('Only web (https://, http://) and mail (mailto:) addresses can be linked.');
      return;
    }
    onSave(href);
  };
  return createPortal(
    <Dialog
      open
      title={initial ? 'Edit link' : 'Add link'}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          {initial ? (
            <button type="button" className="button" onClick={() => onSave('')}>
              Remove link
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save link
          </button>
        </>
      }
    >
      <Field
        label="Address"
        error={error}
        hint="Links are never opened from Casefile without asking first."
      >
        <input
          className="input"
          value={text}
          autoFocus
          placeholder="https://…"
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
    </Dialog>,
    document.body,
  );
}

function CiteDialog({
  citations,
  onClose,
  onPick,
}: {
  citations: CitationChoice[];
  onClose: () => void;
  onPick: (choice: CitationChoice) => void;
}) {
  const [filter, setFilter] = useState('');
  const folded = filter.trim().toLowerCase();
  const shown = (
    folded
      ? citations.filter((c) =>
          `${c.quote} ${c.sourceTitle} ${c.eventTitle ?? ''}`.toLowerCase().includes(folded),
        )
      : citations
  ).slice(0, 200);
  return createPortal(
    <Dialog
      open
      wide
      title="Cite a quote"
      description="The selected words will link to this exact passage in its source."
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      {citations.length > 6 ? (
        <input
          className="input"
          type="search"
          aria-label="Filter quotes"
          placeholder="Filter quotes"
          value={filter}
          autoFocus
          onChange={(event) => setFilter(event.target.value)}
        />
      ) : null}
      <ul className="list-reset cite-choices">
        {shown.map((choice) => (
          <li key={choice.id}>
            <button type="button" className="cite-choice" onClick={() => onPick(choice)}>
              <span className="cite-choice__quote">
                “{choice.quote.length > 200 ? `${choice.quote.slice(0, 200)}…` : choice.quote}”
              </span>
              <span className="faint small">
                {choice.sourceTitle}
                {choice.eventTitle ? ` · for “${choice.eventTitle}”` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="faint small">No quote matches.</p> : null}
    </Dialog>,
    document.body,
  );
}
