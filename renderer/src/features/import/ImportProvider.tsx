import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { proxy } from 'comlink';
import type { SourceOrigin } from '@shared/schemas/records';
import type { ImportResult } from '../../workers/importWorker';
import { useCase, useProfile } from '../cases';
import { getImportWorker } from './importClient';

/** One file of an import batch, as the tray shows it. */
export interface ImportItem {
  key: number;
  name: string;
  size: number;
  state: 'waiting' | 'working' | 'done' | 'cancelled';
  /** What is happening to it now ("Recognising text"). */
  stage?: string;
  result?: ImportResult;
}

/** A batch of files being imported, or the last one that was. */
export interface ImportBatch {
  id: number;
  items: ImportItem[];
  startedAt: number;
  finished: boolean;
  cancelled: boolean;
  /** Bytes of the files finished so far and of all, for the estimate of the time left. */
  bytesDone: number;
  bytesTotal: number;
}

interface ImportApi {
  batch: ImportBatch | undefined;
  /** Imports files, two at a time; returns when the batch has finished or was cancelled. */
  importFiles(files: File[], origin: SourceOrigin): Promise<ImportItem[]>;
  /** Imports a pasted text as a source. */
  importPastedText(title: string, text: string, provenance?: string): Promise<ImportResult>;
  cancel(): void;
  dismiss(): void;
}

const ImportContext = createContext<ImportApi | null>(null);
let nextKey = 1;
let nextBatch = 1;

/**
 * Files are imported two at a time: the import worker hashes, parses and stores, and recognises
 * text with one OCR engine per core, so two screenshots use both cores.
 */
const LANES = 2;

/** Names that are operating-system clutter, skipped when a folder is imported. */
function isClutter(file: File): boolean {
  const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  return path
    .split('/')
    .some((part) => part.startsWith('.') || part === '__MACOSX' || /^(thumbs\.db|desktop\.ini)$/i.test(part));
}

/**
 * Runs imports for the open case. Each file goes to the import worker on its own, so a bad file
 * fails alone and the rest of the batch goes on; Cancel stops files that are not yet stored
 * (each file is stored in one transaction, so none is left half-written) and keeps what was.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { record } = useCase();
  const profile = useProfile();
  const [batch, setBatch] = useState<ImportBatch>();
  const cancelled = useRef(false);
  const current = useRef<ImportBatch | undefined>(undefined);
  const running = useRef<Promise<unknown>>(Promise.resolve());
  const frame = useRef(0);

  // Many small changes (a stage, a file done) are drawn at most once a frame.
  const render = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const live = current.current;
      if (live) setBatch({ ...live, items: [...live.items] });
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const importFiles = useCallback(
    (picked: File[], origin: SourceOrigin) => {
      const files = origin === 'folder' || origin === 'drop' ? picked.filter((f) => !isClutter(f)) : picked;
      const run = async (): Promise<ImportItem[]> => {
        const id = nextBatch++;
        cancelled.current = false;
        const items: ImportItem[] = files.map((file) => ({
          key: nextKey++,
          name:
            (file as File & { webkitRelativePath?: string }).webkitRelativePath ||
            file.name ||
            'Unnamed file',
          size: file.size,
          state: 'waiting',
        }));
        const live: ImportBatch = {
          id,
          items,
          startedAt: performance.now(),
          finished: false,
          cancelled: false,
          bytesDone: 0,
          bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
        };
        current.current = live;
        setBatch({ ...live, items: [...items] });
        const worker = getImportWorker();
        let next = 0;
        const lane = async () => {
          while (next < files.length) {
            const index = next++;
            const file = files[index] as File;
            const item = items[index] as ImportItem;
            if (cancelled.current) {
              item.state = 'cancelled';
              continue;
            }
            item.state = 'working';
            item.stage = 'Starting';
            render();
            const result = await worker.importFile(
              {
                caseId: record.id,
                actor: profile.name,
                blob: file,
                name: file.name,
                mediaType: file.type,
                origin,
                batchId: id,
              },
              proxy((stage: string) => {
                item.stage = stage;
                render();
              }),
            );
            item.result = result;
            item.state = result.status === 'cancelled' ? 'cancelled' : 'done';
            live.bytesDone += file.size;
            render();
          }
        };
        await Promise.all(Array.from({ length: Math.min(LANES, files.length) }, lane));
        live.finished = true;
        live.cancelled = cancelled.current;
        current.current = live;
        cancelAnimationFrame(frame.current);
        frame.current = 0;
        setBatch({ ...live, items: [...items] });
        return items;
      };
      // Batches queue behind each other rather than interleaving.
      const queued = running.current.then(run, run);
      running.current = queued;
      return queued;
    },
    [record.id, profile.name, render],
  );

  const importPastedText = useCallback(
    async (title: string, text: string, provenance?: string) => {
      const bytes = new TextEncoder().encode(text);
      return getImportWorker().importFile({
        caseId: record.id,
        actor: profile.name,
        blob: new Blob([bytes], { type: 'text/plain' }),
        name: 'pasted.txt',
        mediaType: 'text/plain',
        origin: 'paste',
        title,
        ...(provenance ? { provenance } : {}),
      });
    },
    [record.id, profile.name],
  );

  const api = useMemo<ImportApi>(
    () => ({
      batch,
      importFiles,
      importPastedText,
      cancel: () => {
        cancelled.current = true;
        const live = current.current;
        if (live && !live.finished) void getImportWorker().cancelBatch(live.id);
      },
      dismiss: () => setBatch((shown) => (shown?.finished ? undefined : shown)),
    }),
    [batch, importFiles, importPastedText],
  );

  // A screenshot pasted anywhere in the case (outside a text field) is imported.
  useEffect(() => {
    const paste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"], [contenteditable=""]')) return;
      const images = Array.from(event.clipboardData?.files ?? []).filter((file) =>
        file.type.startsWith('image/'),
      );
      if (images.length === 0) return;
      event.preventDefault();
      void importFiles(images, 'clipboard');
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, [importFiles]);

  return <ImportContext.Provider value={api}>{children}</ImportContext.Provider>;
}

/** Imports into the open case; must be used below {@link ImportProvider}. */
export function useImport(): ImportApi {
  const api = useContext(ImportContext);
  if (!api) throw new Error('useImport needs an ImportProvider above it.');
  return api;
}
