import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AlertTriangle, CheckCircle2, HelpCircle, Pencil, Quote, Trash2 } from 'lucide-react';
import type { Entity, Event, TagColor } from '@shared/schemas/records';
import { formatPartialDate, isUncertainDate } from '@shared/domain/partialDate';
import { buildRows } from '@shared/domain/timeline/rows';
import { VERIFICATION_LABELS } from '@shared/domain/timeline/evidence';
import { plainTextOf } from '../../editor';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

interface TimelineListProps {
  events: Event[];
  selectedId?: string | undefined;
  entities: Map<string, Entity> | undefined;
  tagColor: (tag: string) => TagColor;
  onSelect: (event: Event) => void;
  onOpen: (event: Event) => void;
  onEdit: (event: Event) => void;
  onDelete: (event: Event) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

const CITATIONS_ON_CARD = 3;

/**
 * The events grouped under year and month headings, virtualized so 100,000 events scroll as
 * smoothly as ten. The region keeps the name "Timeline".
 */
export function TimelineList({
  events,
  selectedId,
  entities,
  tagColor,
  onSelect,
  onOpen,
  onEdit,
  onDelete,
  onKeyDown,
}: TimelineListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => buildRows(events), [events]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) =>
      rows[index]?.kind === 'event' ? 150 : rows[index]?.kind === 'year' ? 52 : 36,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
  });
  const selectedRow = useMemo(
    () =>
      selectedId
        ? rows.findIndex((row) => row.kind === 'event' && events[row.index]?.id === selectedId)
        : -1,
    [rows, events, selectedId],
  );
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
    // Scroll only when the selection moves, not on every data change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedRow]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="timeline__scroll"
      ref={scrollRef}
      tabIndex={0}
      role="group"
      aria-label="Events by date; use the arrow keys to move between events and Enter to open one"
      onKeyDown={onKeyDown}
    >
      <ol className="list-reset timeline__list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          // React sets styles through the CSSOM, which the CSP allows (it forbids style attributes).
          const place = { transform: `translateY(${item.start}px)` };
          if (row.kind === 'year') {
            return (
              <li
                key={row.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={place}
                className="timeline__item timeline__year"
              >
                <h3>
                  {String(row.year).padStart(4, '0')}
                  <span className="faint small">
                    {' '}
                    · {row.count.toLocaleString('en-GB')} event{row.count === 1 ? '' : 's'}
                  </span>
                </h3>
              </li>
            );
          }
          if (row.kind === 'month') {
            return (
              <li
                key={row.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={place}
                className="timeline__item timeline__month"
              >
                <h4>{row.label}</h4>
              </li>
            );
          }
          const event = events[row.index] as Event;
          return (
            <li
              key={row.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={place}
              className="timeline__item"
            >
              <EventCard
                event={event}
                entities={entities}
                tagColor={tagColor}
                selected={event.id === selectedId}
                onSelect={onSelect}
                onOpen={onOpen}
                onEdit={onEdit}
                onDelete={onDelete}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

interface EventCardProps {
  event: Event;
  entities: Map<string, Entity> | undefined;
  tagColor: (tag: string) => TagColor;
  selected: boolean;
  onSelect: (event: Event) => void;
  onOpen: (event: Event) => void;
  onEdit: (event: Event) => void;
  onDelete: (event: Event) => void;
}

const EventCard = memo(function EventCard({
  event,
  entities,
  tagColor,
  selected,
  onSelect,
  onOpen,
  onEdit,
  onDelete,
}: EventCardProps) {
  const { record, repos } = useCase();
  const cited = useLiveQuery(async () => {
    const [citations, count] = await Promise.all([
      repos.events.citationsOf(event.id, CITATIONS_ON_CARD),
      repos.events.citationCount(event.id),
    ]);
    const sources = await repos.store.db.sources.bulkGet([
      ...new Set(citations.map((c) => c.sourceId)),
    ]);
    const titles = new Map(sources.filter(Boolean).map((s) => [s!.id, s!.title]));
    const health = await repos.events.checkCitations(citations);
    return { citations, count, titles, health };
  }, [repos, event.id, event.updatedAt]);
  const description = plainTextOf(event.description, 300);
  const uncertain = isUncertainDate(event.date);
  const broken =
    cited?.citations.filter(
      (c) => cited.health.get(c.id) === 'missing' || cited.health.get(c.id) === 'no-source',
    ) ?? [];
  return (
    <article
      className={selected ? 'event-card event-card--selected' : 'event-card'}
      aria-label={event.title}
      aria-current={selected ? 'true' : undefined}
      data-event-id={event.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, input, select, textarea')) return;
        onSelect(event);
      }}
      onDoubleClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button')) return;
        onOpen(event);
      }}
    >
      <div
        className={uncertain ? 'event-card__date event-card__date--uncertain' : 'event-card__date'}
      >
        <time>{formatPartialDate(event.date)}</time>
        <span className={`status status--${event.verification}`}>
          {VERIFICATION_LABELS[event.verification]}
        </span>
        {event.review === 'approved' ? (
          <span className="review review--approved">
            <CheckCircle2 aria-hidden="true" /> Approved
          </span>
        ) : event.review === 'questioned' ? (
          <span className="review review--questioned">
            <HelpCircle aria-hidden="true" /> Questioned
          </span>
        ) : null}
      </div>
      <div className="event-card__body">
        <div className="event-card__head">
          <h3>
            <button type="button" className="event-card__title" onClick={() => onSelect(event)}>
              {event.title}
            </button>
          </h3>
          <div className="event-card__actions">
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label={`Edit ${event.title}`}
              title="Edit"
              onClick={() => onEdit(event)}
            >
              <Pencil aria-hidden="true" />
            </button>
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label={`Delete ${event.title}`}
              title="Delete"
              onClick={() => onDelete(event)}
            >
              <Trash2 aria-hidden="true" />
            </button>
          </div>
        </div>
        {event.tags.length > 0 ? (
          <ul className="list-reset event-card__tags" aria-label={`Tags of ${event.title}`}>
            {event.tags.map((tag) => (
              <li key={tag} className="tag" data-color={tagColor(tag)}>
                #{tag}
              </li>
            ))}
          </ul>
        ) : null}
        {description ? <p className="event-card__description">{description}</p> : null}
        {broken.length > 0 ? (
          <p className="flag" role="note">
            <AlertTriangle aria-hidden="true" /> A cited quote is no longer in its source (the text
            was corrected or removed). Check the citation.
          </p>
        ) : null}
        {cited && cited.count > 0 ? (
          <ul
            className="list-reset event-card__citations"
            aria-label={`Citations for ${event.title}`}
          >
            {cited.citations.map((citation) => {
              const quote =
                citation.anchor.type === 'text'
                  ? citation.anchor.quote.exact
                  : citation.anchor.type === 'region'
                    ? 'Image region'
                    : 'Whole message';
              return (
                <li key={citation.id}>
                  <Link
                    className="citation-link"
                    href={paths.source(record.id, citation.sourceId, {
                      kind: 'citation',
                      id: citation.id,
                    })}
                  >
                    <Quote aria-hidden="true" />
                    <span className="citation-link__quote">
                      “{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}”
                    </span>
                    <span className="citation-link__source">
                      {cited.titles.get(citation.sourceId) ?? 'Missing source'}
                    </span>
                  </Link>
                </li>
              );
            })}
            {cited.count > CITATIONS_ON_CARD ? (
              <li className="faint small">
                and {(cited.count - CITATIONS_ON_CARD).toLocaleString('en-GB')} more citation
                {cited.count - CITATIONS_ON_CARD === 1 ? '' : 's'}
              </li>
            ) : null}
          </ul>
        ) : cited ? (
          <p className="faint small">No citation: this event is not backed by a source yet.</p>
        ) : null}
        {event.entityIds.length > 0 ? (
          <ul className="list-reset event-card__entities" aria-label={`Entities in ${event.title}`}>
            {event.entityIds.slice(0, 12).map((id) => {
              const entity = entities?.get(id);
              if (!entity) return null;
              return (
                <li key={id}>
                  <Link className="chip" href={paths.entity(record.id, id)}>
                    <span className="type-dot" data-type={entity.type} aria-hidden="true" />
                    {entity.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </article>
  );
});
