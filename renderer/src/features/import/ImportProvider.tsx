import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
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
  result?: ImportResult;
}

/** A batch of files being imported, or the last one that was. */
export interface ImportBatch {
  id: number;
  items: ImportItem[];
  startedAt: number;
  finished: boolean;
  cancelled: boolean;
}

interface ImportApi {
  batch: ImportBatch | undefined;
  /** Imports files one after another; returns when the batch has finished or was cancelled. */
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
 * Runs imports for the open case. Files go to the import worker one at a time, so a bad file
 * fails alone and the rest of the batch goes on; Cancel stops before the next file, keeping what
 * was already imported.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { record } = useCase();
  const profile = useProfile();
  const [batch, setBatch] = useState<ImportBatch>();
  const cancelled = useRef(false);
  const running = useRef<Promise<unknown>>(Promise.resolve());

  const update = useCallback((id: number, change: (batch: ImportBatch) => ImportBatch) => {
    setBatch((current) => (current && current.id === id ? change(current) : current));
  }, []);

  const importFiles = useCallback(
    (files: File[], origin: SourceOrigin) => {
      const run = async (): Promise<ImportItem[]> => {
        const id = nextBatch++;
        cancelled.current = false;
        const items: ImportItem[] = files.map((file) => ({
          key: nextKey++,
          name: file.name || 'Unnamed file',
          size: file.size,
          state: 'waiting',
        }));
        setBatch({ id, items, startedAt: performance.now(), finished: false, cancelled: false });
        const worker = getImportWorker();
        for (let index = 0; index < files.length; index += 1) {
          const file = files[index] as File;
          const item = items[index] as ImportItem;
          if (cancelled.current) {
            item.state = 'cancelled';
            continue;
          }
          item.state = 'working';
          update(id, (b) => ({ ...b, items: [...items] }));
          item.result = await worker.importFile({
            caseId: record.id,
            actor: profile.name,
            blob: file,
            name: file.name,
            mediaType: file.type,
            origin,
          });
          item.state = 'done';
          update(id, (b) => ({ ...b, items: [...items] }));
        }
        update(id, (b) => ({
          ...b,
          items: [...items],
          finished: true,
          cancelled: cancelled.current,
        }));
        return items;
      };
      // Batches queue behind each other rather than interleaving.
      const next = running.current.then(run, run);
      running.current = next;
      return next;
    },
    [record.id, profile.name, update],
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
      },
      dismiss: () => setBatch((current) => (current?.finished ? undefined : current)),
    }),
    [batch, importFiles, importPastedText],
  );
  return <ImportContext.Provider value={api}>{children}</ImportContext.Provider>;
}

/** Imports into the open case; must be used below {@link ImportProvider}. */
export function useImport(): ImportApi {
  const api = useContext(ImportContext);
  if (!api) throw new Error('useImport needs an ImportProvider above it.');
  return api;
}
