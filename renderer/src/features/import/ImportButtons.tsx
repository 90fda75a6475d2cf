import { useRef, useState } from 'react';
import { ClipboardPaste, FileUp, FolderUp } from 'lucide-react';
import { useImport } from './ImportProvider';
import { PasteTextDialog } from './PasteTextDialog';

/** The file types the picker offers. */
export const IMPORT_ACCEPT = [
  '.txt,.text,.log,.csv,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html',
  '.png,.jpg,.jpeg,.gif,.webp,.heic,.heif,image/*',
  '.pdf,.docx,.eml,.mbox,.json,.zip,application/pdf,message/rfc822,application/json,application/zip',
].join(',');

/** "Import files" and "Paste text", for the top of the sources list. */
export function ImportButtons({ compact = false }: { compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
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
        className="button"
        onClick={() => folder.current?.click()}
        title="Import every file in a folder and its subfolders"
      >
        <FolderUp aria-hidden="true" />
        Import folder
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
      <input
        ref={(element) => {
          folder.current = element;
          // React does not know these attributes; set them on the element itself.
          element?.setAttribute('webkitdirectory', '');
          element?.setAttribute('directory', '');
        }}
        type="file"
        multiple
        hidden
        aria-label="Folder to import"
        data-testid="import-folder-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) void importFiles(files, 'folder');
        }}
      />
      <PasteTextDialog open={pasting} onClose={() => setPasting(false)} />
    </>
  );
}
