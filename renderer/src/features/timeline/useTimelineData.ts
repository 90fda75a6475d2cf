import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Remote } from 'comlink';
import type { Entity, TagColor } from '@shared/schemas/records';
import { buildColumns, tagCounts, type TimelineColumns } from '@shared/domain/timeline/columns';
import type { TimelineWorkerApi } from '../../workers/timelineWorker';
import type { CaseRepositories } from '../../db';
import { defaultTagColor } from '../../db';
import { plainTextOf } from '../../editor';
import { holdBackgroundWork, markScreenReady } from '../../ui';
import { startTimelineWorker } from './timelineClient';

/** How many events the list paints before the whole timeline has loaded. */
const FIRST_PAGE = 120;

/** The timeline's events as loaded so far, as columns (shared/domain/timeline/columns.ts). */
export interface TimelineData {
  columns: TimelineColumns;
  /** False while only the first page is in. */
  complete: boolean;
  /** How many events the case has, once known. */
  total: number | undefined;
  /** The activity-log entry the data is up to date with (-1 for the first page). */
  lastSeq: number;
}

/** The timeline worker of a case, and the last snapshot it sent. */
interface KeptWorker {
  caseId: string;
  api: Remote<TimelineWorkerApi>;
  stop(): void;
  last?: TimelineData;
}

/**
 * The worker of the case last shown, kept for a while after the reporter leaves the timeline, so
 * that coming back draws the whole timeline at once and reads only what changed meanwhile.
 */
let kept: KeptWorker | undefined;
let release: ReturnType<typeof setTimeout> | undefined;
const KEEP_MS = 5 * 60_000;

function workerFor(caseId: string): KeptWorker {
  if (release !== undefined) clearTimeout(release);
  release = undefined;
  if (kept?.caseId === caseId) return kept;
  endWorker();
  const started = startTimelineWorker();
  void started.api.open(caseId);
  kept = { caseId, ...started };
  return kept;
}

function endWorker(): void {
  if (!kept) return;
  const { api, stop } = kept;
  kept = undefined;
  void api.close().finally(stop);
}

/**
 * Loads the timeline in two steps: the first page in date order, read on the page (so the list
 * paints at once, even with 100,000 events), then, once that has painted, all of it from the
 * timeline worker, which reads and sorts off the page's thread and sends columns. The worker
 * follows the activity log: every change to the case asks it for what changed.
 */
export function useTimelineData(repos: CaseRepositories): TimelineData | undefined {
  const [state, setState] = useState<TimelineData | undefined>(() =>
    kept?.caseId === repos.caseId ? kept.last : undefined,
  );
  const [worker, setWorker] = useState<KeptWorker>();
  const lastSeq = useLiveQuery(() => repos.activity.lastSeq(), [repos]);
  const mounted = useRef(true);
  // Background work (search, suggestions) waits while the whole timeline is read.
  const complete = state?.complete ?? false;
  useEffect(() => {
    if (complete) return;
    return holdBackgroundWork();
  }, [complete]);

  useEffect(() => {
    if (kept?.caseId === repos.caseId && kept.last) return;
    let alive = true;
    void repos.events.firstInDateOrder(FIRST_PAGE).then(
      (first) => {
        if (!alive) return;
        setState(
          (current) =>
            current ?? {
              columns: buildColumns(first, plainTextOf),
              complete: false,
              total: first.length < FIRST_PAGE ? first.length : undefined,
              lastSeq: -1,
            },
        );
      },
      (error: unknown) => console.error('The timeline could not be loaded', error),
    );
    return () => {
      alive = false;
    };
  }, [repos]);

  // The worker starts (or is found again) once the first page has painted.
  const firstShown = state !== undefined;
  useEffect(() => {
    if (!firstShown) return;
    mounted.current = true;
    const caseId = repos.caseId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWorker(workerFor(caseId)), 0);
    });
    return () => {
      mounted.current = false;
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      setWorker(undefined);
      if (release !== undefined) clearTimeout(release);
      release = setTimeout(() => {
        if (kept?.caseId === caseId) endWorker();
      }, KEEP_MS);
    };
  }, [firstShown, repos]);

  // A snapshot when the worker is up, and again after every change to the case. A newer answer
  // replaces an older one, never the other way round.
  const shownSeq = state?.lastSeq ?? -1;
  useEffect(() => {
    if (!worker || lastSeq === undefined) return;
    if (shownSeq >= lastSeq) {
      markScreenReady();
      return;
    }
    worker.api.snapshot().then(
      (snapshot) => {
        const previous = worker.last;
        if (previous && previous.lastSeq > snapshot.lastSeq) return;
        const columns = snapshot.columns ?? previous?.columns;
        if (!columns) return;
        const data: TimelineData = {
          columns,
          complete: true,
          total: columns.count,
          lastSeq: snapshot.lastSeq,
        };
        worker.last = data;
        if (snapshot.columns) {
          // For benchmarks: what reading and building the columns cost in the worker.
          performance.mark('timeline:snapshot', {
            detail: {
              source: snapshot.source,
              readMs: snapshot.readMs,
              buildMs: snapshot.buildMs,
              events: columns.count,
            },
          });
        }
        if (!mounted.current) return;
        setState((current) => (current && current.lastSeq > data.lastSeq ? current : data));
        markScreenReady();
      },
      (error: unknown) => {
        if (mounted.current) console.error('The timeline could not be loaded', error);
      },
    );
  }, [worker, lastSeq, shownSeq]);

  return state;
}

/** Entities by id (merged ones left out), for names on cards and lanes. */
export function useEntityMap(repos: CaseRepositories): Map<string, Entity> | undefined {
  return useLiveQuery(async () => {
    const list = await repos.entities.list();
    return new Map(list.map((e) => [e.id, e]));
  }, [repos]);
}

/** The colour of each tag: the one chosen, else one picked from its name. */
export function useTagColors(repos: CaseRepositories): (tag: string) => TagColor {
  const stored = useLiveQuery(() => repos.tags.colors(), [repos]);
  return useMemo(() => (tag: string) => stored?.get(tag) ?? defaultTagColor(tag), [stored]);
}

/** The tags to filter by: those on events (with how many carry each) and those given a colour. */
export function useTagOptions(
  repos: CaseRepositories,
  data: TimelineData | undefined,
): { name: string; count: number }[] {
  const stored = useLiveQuery(() => repos.tags.colors(), [repos]);
  return useMemo(() => {
    const counts = data ? tagCounts(data.columns) : new Map<string, number>();
    for (const name of stored?.keys() ?? []) if (!counts.has(name)) counts.set(name, 0);
    return [...counts.entries()]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [data, stored]);
}
