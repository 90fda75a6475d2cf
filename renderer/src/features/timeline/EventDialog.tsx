import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import type { Entity, Event } from '@shared/schemas/records';
import type { PartialDate } from '@shared/schemas/partialDate';
import { formatPartialDate, parsePartialDate } from '@shared/domain/partialDate';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { Dialog, Field, Notice, useToast } from '../../ui';
import { RichTextEditor } from '../../editor';
import { paths } from '../../navigation/paths';
import type { NewCitation } from '../../db';
import { useCase } from '../cases';

interface EventDialogProps {
  open: boolean;
  /** The passage the new event is backed by. */
  citation?: NewCitation;
  /** The event to edit; without it the dialog creates one. */
  event?: Event;
  /**
   * When the cited material itself was made or sent (a chat message's time, an email's Date), as
   * the source states it. A new event starts with this date, which the reporter can change.
   */
  sourceDate?: PartialDate;
  onClose: () => void;
}

/** Reads the date field: the parsed date, or the reason it cannot be read. */
function readDate(text: string, approximate: boolean): { date?: PartialDate; error?: string } {
  if (!text.trim())
    return {
      error:
        'Give the event a date, as precise as the source allows: "2020", "April 2020", "c. 2019".',
    };
  const result = parsePartialDate(text);
  if (!result.ok) return { error: result.error };
  return { date: { ...result.date, approximate: result.date.approximate || approximate } };
}

/** Entities tagged inside the cited passage, so the event can name them without a search. */
async function entitiesInPassage(
  repos: ReturnType<typeof useCase>['repos'],
  citation: NewCitation | undefined,
): Promise<string[]> {
  if (!citation || citation.anchor.type !== 'text') return [];
  const { start, end } = citation.anchor.position;
  const mentions = await repos.mentions.forSource(citation.sourceId);
  return mentions
    .filter(
      (m) =>
        m.anchor.type === 'text' && m.anchor.position.start < end && m.anchor.position.end > start,
    )
    .map((m) => m.entityId);
}

/** Adds an event backed by a quoted passage, or edits one. */
export function EventDialog({ open, citation, event, sourceDate, onClose }: EventDialogProps) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [, navigate] = useLocation();
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);
  const suggested = useLiveQuery(() => entitiesInPassage(repos, citation), [repos, citation]);
  const [title, setTitle] = useState(event?.title ?? '');
  const [dateText, setDateText] = useState(() => {
    if (event) return formatPartialDate({ ...event.date, approximate: false });
    return sourceDate ? formatPartialDate(sourceDate) : '';
  });
  const [approximate, setApproximate] = useState(event?.date.approximate ?? false);
  const [description, setDescription] = useState<unknown>(event?.description);
  const [picked, setPicked] = useState<Set<string> | undefined>(
    event ? new Set(event.entityIds) : undefined,
  );
  const [entityFilter, setEntityFilter] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();

  // Until the reporter changes the choice, the entities tagged in the passage are checked.
  const chosen = picked ?? new Set(suggested ?? []);
  const parsed = readDate(dateText, approximate);
  const typed = parsePartialDate(dateText);
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

  const toggle = (entity: Entity) => {
    const next = new Set(chosen);
    if (next.has(entity.id)) next.delete(entity.id);
    else next.add(entity.id);
    setPicked(next);
  };

  const submit = async () => {
    setTouched(true);
    if (!title.trim() || !parsed.date) return;
    setBusy(true);
    try {
      const fields = { title, date: parsed.date, description, entityIds: [...chosen] };
      if (event) {
        await repos.events.update(event.id, fields);
        toast.show(`Saved “${title.trim()}”.`, 'success');
      } else {
        const created = await repos.events.create(fields, citation ? [citation] : []);
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
      }
      onClose();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const quote = citation?.anchor.type === 'text' ? citation.anchor.quote.exact : undefined;
  return (
    <Dialog
      open={open}
      wide
      title={event ? 'Edit event' : 'Add event'}
      description={
        event
          ? undefined
          : 'The selected passage becomes the event’s citation: its exact words, kept with the source’s hash.'
      }
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {event ? 'Save event' : 'Add to timeline'}
          </button>
        </>
      }
    >
      {quote ? (
        <blockquote className="quote" aria-label="Citation">
          {quote.length > 600 ? `${quote.slice(0, 600)}…` : quote}
        </blockquote>
      ) : null}
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
              'As precise as the source: "2020", "April 2020", "14 April 2020 15:00 UTC", "between March and May 2020".'
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
            title={textSaysApproximate ? 'The date as typed says it is approximate.' : undefined}
            onChange={(e) => setApproximate(e.target.checked)}
          />
          Approximate
        </label>
      </div>
      <div className="field">
        <span className="field__label" id={descriptionId}>
          Description
        </span>
        <RichTextEditor value={description} onChange={setDescription} label="Description" />
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
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}
