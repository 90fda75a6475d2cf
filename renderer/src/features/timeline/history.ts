import type { Citation, Event } from '@shared/schemas/records';
import type { CaseRepositories, EventFields, EventSnapshot, NewCitation } from '../../db';

/** A change that can be taken back and made again, each way through a logged repository call. */
export interface Command {
  /** What the change was, in the reporter's words: "Edit “Oduya meets Halvorsen”". */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** What the undo and redo buttons show. */
export interface HistoryState {
  undoLabel?: string;
  redoLabel?: string;
  busy: boolean;
}

const LIMIT = 200;

/**
 * The undo and redo stacks of one open case's timeline. Commands are kept in memory for the
 * session (a reload starts afresh); the activity log keeps every do, undo and redo for good.
 */
export class EventHistory {
  private done: Command[] = [];
  private undone: Command[] = [];
  private busy = false;
  private listeners = new Set<() => void>();
  private snapshot: HistoryState = { busy: false };

  /** Records a change that has just been made. */
  push(command: Command): void {
    this.done.push(command);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.emit();
  }

  /** Takes back the last change; returns its label, or undefined when there was none. */
  undo(): Promise<string | undefined> {
    return this.step(this.done, this.undone, (command) => command.undo());
  }

  /** Makes the last undone change again. */
  redo(): Promise<string | undefined> {
    return this.step(this.undone, this.done, (command) => command.redo());
  }

  private async step(
    from: Command[],
    to: Command[],
    run: (command: Command) => Promise<void>,
  ): Promise<string | undefined> {
    if (this.busy) return undefined;
    const command = from.pop();
    if (!command) return undefined;
    this.busy = true;
    this.emit();
    try {
      await run(command);
      to.push(command);
      return command.label;
    } catch (cause) {
      // A change that cannot be taken back (its event was deleted since) leaves the history.
      throw cause instanceof Error ? cause : new Error(String(cause));
    } finally {
      this.busy = false;
      this.emit();
    }
  }

  /** Forgets everything (when the case closes). */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.emit();
  }

  getState = (): HistoryState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    const undoLabel = this.done[this.done.length - 1]?.label;
    const redoLabel = this.undone[this.undone.length - 1]?.label;
    this.snapshot = {
      busy: this.busy,
      ...(undoLabel ? { undoLabel } : {}),
      ...(redoLabel ? { redoLabel } : {}),
    };
    for (const listener of this.listeners) listener();
  }
}

const histories = new Map<string, { repos: CaseRepositories; history: EventHistory }>();

/**
 * The history of one open case. Reopening the case (a new database connection) starts a new one,
 * since the old commands hold the old connection.
 */
export function historyFor(repos: CaseRepositories): EventHistory {
  const kept = histories.get(repos.caseId);
  if (kept && kept.repos === repos) return kept.history;
  const history = new EventHistory();
  histories.set(repos.caseId, { repos, history });
  return history;
}

function quoted(title: string): string {
  return `“${title.length > 50 ? `${title.slice(0, 49)}…` : title}”`;
}

/**
 * The timeline's changes as undoable commands: each does the change through the repositories (which
 * log it) and records how to take it back.
 */
export function eventActions(repos: CaseRepositories, history: EventHistory) {
  const events = repos.events;
  return {
    async create(fields: EventFields, citations: NewCitation[] = []): Promise<Event> {
      const created = await events.createWithCitations(fields, citations);
      let snapshot: EventSnapshot | undefined;
      history.push({
        label: `Add ${quoted(created.event.title)}`,
        undo: async () => {
          snapshot = await events.remove(created.event.id, { via: 'undo' });
        },
        redo: async () => {
          if (snapshot) await events.restore(snapshot, { via: 'redo' });
        },
      });
      return created.event;
    },

    async update(id: string, fields: Partial<EventFields>, label?: string): Promise<void> {
      const change = await events.update(id, fields);
      if (Object.keys(change.before).length === 0) return;
      const title = (change.after.title ?? (await events.get(id))?.title ?? 'event') as string;
      history.push({
        label: label ?? `Edit ${quoted(title)}`,
        undo: async () => {
          await events.update(id, change.before, { via: 'undo' });
        },
        redo: async () => {
          await events.update(id, change.after, { via: 'redo' });
        },
      });
    },

    async remove(id: string): Promise<void> {
      let snapshot = await events.remove(id);
      if (!snapshot) return;
      const title = snapshot.event.title;
      history.push({
        label: `Delete ${quoted(title)}`,
        undo: async () => {
          if (snapshot) await events.restore(snapshot, { via: 'undo' });
        },
        redo: async () => {
          snapshot = (await events.remove(id, { via: 'redo' })) ?? snapshot;
        },
      });
    },

    async addCitations(eventId: string, inputs: NewCitation[]): Promise<Citation[]> {
      const added = await events.addCitations(eventId, inputs);
      const event = await events.get(eventId);
      history.push({
        label: `Cite ${added.length === 1 ? 'a passage' : `${added.length} passages`} for ${quoted(event?.title ?? 'an event')}`,
        undo: async () => {
          await events.removeCitations(
            added.map((c) => c.id),
            { via: 'undo' },
          );
        },
        redo: async () => {
          await events.restoreCitations(added, { via: 'redo' });
        },
      });
      return added;
    },

    async removeCitations(ids: string[]): Promise<void> {
      const removed = await events.removeCitations(ids);
      if (removed.length === 0) return;
      const event = await events.get(removed[0]!.eventId);
      history.push({
        label: `Remove ${removed.length === 1 ? 'a citation' : `${removed.length} citations`} from ${quoted(event?.title ?? 'an event')}`,
        undo: async () => {
          await events.restoreCitations(removed, { via: 'undo' });
        },
        redo: async () => {
          await events.removeCitations(ids, { via: 'redo' });
        },
      });
    },
  };
}

/** The actions {@link eventActions} makes. */
export type EventActions = ReturnType<typeof eventActions>;
