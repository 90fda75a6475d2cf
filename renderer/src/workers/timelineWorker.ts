/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { ActivityEntry } from '@shared/domain/activityLog';
import {
  columnBuffers,
  columnsOf,
  rowOf,
  rowsOf,
  type ColumnRow,
  type TimelineColumns,
} from '@shared/domain/timeline/columns';
import { CaseDb } from '../db/caseDb';
import { TimelineColumnsStore } from '../db/timelineColumnsStore';
import { plainTextOf } from '../editor/prosemirrorJson';

/*
 * Reads the whole timeline of a case off the page's thread and hands the page columns
 * (shared/domain/timeline/columns.ts) it can filter and draw at once: reading 100,000 events and
 * turning them into objects takes seconds on a slow machine, which the page must not spend. The
 * columns are saved in the case (a cache, like the search index), so that the next opening reads
 * one record instead of every event. The worker follows the case through the activity log, so a
 * change costs the events it names read again, not 100,000.
 */

/** Past this many new log entries, reading everything again is quicker than following them. */
const FOLLOW_LIMIT = 2_000;
/** The format of the saved columns; a saved copy of another format is built again. */
const FORMAT = 1;
/** Saved this long after the last change, so that a burst of changes is saved once. */
const SAVE_DELAY_MS = 3_000;

let db: CaseDb | undefined;
let store: TimelineColumnsStore | undefined;
/** What the columns hold of each event, by event id. */
let rows = new Map<string, ColumnRow>();
let lastSeq = -1;
/** Whether anything the columns show changed since the last snapshot was sent. */
let changed = true;
/** Saved columns read at opening, sent as they are when nothing changed since they were saved. */
let ready: TimelineColumns | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** A snapshot of the timeline, as of activity-log entry `lastSeq`. */
export interface TimelineSnapshot {
  /**
   * Null when nothing the timeline shows changed since the last snapshot (the log grew by entries
   * about other things: suggestions, mentions, sources).
   */
  columns: TimelineColumns | null;
  lastSeq: number;
  /** How the worker got it: from the saved columns or by reading every event; and its cost (ms). */
  source: 'saved' | 'events' | 'changes';
  readMs: number;
  buildMs: number;
}

function countCitations(eventIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of eventIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

async function readAll(database: CaseDb): Promise<void> {
  await database.transaction(
    'r',
    [database.events, database.citations, database.activity],
    async () => {
      const [all, cited, last] = await Promise.all([
        database.events.toArray(),
        // Only the index keys: how many citations each event has, without reading the citations.
        database.citations.orderBy('eventId').keys() as Promise<string[]>,
        database.activity.orderBy('seq').last(),
      ]);
      const counts = countCitations(cited);
      rows = new Map(
        all.map((event) => [event.id, rowOf(event, plainTextOf, counts.get(event.id) ?? 0)]),
      );
      lastSeq = last?.seq ?? 0;
      changed = true;
      ready = undefined;
    },
  );
}

/** Starts from the saved columns, when there are any of this format; false otherwise. */
async function readSaved(database: CaseDb, saved: TimelineColumnsStore): Promise<boolean> {
  const found = await saved.load().catch(() => undefined);
  const last = (await database.activity.orderBy('seq').last())?.seq ?? 0;
  if (!found || found.format !== FORMAT || found.lastSeq > last) return false;
  rows = new Map(rowsOf(found.columns).map((row) => [row.id, row]));
  lastSeq = found.lastSeq;
  ready = found.columns;
  changed = true;
  return true;
}

/** Reads what the log says changed since the last read; false when it is quicker to read all. */
async function follow(database: CaseDb): Promise<boolean> {
  return database.transaction(
    'r',
    [database.events, database.citations, database.activity],
    async () => {
      const entries: ActivityEntry[] = await database.activity
        .where('seq')
        .above(lastSeq)
        .limit(FOLLOW_LIMIT + 1)
        .toArray();
      if (entries.length === 0) return true;
      if (entries.length > FOLLOW_LIMIT) return false;
      const touched = new Set<string>();
      let recount = false;
      for (const entry of entries) {
        if (entry.recordType === 'event') touched.add(entry.recordId);
        else if (entry.recordType === 'citation') recount = true;
        // A merge moves events from one entity to another without an entry per event.
        else if (entry.recordType === 'entity' && entry.action.startsWith('entity.merge'))
          return false;
      }
      const counts = recount
        ? countCitations((await database.citations.orderBy('eventId').keys()) as string[])
        : undefined;
      const ids = [...touched];
      const found = await database.events.bulkGet(ids);
      ids.forEach((id, i) => {
        const event = found[i];
        if (event)
          rows.set(id, rowOf(event, plainTextOf, counts?.get(id) ?? rows.get(id)?.citations ?? 0));
        else rows.delete(id);
      });
      if (counts) for (const row of rows.values()) row.citations = counts.get(row.id) ?? 0;
      if (ids.length > 0 || recount) {
        changed = true;
        ready = undefined;
      }
      lastSeq = (entries[entries.length - 1] as ActivityEntry).seq;
      return true;
    },
  );
}

/** Saves a copy of the columns a little after the last change. */
function scheduleSave(columns: TimelineColumns, seq: number): void {
  const saved = store;
  if (!saved) return;
  // A copy: the columns themselves go to the page, which leaves their buffers empty here.
  const copy = structuredClone(columns);
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void saved
      .save({ format: FORMAT, lastSeq: seq, savedAt: new Date().toISOString(), columns: copy })
      .catch((error: unknown) => console.warn('Could not save the timeline', error));
  }, SAVE_DELAY_MS);
}

async function snapshotNow(): Promise<TimelineSnapshot> {
  const database = db;
  const saved = store;
  if (!database || !saved) throw new Error('No case is open in the timeline worker.');
  let started = performance.now();
  let source: TimelineSnapshot['source'] = 'changes';
  if (lastSeq < 0) {
    source = (await readSaved(database, saved)) ? 'saved' : 'events';
    if (source === 'events') await readAll(database);
  }
  if (!(await follow(database))) {
    await readAll(database);
    source = 'events';
  }
  const readMs = performance.now() - started;
  if (!changed) return { columns: null, lastSeq, source, readMs, buildMs: 0 };
  changed = false;
  started = performance.now();
  let columns: TimelineColumns;
  if (ready) {
    // Nothing changed since the columns were saved: send them as they are.
    columns = ready;
    ready = undefined;
  } else {
    columns = columnsOf([...rows.values()], true);
    scheduleSave(columns, lastSeq);
  }
  const buildMs = performance.now() - started;
  const snapshot: TimelineSnapshot = { columns, lastSeq, source, readMs, buildMs };
  return transfer(snapshot, columnBuffers(columns));
}

const api = {
  /** Opens a case (closing the one open before). */
  open(caseId: string): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    db?.close();
    db = new CaseDb(caseId);
    store = new TimelineColumnsStore(db);
    rows = new Map();
    lastSeq = -1;
    changed = true;
    ready = undefined;
  },
  /**
   * The timeline as columns, up to date with the activity log. Calls are served one at a time, so
   * a snapshot asked for after a change always includes it.
   */
  snapshot(): Promise<TimelineSnapshot> {
    const next = queue.then(snapshotNow, snapshotNow);
    queue = next.catch(() => undefined);
    return next;
  },
  close(): void {
    // A save not yet written is dropped: the next opening follows the log from the last one.
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    db?.close();
    db = undefined;
    store = undefined;
    rows = new Map();
  },
};

/** The timeline worker's interface, as seen through Comlink. */
export type TimelineWorkerApi = typeof api;

expose(api);
