import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { AlertTriangle, CheckCircle2, HelpCircle, Pencil, Quote, Trash2 } from 'lucide-react';
import type { Entity, ReviewState, TagColor, Verification } from '@shared/schemas/records';
import {
  buildListRows,
  entityIdsAt,
  type ListRows,
  FLAG_UNCERTAIN,
  REVIEW_CODES,
  stringAt,
  tagsAt,
  VERIFICATION_CODES,
  type TimelineColumns,
} from '@shared/domain/timeline/columns';
import { VERIFICATION_LABELS } from '@shared/domain/timeline/evidence';
import type { CitationSummary } from '../../db';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

interface TimelineListProps {
  columns: TimelineColumns;
  /** The events to list (numbers into the columns), in display order. */
  events: Uint32Array;
  /** The number of the selected event, or -1. */
  selectedIndex: number;
  entities: Map<string, Entity> | undefined;
  tagColor: (tag: string) => TagColor;
  onSelect: (eventId: string) => void;
  onOpen: (eventId: string) => void;
  onDelete: (eventId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

const CITATIONS_ON_CARD = 3;
/** The evidence of cards is read for blocks of this many rows at a time, as the list scrolls. */
const EVIDENCE_BLOCK = 16;

/** What a card draws of an event: read from the columns once per snapshot and kept. */
interface CardData {
  id: string;
  title: string;
  date: string;
  uncertain: boolean;
  verification: Verification;
  review: ReviewState;
  tags: string[];
  description: string;
  entityIds: string[];
  /** How many citations the event has, or undefined while not known. */
  citationCount: number | undefined;
}

function cardData(columns: TimelineColumns, index: number): CardData {
  return {
    id: stringAt(columns.ids, index),
    title: stringAt(columns.titles, index),
    date: stringAt(columns.dates, index),
    uncertain: Boolean((columns.flags[index] as number) & FLAG_UNCERTAIN),
    verification: VERIFICATION_CODES[columns.verification[index] as number] ?? 'unverified',
    review: REVIEW_CODES[columns.review[index] as number] ?? 'open',
    tags: tagsAt(columns, index),
    description: stringAt(columns.snippets, index),
    entityIds: entityIdsAt(columns, index),
    citationCount: columns.citationsKnown ? columns.citations[index] : undefined,
  };
}

/**
 * A card's height before it is drawn, from what it holds (title, tags, description, citations,
 * entities), so that the scroll bar is about right and measuring a card moves little.
 */
function estimateCard(columns: TimelineColumns, index: number): number {
  const description =
    (columns.snippets.offsets[index + 1] as number) -
    (columns.snippets.offsets[index] as number) -
    1;
  const citations = columns.citationsKnown ? (columns.citations[index] as number) : 1;
  const hasTags = (columns.tagStart[index + 1] as number) > (columns.tagStart[index] as number);
  const hasEntities =
    (columns.entityStart[index + 1] as number) > (columns.entityStart[index] as number);
  return (
    12 + // the gap under the card
    34 + // its padding and border
    26 + // the title
    (hasTags ? 30 : 0) +
    (description > 0 ? 8 + 20 * Math.ceil(description / 90) : 0) +
    (citations === 0
      ? 28
      : 8 +
        50 * Math.min(citations, CITATIONS_ON_CARD) +
        (citations > CITATIONS_ON_CARD ? 22 : 0)) +
    (hasEntities ? 34 : 0)
  );
}

/** The rows of a list of events and their estimated heights, kept while the list lives. */
const listRows = new WeakMap<Uint32Array, ListRows & { estimates: Float32Array }>();

function listRowsOf(columns: TimelineColumns, events: Uint32Array) {
  let known = listRows.get(events);
  if (!known) {
    const { rows, headings } = buildListRows(columns, events);
    // Estimates for every row at once (the virtualizer asks for them again and again).
    const estimates = new Float32Array(rows.length);
    for (let r = 0; r < rows.length; r += 1) {
      const value = rows[r] as number;
      estimates[r] =
        value >= 0 ? estimateCard(columns, value) : headings[-1 - value]?.kind === 'year' ? 52 : 36;
    }
    known = { rows, headings, estimates };
    listRows.set(events, known);
  }
  return known;
}

/**
 * Measures a row from its ResizeObserver entry only. The default reads the element's height when
 * it is first drawn, which makes the browser lay the page out again for every new row while
 * scrolling; the observer reports the same height after the frame's one layout.
 */
function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  );
}

