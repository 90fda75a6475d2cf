import { errorMessage } from '@shared/domain/errorMessage';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import {
  CalendarClock,
  FileText,
  MessageSquare,
  Search as SearchIcon,
  Users,
  X,
} from 'lucide-react';
import type { SourceKind } from '@shared/schemas/records';
import { entityTypeLabel } from '@shared/domain/entityTypes';
import type {
  SearchFacets,
  SearchFilters,
  SearchHit,
  SearchResponse,
} from '../../workers/search/caseSearchIndex';
import { EmptyState, Loading, Notice } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { KIND_LABELS } from '../sources';
import { useSearch } from './SearchProvider';

const DEBOUNCE_MS = 120;

/** Where a hit opens: the source at the passage, the message, the event or the entity. */
export function hitHref(caseId: string, hit: SearchHit): string {
  if (hit.kind === 'event' && hit.eventId) return paths.event(caseId, hit.eventId);
  if (hit.kind === 'entity' && hit.entityId) return paths.entity(caseId, hit.entityId);
  const sourceId = hit.sourceId ?? '';
  if (hit.kind === 'message' && hit.messageId) {
    return paths.source(caseId, sourceId, {
      kind: 'message',
      id: hit.messageId,
      ...(hit.focus ? { start: hit.focus.start, end: hit.focus.end } : {}),
    });
  }
  if (hit.kind === 'text' && hit.focus)
    return paths.source(caseId, sourceId, { kind: 'range', ...hit.focus });
  return paths.source(caseId, sourceId);
}

function Highlighted({ text, highlights }: { text: string; highlights: [number, number][] }) {
  const parts: (string | { mark: string })[] = [];
  let cursor = 0;
  for (const [start, end] of highlights) {
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push({ mark: text.slice(start, end) });
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark key={index} className="search-hit__mark">
            {part.mark}
          </mark>
        ),
      )}
    </>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** One search box over everything in the case, with filters, results grouped by source. */
