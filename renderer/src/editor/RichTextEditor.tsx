import { useEffect, useRef } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Bold, Heading2, Italic, List, ListOrdered, Quote } from 'lucide-react';
import { descriptionExtensions } from './extensions';
import { isEmptyDoc } from './prosemirrorJson';
import './editor.css';

interface RichTextEditorProps {
  /** ProseMirror JSON, or undefined for an empty document. */
  value: unknown;
  onChange: (value: unknown) => void;
  /** The accessible name of the editing area. */
  label: string;
  id?: string;
}

/** A small rich-text editor for descriptions: ProseMirror JSON in, ProseMirror JSON out. */
export function RichTextEditor({ value, onChange, label, id }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    extensions: descriptionExtensions(),
    // The app's CSP allows no inline styles; the editor's CSS ships in editor.css instead.
    injectCSS: false,
    content: (value as object | undefined) ?? '',
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'rich-text__content',
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
  ];

  return (
    <div className="rich-text">
      <div className="rich-text__toolbar" role="toolbar" aria-label={`${label} formatting`}>
        {tools.map(({ key, label: toolLabel, Icon, active, run }) => (
          <button
            key={key}
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label={toolLabel}
            aria-pressed={active ? 'true' : 'false'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={run}
          >
            <Icon aria-hidden="true" />
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