/**
 * The events grouped under year and month headings, virtualized so 100,000 events scroll as
 * smoothly as ten: only the rows in view are drawn, their evidence is read a block of rows at a
 * time, and nothing is measured by forcing a layout. The region keeps the name "Timeline".
 */
export function TimelineList({
  columns,
  events,
  selectedIndex,
  entities,
  tagColor,
  onSelect,
  onOpen,
  onDelete,
  onKeyDown,
}: TimelineListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, headings, estimates } = useMemo(
    () => listRowsOf(columns, events),
    [columns, events],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimates[index] ?? 150,
    // Event numbers and heading keys: cheap to make and to look up, for every row.
    getItemKey: (index) => {
      const value = rows[index] as number;
      return value >= 0 ? value : (headings[-1 - value]?.key ?? `r${index}`);
    },
    measureElement: measureRow,
    overscan: 4,
  });
  const selectedRow = useMemo(
    () => (selectedIndex >= 0 ? rows.indexOf(selectedIndex) : -1),
    [rows, selectedIndex],
  );
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
    // Scroll only when the selection moves, not on every data change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedRow]);

  // Card data is made once per event and snapshot, so that a drawn card is not drawn again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new cache for each snapshot
  const cards = useMemo(() => new Map<number, CardData>(), [columns]);
  const cardAt = (index: number) => {
    let card = cards.get(index);
    if (!card) {
      card = cardData(columns, index);
      cards.set(index, card);
    }
    return card;
  };

  const items = virtualizer.getVirtualItems();
  // The evidence of the cards in view: one query for a block of rows around them.
  const firstRow = items[0]?.index ?? 0;
  const blockStart = Math.floor(firstRow / EVIDENCE_BLOCK) * EVIDENCE_BLOCK;
  const blockIds = useMemo(() => {
    const ids: string[] = [];
    const end = Math.min(rows.length, blockStart + 3 * EVIDENCE_BLOCK);
    for (let r = blockStart; r < end; r += 1) {
      const value = rows[r] as number;
      if (value >= 0) ids.push(stringAt(columns.ids, value));
    }
    return ids;
  }, [columns, rows, blockStart]);
  const evidence = useEvidence(blockIds);

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
          const value = rows[item.index] as number;
          // React sets styles through the CSSOM, which the CSP allows (it forbids style attributes).
          const place = { transform: `translateY(${item.start}px)` };
          if (value < 0) {
            const heading = headings[-1 - value];
            if (!heading) return null;
            if (heading.kind === 'year') {
              return (
                <li
                  key={heading.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={place}
                  className="timeline__item timeline__year"
                >
                  <h3>
                    {String(heading.year).padStart(4, '0')}
                    <span className="faint small">
                      {' '}
                      · {heading.count.toLocaleString('en-GB')} event
                      {heading.count === 1 ? '' : 's'}
                    </span>
                  </h3>
                </li>
              );
            }
            return (
              <li
                key={heading.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={place}
                className="timeline__item timeline__month"
              >
                <h4>{heading.label}</h4>
              </li>
            );
          }
          const card = cardAt(value);
          return (
            <li
              key={card.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={place}
              className="timeline__item"
            >
              <EventCard
                card={card}
                evidence={evidence.get(card.id)}
                entities={entities}
                tagColor={tagColor}
                selected={value === selectedIndex}
                onSelect={onSelect}
                onOpen={onOpen}
                onDelete={onDelete}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * The evidence of the events of a block of rows, kept up to date with the database, and what was
 * read for earlier blocks, so that a card scrolled back into view has its citations at once.
 */
function useEvidence(ids: readonly string[]): Map<string, CitationSummary> {
  const { repos } = useCase();
  const key = ids.join(' ');
  const read = useLiveQuery(
    () =>
      ids.length ? repos.events.citationSummaries(ids, CITATIONS_ON_CARD) : Promise.resolve(null),
    // The ids are the key's parts.
    [repos, key],
  );
  // Each answer is added to what was read before (state derived during render: no extra pass).
  const [kept, setKept] = useState<{ read: unknown; map: Map<string, CitationSummary> }>({
    read: null,
    map: new Map(),
  });
  if (read && read !== kept.read) {
    const map = new Map(kept.map.size > 2_000 ? [] : kept.map);
    for (const [id, summary] of read) map.set(id, summary);
    setKept({ read, map });
    return map;
  }
  return kept.map;
}

interface EventCardProps {
  card: CardData;
  evidence: CitationSummary | undefined;
  entities: Map<string, Entity> | undefined;
  tagColor: (tag: string) => TagColor;
  selected: boolean;
  onSelect: (eventId: string) => void;
  onOpen: (eventId: string) => void;
  onDelete: (eventId: string) => void;
}

const EventCard = memo(function EventCard({
  card,
  evidence,
  entities,
  tagColor,
  selected,
  onSelect,
  onOpen,
  onDelete,
}: EventCardProps) {
  const { record } = useCase();
  const broken =
    evidence?.citations.filter((c) => c.health === 'missing' || c.health === 'no-source') ?? [];
  // Until the evidence is read, keep the room its citations will take.
  const waiting = evidence === undefined && card.citationCount !== 0;
  return (
    <article
      className={selected ? 'event-card event-card--selected' : 'event-card'}
      aria-label={card.title}
      aria-current={selected ? 'true' : undefined}
      data-event-id={card.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, input, select, textarea')) return;
        onSelect(card.id);
      }}
      onDoubleClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button')) return;
        onOpen(card.id);
      }}
    >
      <div
        className={
          card.uncertain ? 'event-card__date event-card__date--uncertain' : 'event-card__date'
        }
      >
        <time>{card.date}</time>
        <span className={`status status--${card.verification}`}>
          {VERIFICATION_LABELS[card.verification]}
        </span>
        {card.review === 'approved' ? (
          <span className="review review--approved">
            <CheckCircle2 aria-hidden="true" /> Approved
          </span>
        ) : card.review === 'questioned' ? (
          <span className="review review--questioned">
            <HelpCircle aria-hidden="true" /> Questioned
          </span>
        ) : null}
      </div>
      <div className="event-card__body">
        <div className="event-card__head">
          <h3>
            <button type="button" className="event-card__title" onClick={() => onSelect(card.id)}>
              {card.title}
            </button>
          </h3>
          <div className="event-card__actions">
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label={`Edit ${card.title}`}
              title="Edit"
              onClick={() => onOpen(card.id)}
            >
              <Pencil aria-hidden="true" />
            </button>
            <button
              type="button"
              className="button button--ghost button--icon button--small"
              aria-label={`Delete ${card.title}`}
              title="Delete"
              onClick={() => onDelete(card.id)}
            >
              <Trash2 aria-hidden="true" />
            </button>
          </div>
        </div>
        {card.tags.length > 0 ? (
          <ul className="list-reset event-card__tags" aria-label={`Tags of ${card.title}`}>
            {card.tags.map((tag) => (
              <li key={tag} className="tag" data-color={tagColor(tag)}>
                #{tag}
              </li>
            ))}
          </ul>
        ) : null}
        {card.description ? <p className="event-card__description">{card.description}</p> : null}
        {broken.length > 0 ? (
          <p className="flag" role="note">
            <AlertTriangle aria-hidden="true" /> A cited quote is no longer in its source (the text
            was corrected or removed). Check the citation.
          </p>
        ) : null}
        {waiting ? (
          <div
            className="event-card__citations event-card__citations--waiting"
            data-count={Math.min(card.citationCount ?? 1, CITATIONS_ON_CARD)}
            aria-hidden="true"
          />
        ) : evidence && evidence.count > 0 ? (
          <ul
            className="list-reset event-card__citations"
            aria-label={`Citations for ${card.title}`}
          >
            {evidence.citations.map(({ citation, sourceTitle }) => {
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
                    <span className="citation-link__source">{sourceTitle ?? 'Missing source'}</span>
                  </Link>
                </li>
              );
            })}
            {evidence.count > CITATIONS_ON_CARD ? (
              <li className="faint small">
                and {(evidence.count - CITATIONS_ON_CARD).toLocaleString('en-GB')} more citation
                {evidence.count - CITATIONS_ON_CARD === 1 ? '' : 's'}
              </li>
            ) : null}
          </ul>
        ) : (
          <p className="faint small">No citation: this event is not backed by a source yet.</p>
        )}
        {card.entityIds.length > 0 ? (
          <ul className="list-reset event-card__entities" aria-label={`Entities in ${card.title}`}>
            {card.entityIds.slice(0, 12).map((id) => {
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