export function SearchScreen() {
  const { record, repos } = useCase();
  const search = useSearch();
  const { query, setQuery, filters, setFilters, status, revision, focusRequest } = search;
  const [, navigate] = useLocation();
  const [response, setResponse] = useState<SearchResponse>();
  const [error, setError] = useState<string>();
  const [facets, setFacets] = useState<SearchFacets>();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const resultsId = useId();
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  useEffect(() => {
    let live = true;
    void search.facets().then((f) => live && setFacets(f));
    return () => {
      live = false;
    };
    // Facets change with the case, not with the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      if (!query.trim()) {
        setResponse(undefined);
        setError(undefined);
        return;
      }
      search
        .search(query, filters)
        .then((next) => {
          if (!live) return;
          setResponse(next);
          setError(undefined);
        })
        .catch((cause: unknown) => {
          if (live) setError(errorMessage(cause));
        });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Ask again when the query, the filters or the case change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filters, revision]);

  const links = () =>
    Array.from(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a.search-hit') ?? []);

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Enter') {
      const first = response?.groups[0]?.hits[0];
      if (first) {
        event.preventDefault();
        navigate(hitHref(record.id, first));
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const onResultsKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index === 0) inputRef.current?.focus();
    else
      all[
        Math.max(0, Math.min(all.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))
      ]?.focus();
  };

  const update = (change: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof SearchFilters)[]) {
      const value = next[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
        delete next[key];
    }
    setFilters(next);
  };
  const filtered = Object.keys(filters).length > 0;
  const kinds = useMemo(
    () => (facets?.kinds.length ? facets.kinds : (Object.keys(KIND_LABELS) as SourceKind[])),
    [facets],
  );

  const building = status && (status.state === 'building' || status.state === 'loading');
  return (
    <section className="search-screen" aria-label="Search">
      <div className="search-screen__top">
        <div className="search-box">
          <SearchIcon aria-hidden="true" />
          <input
            ref={inputRef}
            type="search"
            className="input search-box__input"
            aria-label="Search"
            aria-controls={resultsId}
            aria-keyshortcuts="Control+K Meta+K /"
            placeholder='Search sources, messages, events and entities — "exact phrase", prefix…'
            value={query}
            maxLength={10_000}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onBoxKey}
          />
        </div>
        <div className="search-filters" role="group" aria-label="Filters">
          <label className="search-filter">
            <span>Kind</span>
            <select
              aria-label="Kind"
              className="select"
              value={filters.kinds?.[0] ?? ''}
              onChange={(e) =>
                update({ kinds: e.target.value ? [e.target.value as SourceKind] : [] })
              }
            >
              <option value="">All kinds</option>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            <span>Sender</span>
            <select
              aria-label="Sender"
              className="select"
              value={filters.sender ?? ''}
              onChange={(e) => update({ sender: e.target.value })}
            >
              <option value="">Anyone</option>
              {(facets?.senders ?? []).map((sender) => (
                <option key={sender} value={sender}>
                  {sender}
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            <span>From</span>
            <input
              aria-label="From"
              className="input"
              type="date"
              value={filters.from ?? ''}
              onChange={(e) => update({ from: e.target.value })}
            />
          </label>
          <label className="search-filter">
            <span>To</span>
            <input
              aria-label="To"
              className="input"
              type="date"
              value={filters.to ?? ''}
              onChange={(e) => update({ to: e.target.value })}
            />
          </label>
          <label className="search-filter">
            <span>Entity</span>
            <select
              aria-label="Entity"
              className="select"
              value={filters.entityId ?? ''}
              onChange={(e) => update({ entityId: e.target.value })}
            >
              <option value="">Any entity</option>
              {(entities ?? []).map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name} ({entityTypeLabel(entity.type)})
                </option>
              ))}
            </select>
          </label>
          <label className="search-filter">
            <span>Tag</span>
            <select
              aria-label="Tag"
              className="select"
              value={filters.tag ?? ''}
              onChange={(e) => update({ tag: e.target.value })}
            >
              <option value="">Any tag</option>
              {(facets?.tags ?? []).map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
          {filtered ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setFilters({})}
            >
              <X aria-hidden="true" /> Clear filters
            </button>
          ) : null}
        </div>
        {building ? (
          <p className="faint small" role="status">
            {status.state === 'loading'
              ? 'Opening the search index…'
              : `Indexing the case${status.total ? `: ${(status.done ?? 0).toLocaleString('en-GB')} of ${status.total.toLocaleString('en-GB')}` : '…'}`}
          </p>
        ) : null}
      </div>
      <div
        className="search-results"
        id={resultsId}
        ref={resultsRef}
        onKeyDown={onResultsKey}
        aria-label="Results"
        role="region"
        aria-busy={building ? 'true' : 'false'}
      >
        {error ? <Notice tone="error">{error}</Notice> : null}
        {!query.trim() ? (
          <EmptyState
            icon={<SearchIcon aria-hidden="true" />}
            title="Search everything in this case"
          >
            Words in sources, chat messages, recognised text of screenshots, emails, documents,
            events and entities. Put a phrase in quotes for exact words; a word is also found by its
            start and with one typo. Press Ctrl+K or / anywhere to come back here.
          </EmptyState>
        ) : response === undefined ? (
          <Loading label="Searching…" />
        ) : (
          <>
            {response.notice ? <Notice tone="info">{response.notice}</Notice> : null}
            <p className="faint small search-results__summary" aria-live="polite">
              {response.total === 0
                ? `Nothing found for “${query.slice(0, 80)}”${filtered ? ' with these filters' : ''}.`
                : `${response.total.toLocaleString('en-GB')} result${response.total === 1 ? '' : 's'} in ${response.groups.length} place${response.groups.length === 1 ? '' : 's'} · ${response.totalMs.toFixed(0)} ms`}
            </p>
            {response.groups.map((group) => (
              <section key={group.key} className="search-group" aria-label={group.label}>
                <h3 className="search-group__title">
                  {group.kind === 'events' ? (
                    <CalendarClock aria-hidden="true" />
                  ) : group.kind === 'entities' ? (
                    <Users aria-hidden="true" />
                  ) : group.sourceKind === 'chat' || group.sourceKind === 'email' ? (
                    <MessageSquare aria-hidden="true" />
                  ) : (
                    <FileText aria-hidden="true" />
                  )}
                  {group.kind === 'source' ? (
                    <Link href={paths.source(record.id, group.key)}>{group.label}</Link>
                  ) : (
                    <span>{group.label}</span>
                  )}
                  {group.sourceKind ? (
                    <span className="badge">{KIND_LABELS[group.sourceKind]}</span>
                  ) : null}
                  <span className="faint small">
                    {group.total > group.hits.length
                      ? `${group.hits.length} of ${group.total.toLocaleString('en-GB')}`
                      : group.total}
                  </span>
                </h3>
                <ul className="list-reset search-group__hits">
                  {group.hits.map((hit) => (
                    <li key={hit.id}>
                      <Link className="search-hit" href={hitHref(record.id, hit)}>
                        {hit.sender || hit.date !== undefined ? (
                          <span className="search-hit__meta faint small">
                            {hit.sender ? <strong>{hit.sender}</strong> : null}
                            {hit.sender && hit.date !== undefined ? ' · ' : ''}
                            {hit.date !== undefined && hit.kind !== 'entity'
                              ? dateFormat.format(hit.date)
                              : ''}
                          </span>
                        ) : null}
                        <span className="search-hit__text">
                          <Highlighted
                            text={hit.snippet.text}
                            highlights={hit.snippet.highlights}
                          />
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
