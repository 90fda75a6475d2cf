import { useCallback, useEffect, useSyncExternalStore } from 'react';

/** The colour scheme the user chose; 'system' follows the operating system. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'casefile.theme';
const listeners = new Set<() => void>();

function read(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** The chosen theme and a way to change it; applies it to the page. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => 'system' as ThemeChoice,
  );
  useEffect(() => apply(choice), [choice]);
  const set = useCallback((next: ThemeChoice) => {
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts until reload.
    }
    apply(next);
    for (const listener of listeners) listener();
  }, []);
  return [choice, set];
}
