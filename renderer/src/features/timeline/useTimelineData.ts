import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Remote } from 'comlink';
import type { Entity, TagColor } from '@shared/schemas/records';
import { buildColumns, tagCounts, type TimelineColumns } from '@shared/domain/timeline/columns';
import type { TimelineWorkerApi } from '../../workers/timelineWorker';
import type { CaseRepositories } from '../../db';
import { defaultTagColor } from '../../db';
import { plainTextOf } from '../../editor';
import { markScreenReady } from '../../ui';
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

/**
 * Loads the timeline in two steps: the first page in date order, read on the page (so the list
 * paints at once, even with 100,000 events), then, once that has painted, all of it from the
 * timeline worker, which reads and sorts off the page's thread and sends columns. The worker
 * follows the activity log: every change to the case asks it for a new snapshot.
 */
export function useTimelineData(repos: CaseRepositories): TimelineData | undefined {
  const [state, setState] = useState<TimelineData>();
  const [worker, setWorker] = useState<{ api: Remote<TimelineWorkerApi>; alive: boolean }>();
  const lastSeq = useLiveQuery(() => repos.activity.lastSeq(), [repos]);

  useEffect(() => {
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

  // The worker starts once the first page has painted, so that it does not hold it up.
  const firstShown = state !== undefined;
  useEffect(() => {
    if (!firstShown) return;
    let started: (ReturnType<typeof startTimelineWorker> & { alive: boolean }) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const current = { ...startTimelineWorker(), alive: true };
        started = current;
        void current.api.open(repos.caseId);
        setWorker(current);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      if (started) {
        started.alive = false;
        const { api, stop } = started;
        void api.close().finally(stop);
      }
      setWorker(undefined);
    };
  }, [firstShown, repos]);

  // A snapshot when the worker is up, and again after every change to the case. A newer answer
  // replaces an older one, never the other way round.
  useEffect(() => {
    if (!worker || lastSeq === undefined) return;
    worker.api.snapshot().then(
      (snapshot) => {
        if (!worker.alive) return;
        setState((current) =>
          current && current.lastSeq > snapshot.lastSeq
            ? current
            : {
                columns: snapshot.columns,
                complete: true,
                total: snapshot.columns.count,
                lastSeq: snapshot.lastSeq,
              },
        );
        markScreenReady();
      },
      (error: unknown) => {
        if (worker.alive) console.error('The timeline could not be loaded', error);
      },
    );
  }, [worker, lastSeq]);

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
