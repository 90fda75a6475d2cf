import { useEffect, useMemo, useState } from 'react';
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Entity, Event, TagColor } from '@shared/schemas/records';
import { foldText, sortForDisplay } from '@shared/domain/timeline/rows';
import type { CaseRepositories } from '../../db';
import { defaultTagColor } from '../../db';
import { plainTextOf } from '../../editor';

/** How many events the list paints before the whole timeline has loaded. */
const FIRST_PAGE = 200;

/** The timeline's events as loaded so far. */
export interface TimelineEvents {
  /** In display order (see sortForDisplay). */
  events: Event[];
  /** By the start of their interval (the order the axis needs). */
  byStart: Event[];
  /** False while only the first page is in. */
  complete: boolean;
  /** How many events the case has, known before they are all loaded. */
  total: number;
}

/**
 * Loads the events in two steps: the first page in date order (so the list paints at once, even
 * with 100,000 events), then all of them, kept up to date with every change. The full load starts
 * only once the first page is in, so that it cannot hold the first page up.
 */
export function useTimelineEvents(repos: CaseRepositories): TimelineEvents | undefined {
  const [state, setState] = useState<TimelineEvents>();
  useEffect(() => {
    let alive = true;
    let full = false;
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      if (!alive) return;
      subscription = liveQuery(() => repos.events.listInDateOrder()).subscribe({
        next: (byStart) => {
          full = true;
          if (alive) {
            setState({
              events: sortForDisplay(byStart),
              byStart,
              complete: true,
              total: byStart.length,
            });
            scheduleSearchText(byStart);
          }
        },
        error: (error: unknown) => console.error('The timeline could not be loaded', error),
      });
    };
    void Promise.all([repos.events.firstInDateOrder(FIRST_PAGE), repos.events.count()])
      .then(([first, total]) => {
        if (alive && !full)
          setState({
            events: sortForDisplay(first),
            byStart: first,
            complete: first.length >= total,
            total,
          });
      })
      .finally(() => {
        // Let the first page paint before the whole timeline is read.
        requestAnimationFrame(() => setTimeout(subscribe, 0));
      });
    return () => {
      alive = false;
      subscription?.unsubscribe();
    };
  }, [repos]);
  return state;
}

/** Folds the searchable text of events in small slices while the app is idle, ahead of a search. */
function scheduleSearchText(events: readonly Event[]): void {
  let index = 0;
  const slice = () => {
    const until = performance.now() + 8;
    while (index < events.length && performance.now() < until) {
      searchTextOf(events[index] as Event);
      index += 1;
    }
    if (index < events.length) setTimeout(slice, 16);
  };
  setTimeout(slice, 200);
}

/** Folded searchable text by event id and version; kept across reloads of the event list. */
const searchTexts = new Map<string, string>();

/** The searchable text of an event (title and description), folded, made when first asked for. */
export function searchTextOf(event: Event): string {
  const key = `${event.id}:${event.updatedAt}`;
  let text = searchTexts.get(key);
  if (text === undefined) {
    if (searchTexts.size > 400_000) searchTexts.clear();
    text = foldText(`${event.title}\n${plainTextOf(event.description, 5_000)}`);
    searchTexts.set(key, text);
  }
  return text;
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
