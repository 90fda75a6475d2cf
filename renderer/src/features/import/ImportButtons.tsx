import { useRef, useState } from 'react';
import { ClipboardPaste, FileUp } from 'lucide-react';
import { useImport } from './ImportProvider';
import { PasteTextDialog } from './PasteTextDialog';

/** The file types the picker offers. */
export const IMPORT_ACCEPT =
  '.txt,.text,.log,.csv,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html';

/** "Import files" and "Paste text", for the top of the sources list. */
export function ImportButtons({ compact = false }: { compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const { importFiles } = useImport();
  const [pasting, setPasting] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => input.current?.click()}
      >
        <FileUp aria-hidden="true" />
        Import files
      </button>
      <button
        type="button"
        className={compact ? 'button' : 'button'}
        onClick={() => setPasting(true)}
      >
        <ClipboardPaste aria-hidden="true" />
        Paste text
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        aria-label="Files to import"
        data-testid="import-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) void importFiles(files, 'file');
        }}
      />
      <PasteTextDialog open={pasting} onClose={() => setPasting(false)} />
    </>
  );
}
