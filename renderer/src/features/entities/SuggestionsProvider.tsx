import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { proxy, type Remote } from 'comlink';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SuggestionWorkerApi } from '../../workers/suggestionWorker';
import type { SuggestionProgress } from '../../workers/suggest/suggestionEngine';
import { whenScreenReady } from '../../ui';
import { useCase, useProfile } from '../cases';
import { startSuggestionWorker } from './suggestionClient';

interface SuggestionsApi {
  progress: SuggestionProgress | undefined;
  pause(): void;
  resume(): void;
}

const SuggestionsContext = createContext<SuggestionsApi | null>(null);

/**
 * Looks for entities to suggest in the open case, in a worker: whenever the activity log grows
 * (an import, a correction, a new entity or alias), the worker reads the new entries and stores
 * what it finds in the review queue. Nothing is ever tagged without the reporter's say.
 */
export function SuggestionsProvider({ children }: { children: ReactNode }) {
  const { record, repos } = useCase();
  const profile = useProfile();
  const [progress, setProgress] = useState<SuggestionProgress>();
  const [worker, setWorker] = useState<{
    api: Remote<SuggestionWorkerApi>;
    opened: Promise<unknown>;
  }>();

  useEffect(() => {
    let live = true;
    let started: ReturnType<typeof startSuggestionWorker> | undefined;
    // Started once the open screen has painted: it reads the case, which the screen needs first.
    const cancel = whenScreenReady(() => {
      started = startSuggestionWorker();
      const { api } = started;
      const opened = api
        .open(record.id, profile.name, proxy(setProgress))
        .catch((error: unknown) => {
          console.warn('Suggestions could not start', error);
        });
      void opened.then(() => {
        if (live) setWorker({ api, opened });
      });
    });
    return () => {
      live = false;
      cancel();
      if (started) {
        const { api, stop } = started;
        void api.close().finally(stop);
      }
    };
    // The profile name is passed on below when it changes; the worker lives as long as the case.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.id]);

  useEffect(() => {
    void worker?.api.setActor(profile.name);
  }, [worker, profile.name]);

  const lastSeq = useLiveQuery(() => repos.activity.lastSeq(), [repos]);
  useEffect(() => {
    if (lastSeq === undefined || !worker) return;
    void worker.api.sync().catch(() => undefined);
  }, [lastSeq, worker]);

  const pause = useCallback(() => void worker?.api.pause(), [worker]);
  const resume = useCallback(() => void worker?.api.resume(), [worker]);
  const value = useMemo(() => ({ progress, pause, resume }), [progress, pause, resume]);
  return <SuggestionsContext.Provider value={value}>{children}</SuggestionsContext.Provider>;
}

/** The suggestion worker's progress; must be used below {@link SuggestionsProvider}. */
export function useSuggestions(): SuggestionsApi {
  const api = useContext(SuggestionsContext);
  if (!api) throw new Error('useSuggestions needs a SuggestionsProvider above it.');
  return api;
}
