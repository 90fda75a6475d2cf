import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarClock, Pencil, Quote, Trash2 } from 'lucide-react';
import type { Citation, Entity, Event, Source } from '@shared/schemas/records';
import { formatPartialDate } from '@shared/domain/partialDate';
import { ConfirmDialog, EmptyState, Loading, plural, useToast } from '../../ui';
import { plainTextOf } from '../../editor';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { EventDialog } from './EventDialog';
import './timeline.css';

interface TimelineData {
  events: Event[];
  citations: Map<string, Citation[]>;
  sources: Map<string, Pick<Source, 'id' | 'title'>>;
  entities: Map<string, Pick<Entity, 'id' | 'name' | 'type'>>;
}

/** The case's events in date order, each with its dated title, citations and entities. */
export function TimelineScreen({ eventId }: { eventId?: string | undefined }) {
  const { repos } = useCase();
  const data = useLiveQuery(async (): Promise<TimelineData> => {
    const [events, citations, sources, entities] = await Promise.all([
      repos.events.listInDateOrder(),
      repos.events.citationsByEvent(),
      repos.store.db.sources.toArray(),
      repos.store.db.entities.toArray(),
    ]);
    return {
      events,
      citations,
      sources: new Map(sources.map((s) => [s.id, { id: s.id, title: s.title }])),
      entities: new Map(entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type }])),
    };
  }, [repos]);
  const [editing, setEditing] = useState<Event>();
  const [deleting, setDeleting] = useState<Event>();

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="panel-header">
        <h2>Timeline</h2>
        {data ? <span className="badge">{plural(data.events.length, 'event')}</span> : null}
      </div>
      {data === undefined ? (
        <Loading label="Loading the timeline…" />
      ) : data.events.length === 0 ? (
        <EmptyState icon={<CalendarClock aria-hidden="true" />} title="No events yet">
          Open a source, select the passage that says what happened and choose Add event (or press
          E). Each event keeps the exact words it rests on.
        </EmptyState>
      ) : (
        <TimelineList data={data} selectedId={eventId} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing ? <EventDialog open event={editing} onClose={() => setEditing(undefined)} /> : null}
      {deleting ? (
        <DeleteEventDialog event={deleting} onClose={() => setDeleting(undefined)} />
      ) : null}
    </section>
  );
}

interface TimelineListProps {
  data: TimelineData;
  selectedId?: string | undefined;
  onEdit: (event: Event) => void;
  onDelete: (event: Event) => void;
}

function TimelineList({ data, selectedId, onEdit, onDelete }: TimelineListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: data.events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
  });
  const selectedIndex = useMemo(
    () => (selectedId ? data.events.findIndex((e) => e.id === selectedId) : -1),
    [data.events, selectedId],
  );
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    // Scroll only when the selection changes, not on every data change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="timeline__scroll" ref={scrollRef}>
      <ol className="list-reset timeline__list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const event = data.events[item.index] as Event;
          return (
            <li
              key={event.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="timeline__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <EventCard
                event={event}
                citations={data.citations.get(event.id) ?? []}
                sources={data.sources}
                entities={data.entities}
                selected={event.id === selectedId}
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
  citations: Citation[];
  sources: TimelineData['sources'];
  entities: TimelineData['entities'];
  selected: boolean;
  onEdit: (event: Event) => void;
  onDelete: (event: Event) => void;
}

const EventCard = memo(function EventCard({
  event,
  citations,
  sources,
  entities,
  selected,
  onEdit,
  onDelete,
}: EventCardProps) {
  const { record } = useCase();
  const description = plainTextOf(event.description, 400);
  return (
    <article
      className={selected ? 'event-card event-card--selected' : 'event-card'}
      aria-label={event.title}
    >
      <div className="event-card__date">
        <time>{formatPartialDate(event.date)}</time>
      </div>
      <div className="event-card__body">
        <div className="event-card__head">
          <h3>{event.title}</h3>
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
        {description ? <p className="event-card__description">{description}</p> : null}
        {citations.length > 0 ? (
          <ul
            className="list-reset event-card__citations"
            aria-label={`Citations for ${event.title}`}
          >
            {citations.map((citation) => {
              const source = sources.get(citation.sourceId);
              const quote =
                citation.anchor.type === 'text' ? citation.anchor.quote.exact : 'Cited region';
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
                      {source?.title ?? 'Missing source'}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="faint small">No citation: this event is not backed by a source yet.</p>
        )}
        {event.entityIds.length > 0 ? (
          <ul className="list-reset event-card__entities" aria-label={`Entities in ${event.title}`}>
            {event.entityIds.map((id) => {
              const entity = entities.get(id);
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

function DeleteEventDialog({ event, onClose }: { event: Event; onClose: () => void }) {
  const { repos } = useCase();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmDialog
      open
      title={`Delete “${event.title}”?`}
      confirmLabel="Delete event"
      danger
      busy={busy}
      onCancel={onClose}
      onConfirm={async () => {
        setBusy(true);
        try {
          await repos.events.remove(event.id);
          toast.show(`Deleted “${event.title}”. The sources it cited are unchanged.`, 'success');
          onClose();
        } catch (cause) {
          toast.show(cause instanceof Error ? cause.message : String(cause), 'error');
          setBusy(false);
        }
      }}
    >
      <p>
        The event, its citations and its comments are removed from the timeline. The sources are not
        touched.
      </p>
    </ConfirmDialog>
  );
}
