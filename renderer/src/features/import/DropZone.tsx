import { useEffect, useRef, useState } from 'react';
import { FileDown } from 'lucide-react';
import { useCase } from '../cases';
import { useImport } from './ImportProvider';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Most files taken from one dropped folder tree. */
const MAX_DROPPED_FILES = 20_000;

/** Every file under a dropped folder, with its path inside the drop as `webkitRelativePath`. */
async function filesUnder(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    const path = entry.fullPath.replace(/^\//, '');
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    out.push(file);
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries a call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) await filesUnder(child, out);
  }
}

/**
 * The files of a drop: plain files as they are, folders walked through. The entries must be taken
 * from the drop event at once (they stop working after it), the walking can wait.
 */
function droppedFiles(transfer: DataTransfer): { files: Promise<File[]>; folder: boolean } {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (!entries.some((entry) => entry.isDirectory)) {
    return { files: Promise.resolve(Array.from(transfer.files)), folder: false };
  }
  const out: File[] = [];
  return {
    files: (async () => {
      for (const entry of entries) await filesUnder(entry, out);
      return out;
    })(),
    folder: true,
  };
}

/**
 * Lets files be dropped anywhere on the case window. While files are dragged over it, an overlay
 * says where they will go.
 */
export function DropZone() {
  const { importFiles } = useImport();
  const { record } = useCase();
  const [active, setActive] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setActive(false);
      if (!event.dataTransfer) return;
      const { files, folder } = droppedFiles(event.dataTransfer);
      void files.then((list) => {
        if (list.length > 0) void importFiles(list, folder ? 'folder' : 'drop');
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  if (!active) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <FileDown />
        <strong>Drop to import into “{record.name}”</strong>
        <span className="muted small">
          Files and whole folders. Each file is kept untouched, with its SHA-256.
        </span>
      </div>
    </div>
  );
}
