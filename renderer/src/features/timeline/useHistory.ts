import { useMemo, useSyncExternalStore } from 'react';
import { useCase } from '../cases';
import { eventActions, historyFor, type EventActions, type HistoryState } from './history';

/** The open case's undo history and the undoable timeline actions. */
export function useEventHistory(): {
  actions: EventActions;
  state: HistoryState;
  undo: () => Promise<string | undefined>;
  redo: () => Promise<string | undefined>;
} {
  const { repos } = useCase();
  const history = historyFor(repos);
  const state = useSyncExternalStore(history.subscribe, history.getState);
  const actions = useMemo(() => eventActions(repos, history), [repos, history]);
  return { actions, state, undo: () => history.undo(), redo: () => history.redo() };
}
