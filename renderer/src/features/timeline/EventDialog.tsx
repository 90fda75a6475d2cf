import { errorMessage } from '@shared/domain/errorMessage';
import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { Lightbulb } from 'lucide-react';
import type { Entity, Event, Verification } from '@shared/schemas/records';
import type { PartialDate } from '@shared/schemas/partialDate';
import {
  formatPartialDate,
  normalizeTimeZone,
  parsePartialDate,
  withTimeZone,
} from '@shared/domain/partialDate';
import { anchorsOverlap } from '@shared/domain/anchorOverlap';
import { suggestDates, type DateSuggestion } from '@shared/domain/dateSuggestions';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { VERIFICATION_LABELS } from '@shared/domain/timeline/evidence';
import { foldText } from '@shared/domain/timeline/rows';
import { Dialog, Field, Notice, useToast } from '../../ui';
import { RichTextEditor, plainTextOf, entityMentionChoices } from '../../editor';
import { readRichText } from '../../editor/rich';
import { paths } from '../../navigation/paths';
import { newId, type NewCitation } from '../../db';
import { useCase } from '../cases';
import { useEventHistory } from './useHistory';

export interface EventDialogProps {
  open: boolean;
  /** The passage the new event is backed by (or that is added to an existing event). */
  citation?: NewCitation;
  /** The event to edit; without it the dialog creates one. */
  event?: Event;
  /**
   * When the cited material itself was made or sent (a chat message's time, an email's Date), as
   * the source states it. Offered as a date, and used to read "on Monday" in the passage. Without
   * it, the dialog looks up the message or the source of the citation itself.
   */
  sourceDate?: PartialDate;
  /** Start in "Add to existing event" (the reader's "Add to event"). */
  startWith?: 'new' | 'existing';
  onClose: () => void;
  /** Called with the event created, edited or cited. */
  onSaved?: (eventId: string) => void;
}

/** Values of the time zone choice besides the zone names themselves. */
const LOCAL = '';
const OTHER = 'other';

/** Reads the date field: the parsed date, or the reason it cannot be read. */
function readDate(
  text: string,
  approximate: boolean,
  zoneChoice: string,
  otherZone: string,
): { date?: PartialDate; error?: string } {
  if (!text.trim())
    return {
      error:
        'Give the event a date, as precise as the source allows: "2020", "April 2020", "c. 2019".',
    };
  const result = parsePartialDate(text);
  if (!result.ok) return { error: result.error };
  let date: PartialDate = { ...result.date, approximate: result.date.approximate || approximate };
  if (!result.date.timeZone) {
    if (zoneChoice === OTHER) {
      const zone = normalizeTimeZone(otherZone);
      if (!zone)
        return {
          error: `"${otherZone}" is not a time zone I know: try "Europe/Berlin" or "+02:00".`,
        };
      date = withTimeZone(date, zone);
    } else if (zoneChoice) {
      date = withTimeZone(date, zoneChoice);
    }
  }
  return { date };
}

/** Entities tagged inside the cited passage, so the event can name them without a search. */
async function entitiesInPassage(
  repos: ReturnType<typeof useCase>['repos'],
  citation: NewCitation | undefined,
): Promise<string[]> {
  if (!citation) return [];
  const mentions = await repos.mentions.forSource(citation.sourceId);
  return mentions.filter((m) => anchorsOverlap(citation.anchor, m.anchor)).map((m) => m.entityId);
}

function initialDescription(event: Event | undefined): {
  value: unknown;
  problem?: string;
  raw?: string;
} {
  if (!event) return { value: undefined };
  const read = readRichText(event.description);
  if (read.ok) return { value: read.doc };
  // A damaged description is offered as plain paragraphs to repair, never thrown away silently.
  return {
    value: {
      type: 'doc',
      content: read.raw
        .split(/\n+/)
        .slice(0, 5_000)
        .map((line) => ({
          type: 'paragraph',
          content: line ? [{ type: 'text', text: line }] : [],
        })),
    },
    problem: read.error,
    raw: read.raw,
  };
}

