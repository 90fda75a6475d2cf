/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { Event } from '@shared/schemas/records';
import type { ActivityEntry } from '@shared/domain/activityLog';
import { buildColumns, columnBuffers, type TimelineColumns } from '@shared/domain/timeline/columns';
import { CaseDb } from '../db/caseDb';
import { plainTextOf } from '../editor/prosemirrorJson';

/*
 * Reads the whole timeline of a case off the page's thread and hands the page columns
 * (shared/domain/timeline/columns.ts) it can filter and draw at once: reading 100,000 events and
 * turning them into objects takes seconds on a slow machine, which the page must not spend. The
 * worker keeps the events it has read and follows the case through the activity log, so a change
 * costs one event read again, not 100,000.
 */

/** Past this many new log entries, reading everything again is quicker than following them. */
const FOLLOW_LIMIT = 2_000;

let db: CaseDb | undefined;
let events = new Map<string, Event>();
let citationCounts = new Map<string, number>();
let lastSeq = -1;
/** Whether anything the columns show changed since the last snapshot was sent. */
let changed = true;
let queue: Promise<unknown> = Promise.resolve();

/** A snapshot of the timeline, as of activity-log entry `lastSeq`. */
export interface TimelineSnapshot {
  /** Null when nothing the timeline shows changed since the last snapshot (the log grew by
   * entries about other things: suggestions, mentions, sources). */
  columns: TimelineColumns | null;
  lastSeq: number;
  /** How long the worker took: reading, and building the columns (ms). */
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
      events = new Map(all.map((event) => [event.id, event]));
      citationCounts = countCitations(cited);
      lastSeq = last?.seq ?? 0;
    },
  );
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
      const ids = [...touched];
      if (ids.length > 0 || recount) changed = true;
      const found = await database.events.bulkGet(ids);
      ids.forEach((id, i) => {
        const event = found[i];
        if (event) events.set(id, event);
        else events.delete(id);
      });
      if (recount) {
        citationCounts = countCitations(
          (await database.citations.orderBy('eventId').keys()) as string[],
        );
      }
      lastSeq = (entries[entries.length - 1] as ActivityEntry).seq;
      return true;
    },
  );
}

async function snapshotNow(): Promise<TimelineSnapshot> {
  const database = db;
  if (!database) throw new Error('No case is open in the timeline worker.');
  let started = performance.now();
  if (lastSeq < 0 || !(await follow(database))) await readAll(database);
  const readMs = performance.now() - started;
  if (!changed) return { columns: null, lastSeq, readMs, buildMs: 0 };
  changed = false;
  started = performance.now();
  const columns = buildColumns(
    [...events.values()],
    plainTextOf,
    (id) => citationCounts.get(id) ?? 0,
  );
  const buildMs = performance.now() - started;
  const snapshot: TimelineSnapshot = { columns, lastSeq, readMs, buildMs };
  return transfer(snapshot, columnBuffers(columns));
}

const api = {
  /** Opens a case (closing the one open before). */
  open(caseId: string): void {
    db?.close();
    db = new CaseDb(caseId);
    events = new Map();
    citationCounts = new Map();
    lastSeq = -1;
    changed = true;
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
    db?.close();
    db = undefined;
    events = new Map();
  },
};

/** The timeline worker's interface, as seen through Comlink. */
export type TimelineWorkerApi = typeof api;

expose(api);