/**
 * Adds an event backed by a quoted passage, adds the passage to an existing event, or edits an
 * event. Dates are typed as the source states them; dates read from the passage are offered.
 */
export function EventDialog({
  open,
  citation,
  event,
  sourceDate,
  startWith,
  onClose,
  onSaved,
}: EventDialogProps) {
  const { repos, record } = useCase();
  const { actions } = useEventHistory();
  const toast = useToast();
  const [, navigate] = useLocation();
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);
  const suggested = useLiveQuery(() => entitiesInPassage(repos, citation), [repos, citation]);
  const context = useLiveQuery(
    async () => (citation ? repos.events.citedContext(citation) : null),
    [repos, citation],
  );
  const existingCitations = useLiveQuery(
    async () => (event ? repos.events.citationsOf(event.id, 500) : []),
    [repos, event?.id],
  );
  const sourceTitles = useLiveQuery(async () => {
    const sources = await repos.sources.list();
    return new Map(sources.map((s) => [s.id, s.title]));
  }, [repos]);
  const knownTags = useLiveQuery(() => repos.tags.list(), [repos]);

  const [mode, setMode] = useState<'new' | 'existing'>(
    citation && !event && startWith === 'existing' ? 'existing' : 'new',
  );
  const [title, setTitle] = useState(event?.title ?? '');
  const [dateText, setDateText] = useState(() => {
    if (event)
      return formatPartialDate({ ...withTimeZone(event.date, undefined), approximate: false });
    return sourceDate ? formatPartialDate(withTimeZone(sourceDate, undefined)) : '';
  });
  const [zoneChoice, setZoneChoice] = useState<string>(
    event?.date.timeZone ?? sourceDate?.timeZone ?? LOCAL,
  );
  const [otherZone, setOtherZone] = useState('');
  const [approximate, setApproximate] = useState(event?.date.approximate ?? false);
  const [initial] = useState(() => initialDescription(event));
  const [description, setDescription] = useState<unknown>(initial.value);
  const [tagsText, setTagsText] = useState((event?.tags ?? []).join(', '));
  const [verification, setVerification] = useState<Verification>(
    event?.verification ?? 'unverified',
  );
  const [picked, setPicked] = useState<Set<string> | undefined>(
    event ? new Set(event.entityIds) : undefined,
  );
  const [entityFilter, setEntityFilter] = useState('');
  const [eventFilter, setEventFilter] = useState('');
  const [target, setTarget] = useState<string>();
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The new citation's id is made now, so that the description can already cite it.
  const [pendingCitationId] = useState(() => newId());
  const zoneId = useId();
  const tagsListId = useId();

  const reference = sourceDate ?? context?.reference;
  const referenceLabel = sourceDate
    ? 'the message’s date'
    : (context?.referenceLabel ?? 'the source’s date');
  const quote = citation?.anchor.type === 'text' ? citation.anchor.quote.exact : undefined;
  const before = context?.before;
  const suggestions = useMemo<DateSuggestion[]>(() => {
    if (!citation || event) return [];
    if (!quote && !reference) return [];
    return suggestDates({
      passage: quote ?? '',
      ...(before ? { before } : {}),
      ...(reference ? { reference } : {}),
      referenceLabel,
    }).slice(0, 8);
  }, [citation, event, quote, reference, referenceLabel, before]);

  // Until the reporter changes the choice, the entities tagged in the passage are checked.
  const chosen = picked ?? new Set(suggested ?? []);
  const typed = parsePartialDate(dateText);
  const typedZone = typed.ok ? typed.date.timeZone : undefined;
  const parsed = readDate(dateText, approximate, zoneChoice, otherZone);
  const textSaysApproximate = typed.ok && typed.date.approximate;
  const titleError = touched && !title.trim() ? 'Give the event a title.' : undefined;
  const dateError = touched || dateText ? parsed.error : undefined;

  const entityOptions = useMemo(() => {
    const list = entities ?? [];
    const folded = foldName(entityFilter);
    const filtered = folded ? list.filter((e) => foldName(e.name).includes(folded)) : list;
    const first = new Set(suggested ?? []);
    return [...filtered].sort(
      (a, b) => Number(first.has(b.id)) - Number(first.has(a.id)) || a.name.localeCompare(b.name),
    );
  }, [entities, entityFilter, suggested]);

  const findEntities = (query: string) => entityMentionChoices(entities, query);

  const citationChoices = useMemo(() => {
    const list = (existingCitations ?? []).map((c) => ({
      id: c.id,
      sourceId: c.sourceId,
      quote:
        c.anchor.type === 'text'
          ? c.anchor.quote.exact
          : c.anchor.type === 'region'
            ? 'Image region'
            : 'Whole message',
      sourceTitle: sourceTitles?.get(c.sourceId) ?? 'Source',
    }));
    if (citation && !event) {
      list.unshift({
        id: pendingCitationId,
        sourceId: citation.sourceId,
        quote: quote ?? (citation.anchor.type === 'region' ? 'Image region' : 'Whole message'),
        sourceTitle: sourceTitles?.get(citation.sourceId) ?? 'This source',
      });
    }
    return list;
  }, [existingCitations, sourceTitles, citation, event, pendingCitationId, quote]);

  const toggle = (entity: Entity) => {
    const next = new Set(chosen);
    if (next.has(entity.id)) next.delete(entity.id);
    else next.add(entity.id);
    setPicked(next);
  };

  const applySuggestion = (suggestion: DateSuggestion) => {
    setDateText(
      formatPartialDate({ ...withTimeZone(suggestion.date, undefined), approximate: false }),
    );
    setApproximate(suggestion.date.approximate);
    setZoneChoice(suggestion.date.timeZone ?? LOCAL);
  };

  const submitExisting = async () => {
    if (!citation) return;
    if (!target) {
      setError('Choose the event this passage backs.');
      return;
    }
    setBusy(true);
    try {
      await actions.addCitations(target, [citation]);
      const cited = await repos.events.get(target);
      toast.show(
        <>
          Added the passage to “{cited?.title}”.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => navigate(paths.event(record.id, target))}
          >
            Show it
          </button>
        </>,
        'success',
      );
      onSaved?.(target);
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (mode === 'existing') {
      await submitExisting();
      return;
    }
    setTouched(true);
    if (!title.trim() || !parsed.date) return;
    setBusy(true);
    try {
      const fields = {
        title,
        date: parsed.date,
        description,
        entityIds: [...chosen],
        tags: tagsText
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        verification,
      };
      if (event) {
        await actions.update(event.id, fields);
        toast.show(`Saved “${title.trim()}”.`, 'success');
        onSaved?.(event.id);
      } else {
        const created = await actions.create(
          fields,
          citation ? [{ ...citation, id: pendingCitationId }] : [],
        );
        toast.show(
          <>
            Added “{created.title}” to the timeline.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate(paths.event(record.id, created.id))}
            >
              Show it
            </button>
          </>,
          'success',
        );
        onSaved?.(created.id);
      }
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      wide
      title={event ? 'Edit event' : 'Add event'}
      description={
        event
          ? undefined
          : citation
            ? 'The selected passage becomes the event’s citation: its exact words, kept with the source’s hash.'
            : 'An event with no citation yet: cite a passage later from a source (Add event, then “Add to existing event”).'
      }
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {event ? 'Save event' : mode === 'existing' ? 'Add citation' : 'Add to timeline'}
          </button>
        </>
      }
    >
      {quote ? (
        <blockquote className="quote" aria-label="Citation">
          {quote.length > 600 ? `${quote.slice(0, 600)}…` : quote}
        </blockquote>
      ) : null}
      {citation && !event ? (
        <div className="segmented" role="radiogroup" aria-label="Cite this passage for">
          <label className="segmented__option">
            <input
              type="radio"
              name="event-mode"
              checked={mode === 'new'}
              onChange={() => setMode('new')}
            />
            New event
          </label>
          <label className="segmented__option">
            <input
              type="radio"
              name="event-mode"
              checked={mode === 'existing'}
              onChange={() => setMode('existing')}
            />
            Add to existing event
          </label>
        </div>
      ) : null}
      {mode === 'existing' ? (
        <ExistingEventPicker
          filter={eventFilter}
          onFilter={setEventFilter}
          target={target}
          onTarget={(id) => {
            setTarget(id);
            setError(undefined);
          }}
        />
      ) : (
        <>
          <Field label="Title" error={titleError}>
            <input
              className="input"
              value={title}
              autoFocus
              maxLength={500}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Field>
          <div className="event-date-row">
            <Field
              label="Date"
              className="event-date-row__date"
              error={dateError}
              hint={
                parsed.date ? (
                  <>
                    Reads as <strong>{formatPartialDate(parsed.date)}</strong>
                  </>
                ) : (
                  'As precise as the source: "2020", "April 2020", "c. 2020", "2020-04-14 15:00 UTC", "between March and May 2020", "before 14 April 2020".'
                )
              }
            >
              <input
                className="input"
                value={dateText}
                maxLength={200}
                placeholder="e.g. April 2020"
                onChange={(e) => setDateText(e.target.value)}
              />
            </Field>
            <label className="checkbox event-date-row__approx">
              <input
                type="checkbox"
                checked={approximate || textSaysApproximate}
                disabled={textSaysApproximate}
                title={
                  textSaysApproximate ? 'The date as typed says it is approximate.' : undefined
                }
                onChange={(e) => setApproximate(e.target.checked)}
              />
              Approximate
            </label>
          </div>
          <div className="event-zone-row">
            <div className="field">
              <label className="field__label" htmlFor={zoneId}>
                Time zone
              </label>
              <select
                id={zoneId}
                className="select"
                value={typedZone ? 'typed' : zoneChoice}
                disabled={Boolean(typedZone)}
                onChange={(e) => setZoneChoice(e.target.value)}
              >
                {typedZone ? <option value="typed">As typed: {typedZone}</option> : null}
                <option value={LOCAL}>Local time of the source (zone not stated)</option>
                <option value="UTC">UTC</option>
                {zoneChoice && zoneChoice !== 'UTC' && zoneChoice !== OTHER ? (
                  <option value={zoneChoice}>{zoneChoice}</option>
                ) : null}
                <option value={OTHER}>Other…</option>
              </select>
            </div>
            {zoneChoice === OTHER && !typedZone ? (
              <Field
                label="Other time zone"
                hint='A zone name such as "Europe/Berlin", or an offset such as "+02:00".'
              >
                <input
                  className="input"
                  value={otherZone}
                  onChange={(e) => setOtherZone(e.target.value)}
                />
              </Field>
            ) : null}
          </div>
          {reference ? (
            <p className="faint small">
              The source itself is dated <strong>{formatPartialDate(reference)}</strong> (
              {referenceLabel}). The event’s date is when the thing happened, which may differ.
            </p>
          ) : null}
          {suggestions.length > 0 ? (
            <section className="date-suggestions" aria-label="Date suggestions">
              <h3 className="field__label">
                <Lightbulb aria-hidden="true" className="inline-icon" /> Dates in the passage
              </h3>
              <ul className="list-reset">
                {suggestions.map((suggestion) => {
                  const label = formatPartialDate(suggestion.date);
                  return (
                    <li key={`${label}|${suggestion.text}`} className="date-suggestion">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Use ${label}`}
                        onClick={() => applySuggestion(suggestion)}
                      >
                        {label}
                      </button>
                      <span className="date-suggestion__from small">
                        {suggestion.origin === 'passage' ? (
                          <>from “{suggestion.text}”</>
                        ) : (
                          suggestion.text
                        )}
                        {suggestion.note ? (
                          <span className="faint"> · {suggestion.note}</span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          <div className="field">
            <span className="field__label">Description</span>
            {initial.problem ? (
              <Notice tone="warning" live={false}>
                {initial.problem} The text below is what could be read of it; saving stores it as a
                new description.
              </Notice>
            ) : null}
            <RichTextEditor
              value={description}
              onChange={setDescription}
              label="Description"
              findEntities={findEntities}
              entityHref={(id) => `#${paths.entity(record.id, id)}`}
              citations={citationChoices}
              citationHref={(citationId, sourceId) =>
                `#${paths.source(record.id, sourceId, { kind: 'citation', id: citationId })}`
              }
            />
            {plainTextOf(description, 1).length === 0 ? null : (
              <span className="faint small">
                Type @ to mention an entity; select words and choose Cite to link them to a quote.
              </span>
            )}
          </div>
          <div className="event-meta-row">
            <Field label="Tags" hint="Separate tags with commas.">
              <input
                className="input"
                value={tagsText}
                list={tagsListId}
                maxLength={600}
                onChange={(e) => setTagsText(e.target.value)}
              />
            </Field>
            <datalist id={tagsListId}>
              {(knownTags ?? []).map((tag) => (
                <option key={tag.name} value={tag.name} />
              ))}
            </datalist>
            <Field label="Verification">
              <select
                className="select"
                value={verification}
                onChange={(e) => setVerification(e.target.value as Verification)}
              >
                {Object.entries(VERIFICATION_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset className="entity-picker">
            <legend className="field__label">Entities</legend>
            {entities && entities.length > 6 ? (
              <input
                className="input"
                type="search"
                placeholder="Filter entities"
                aria-label="Filter entities"
                value={entityFilter}
                onChange={(e) => setEntityFilter(e.target.value)}
              />
            ) : null}
            {entities && entities.length === 0 ? (
              <p className="faint small">
                No entities in this case yet. Tag names in the sources to link them to events.
              </p>
            ) : (
              <ul className="list-reset entity-picker__list">
                {entityOptions.slice(0, 200).map((entity) => (
                  <li key={entity.id}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.has(entity.id)}
                        onChange={() => toggle(entity)}
                      />
                      <span className="type-dot" data-type={entity.type} aria-hidden="true" />
                      {entity.name}
                      <span className="faint small">{entityTypeLabel(entity.type)}</span>
                      {suggested?.includes(entity.id) ? (
                        <span className="badge">in the passage</span>
                      ) : null}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}

/** A searchable list of the case's events to add a citation to. */
function ExistingEventPicker({
  filter,
  onFilter,
  target,
  onTarget,
}: {
  filter: string;
  onFilter: (text: string) => void;
  target: string | undefined;
  onTarget: (id: string) => void;
}) {
  const { repos } = useCase();
  const events = useLiveQuery(() => repos.events.listInDateOrder(), [repos]);
  const folded = foldText(filter.trim());
  const shown = useMemo(() => {
    const list = events ?? [];
    const words = folded.split(/\s+/).filter(Boolean);
    const matching = words.length
      ? list.filter((e) => {
          const hay = foldText(`${e.title} ${formatPartialDate(e.date)}`);
          return words.every((w) => hay.includes(w));
        })
      : list;
    return matching.slice(0, 100);
  }, [events, folded]);
  return (
    <div className="stack">
      <Field label="Find event" hint="Type words of its title or its date.">
        <input
          className="input"
          type="search"
          autoFocus
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
        />
      </Field>
      {events && events.length === 0 ? (
        <p className="faint small">
          The timeline has no events yet: add this passage as a new event.
        </p>
      ) : (
        <ul className="list-reset existing-events" role="radiogroup" aria-label="Events">
          {shown.map((event) => (
            <li key={event.id}>
              <label className="existing-event">
                <input
                  type="radio"
                  name="existing-event"
                  checked={target === event.id}
                  onChange={() => onTarget(event.id)}
                />
                <span className="existing-event__title">{event.title}</span>
                <span className="faint small">{formatPartialDate(event.date)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {events && shown.length === 0 && events.length > 0 ? (
        <p className="faint small">No event matches “{filter}”.</p>
      ) : null}
    </div>
  );
}
