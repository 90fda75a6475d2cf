import { errorMessage } from '@shared/domain/errorMessage';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { CalendarClock, CalendarPlus, Redo2, SearchX, Undo2 } from 'lucide-react';
import type { Event, ReviewState, Verification } from '@shared/schemas/records';
import { intervalOf, parsePartialDate } from '@shared/domain/partialDate';
import { isFiltering, type TimelineFilter } from '@shared/domain/timeline/rows';
import { applyMask, filterMask, indexOfId, stringAt } from '@shared/domain/timeline/columns';
import { VERIFICATION_LABELS } from '@shared/domain/timeline/evidence';
import { ConfirmDialog, EmptyState, Loading, plural, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { EventDialog } from './lazy';
import { EventDetails } from './EventDetails';
import { TimelineList } from './TimelineList';
import { TimeAxis, type LaneMode } from './TimeAxis';
import { useEntityMap, useTagColors, useTagOptions, useTimelineData } from './useTimelineData';
import { useEventHistory } from './useHistory';

interface FilterForm {
  text: string;
  entityId: string;
  tag: string;
  verification: string;
  review: string;
  from: string;
  to: string;
}

const EMPTY = new Uint32Array(0);

const NO_FILTER: FilterForm = {
  text: '',
  entityId: '',
  tag: '',
  verification: '',
  review: '',
  from: '',
  to: '',
};

function readBound(text: string, edge: 'start' | 'end'): { value?: number; error?: string } {
  if (!text.trim()) return {};
  const parsed = parsePartialDate(text);
  if (!parsed.ok) return { error: parsed.error };
  const interval = intervalOf(parsed.date);
  return { value: edge === 'start' ? interval.start : interval.end };
}

/** True when a key press belongs to a field, an editor or a dialog rather than to the timeline. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.closest) return false;
  return Boolean(
    element.closest('input, textarea, select, [contenteditable="true"], dialog') ||
    document.querySelector('dialog[open]'),
  );
}

/** The case's timeline: filters, the time axis, the grouped list and the selected event. */
export function TimelineScreen({ eventId }: { eventId?: string | undefined }) {
  const { repos, record } = useCase();
  const [, navigate] = useLocation();
  const toast = useToast();
  const history = useEventHistory();
  const data = useTimelineData(repos);
  const entities = useEntityMap(repos);
  const tagColor = useTagColors(repos);
  const tags = useTagOptions(repos, data);
  const [form, setForm] = useState<FilterForm>(NO_FILTER);
  const [lanes, setLanes] = useState<LaneMode>('none');
  const [editing, setEditing] = useState<Event>();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Event>();
  const columns = data?.columns;

  const from = readBound(form.from, 'start');
  const to = readBound(form.to, 'end');
  const filter = useMemo<TimelineFilter>(
    () => ({
      ...(form.text.trim() ? { text: form.text } : {}),
      ...(form.entityId ? { entityId: form.entityId } : {}),
      ...(form.tag ? { tag: form.tag } : {}),
      ...(form.verification ? { verification: form.verification as Verification } : {}),
      ...(form.review ? { review: form.review as ReviewState } : {}),
      ...(from.value !== undefined ? { from: from.value } : {}),
      ...(to.value !== undefined ? { to: to.value } : {}),
    }),
    [form, from.value, to.value],
  );
  // Which events pass: one mask over the columns, then the list's order and the axis's order.
  const mask = useMemo(() => (columns ? filterMask(columns, filter) : null), [columns, filter]);
  const shown = useMemo(
    () => (columns ? applyMask(columns.displayOrder, mask) : EMPTY),
    [columns, mask],
  );
  const shownByStart = useMemo(
    () => (columns ? applyMask(columns.startOrder, mask) : EMPTY),
    [columns, mask],
  );
  const filtering = isFiltering(filter);
  const selectedIndex = useMemo(
    () => (columns && eventId ? indexOfId(columns, eventId) : -1),
    [columns, eventId],
  );
  // The selected event itself, read whole (the columns hold only what the list draws).
  const selected = useLiveQuery(
    async () =>
      eventId && selectedIndex >= 0 ? ((await repos.events.get(eventId)) ?? null) : null,
    [repos, eventId, selectedIndex],
  );

  const select = useCallback(
    (id: string | undefined) =>
      navigate(id ? paths.event(record.id, id) : paths.timeline(record.id), {
        replace: true,
      }),
    [navigate, record.id],
  );
  /** Reads an event whole, then hands it to a dialog. */
  const withEvent = useCallback(
    (then: (event: Event) => void) => (id: string) => {
      void repos.events.get(id).then((event) => {
        if (event) then(event);
      });
    },
    [repos],
  );
  const openEvent = useMemo(() => withEvent(setEditing), [withEvent]);
  const deleteEvent = useMemo(() => withEvent(setDeleting), [withEvent]);

  const move = (step: number | 'first' | 'last') => {
    if (!columns || shown.length === 0) return;
    const index = selectedIndex >= 0 ? shown.indexOf(selectedIndex) : -1;
    let next: number;
    if (step === 'first') next = 0;
    else if (step === 'last') next = shown.length - 1;
    else if (index < 0) next = step > 0 ? 0 : shown.length - 1;
    else next = Math.min(shown.length - 1, Math.max(0, index + step));
    select(stringAt(columns.ids, shown[next] as number));
  };

  const onNavigationKey = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('input, textarea, select')) return;
    const keys: Record<string, number | 'first' | 'last'> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      PageDown: 10,
      PageUp: -10,
      Home: 'first',
      End: 'last',
    };
    const step = keys[event.key];
    if (step !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      move(step);
    } else if (
      event.key === 'Enter' &&
      selected &&
      !(event.target as HTMLElement).closest('button, a')
    ) {
      event.preventDefault();
      setEditing(selected);
    }
  };

  const undo = useCallback(async () => {
    try {
      const label = await history.undo();
      toast.show(label ? `Undone: ${label}.` : 'Nothing to undo.', 'info');
    } catch (cause) {
      toast.show(`Could not undo: ${errorMessage(cause)}`, 'error');
    }
  }, [history, toast]);
  const redo = useCallback(async () => {
    try {
      const label = await history.redo();
      toast.show(label ? `Redone: ${label}.` : 'Nothing to redo.', 'info');
    } catch (cause) {
      toast.show(`Could not redo: ${errorMessage(cause)}`, 'error');
    }
  }, [history, toast]);

  // Shortcuts that work anywhere on the screen: N adds an event; Ctrl/Cmd+Z undoes, with Shift redoes.
  const shortcuts = useRef({ undo, redo, add: () => setAdding(true) });
  useEffect(() => {
    shortcuts.current = { undo, redo, add: () => setAdding(true) };
  }, [undo, redo]);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void (event.shiftKey ? shortcuts.current.redo() : shortcuts.current.undo());
      } else if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        void shortcuts.current.redo();
      } else if (!mod && !event.altKey && (event.key === 'n' || event.key === 'N')) {
        event.preventDefault();
        shortcuts.current.add();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const set = (key: keyof FilterForm) => (value: string) =>
    setForm((current) => ({ ...current, [key]: value }));
  const entityOptions = useMemo(
    () => [...(entities?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [entities],
  );

  return (
    <div className="timeline-screen">
      <header className="panel-header timeline-screen__header">
        <h1>Timeline</h1>
        {data?.total !== undefined ? (
          <span className="badge" aria-label="Event count">
            {filtering
              ? `${shown.length.toLocaleString('en-GB')} of ${plural(data.total, 'event')}`
              : plural(data.total, 'event')}
          </span>
        ) : null}
        {data && !data.complete ? <span className="faint small">Loading all events…</span> : null}
        <span className="spacer" />
        <button
          type="button"
          className="button button--small"
          disabled={!history.state.undoLabel || history.state.busy}
          title={
            history.state.undoLabel ? `Undo ${history.state.undoLabel} (Ctrl+Z)` : 'Nothing to undo'
          }
          aria-keyshortcuts="Control+Z Meta+Z"
          onClick={undo}
        >
          <Undo2 aria-hidden="true" /> Undo
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!history.state.redoLabel || history.state.busy}
          title={
            history.state.redoLabel
              ? `Redo ${history.state.redoLabel} (Shift+Ctrl+Z)`
              : 'Nothing to redo'
          }
          aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"
          onClick={redo}
        >
          <Redo2 aria-hidden="true" /> Redo
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          aria-keyshortcuts="N"
          title="Add an event (N)"
          onClick={() => setAdding(true)}
        >
          <CalendarPlus aria-hidden="true" /> Add event
        </button>
      </header>
      <form
        className="timeline-filters"
        aria-label="Filters"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <input
          className="input input--small"
          type="search"
          aria-label="Filter text"
          placeholder="Words in title or description"
          value={form.text}
          onChange={(e) => set('text')(e.target.value)}
        />
        <select
          className="select select--small"
          aria-label="Entity"
          value={form.entityId}
          onChange={(e) => set('entityId')(e.target.value)}
        >
          <option value="">Any entity</option>
          {entityOptions.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
        <select
          className="select select--small"
          aria-label="Tag"
          value={form.tag}
          onChange={(e) => set('tag')(e.target.value)}
        >
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {/* Counts only once every event is in: the first page alone would undercount. */}#
              {tag.name}
              {data?.complete ? ` (${tag.count})` : ''}
            </option>
          ))}
        </select>
        <select
          className="select select--small"
          aria-label="Status"
          value={form.verification}
          onChange={(e) => set('verification')(e.target.value)}
        >
          <option value="">Any status</option>
          {Object.entries(VERIFICATION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select
          className="select select--small"
          aria-label="Review"
          value={form.review}
          onChange={(e) => set('review')(e.target.value)}
        >
          <option value="">Any review</option>
          <option value="open">Not reviewed</option>
          <option value="approved">Approved</option>
          <option value="questioned">Questioned</option>
        </select>
        <input
          className="input input--small timeline-filters__date"
          aria-label="From"
          placeholder="From (e.g. 2019)"
          aria-invalid={from.error ? true : undefined}
          title={from.error}
          value={form.from}
          onChange={(e) => set('from')(e.target.value)}
        />
        <input
          className="input input--small timeline-filters__date"
          aria-label="To"
          placeholder="To (e.g. May 2020)"
          aria-invalid={to.error ? true : undefined}
          title={to.error}
          value={form.to}
          onChange={(e) => set('to')(e.target.value)}
        />
        {filtering || form.from || form.to ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setForm(NO_FILTER)}
          >
            Clear filters
          </button>
        ) : null}
        {from.error || to.error ? (
          <p className="field__error timeline-filters__error" role="alert">
            {from.error ? `From: ${from.error}` : `To: ${to.error}`}
          </p>
        ) : null}
      </form>
      {columns && columns.count > 0 ? (
        <TimeAxis
          columns={columns}
          events={shownByStart}
          selectedIndex={selectedIndex}
          entities={entities}
          tagColor={tagColor}
          lanes={lanes}
          onLanes={setLanes}
          onSelect={select}
          onOpen={openEvent}
          onKeyDown={onNavigationKey}
        />
      ) : null}
      <div className="timeline-screen__body">
        <section className="timeline" aria-label="Timeline">
          <h2 className="visually-hidden">Events by date</h2>
          {data === undefined ? (
            <Loading label="Loading the timeline…" />
          ) : data.columns.count === 0 ? (
            <EmptyState icon={<CalendarClock aria-hidden="true" />} title="No events yet">
              Open a source, select the passage that says what happened and choose Add event (or
              press E). Each event keeps the exact words it rests on. You can also add an event here
              (N).
            </EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState
              icon={<SearchX aria-hidden="true" />}
              title="No event matches the filters"
              actions={
                <button type="button" className="button" onClick={() => setForm(NO_FILTER)}>
                  Clear filters
                </button>
              }
            />
          ) : (
            <TimelineList
              columns={data.columns}
              events={shown}
              selectedIndex={selectedIndex}
              entities={entities}
              tagColor={tagColor}
              onSelect={select}
              onOpen={openEvent}
              onDelete={deleteEvent}
              onKeyDown={onNavigationKey}
            />
          )}
        </section>
        {selected ? (
          <EventDetails
            key={selected.id}
            event={selected}
            tagColor={tagColor}
            onEdit={setEditing}
            onDelete={setDeleting}
            onClose={() => select(undefined)}
          />
        ) : null}
      </div>
      {editing ? <EventDialog open event={editing} onClose={() => setEditing(undefined)} /> : null}
      {adding ? (
        <EventDialog
          open
          onClose={() => setAdding(false)}
          onSaved={(id) => navigate(paths.event(record.id, id), { replace: true })}
        />
      ) : null}
      {deleting ? (
        <DeleteEventDialog event={deleting} onClose={() => setDeleting(undefined)} />
      ) : null}
    </div>
  );
}

function DeleteEventDialog({ event, onClose }: { event: Event; onClose: () => void }) {
  const { actions } = useEventHistory();
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
          await actions.remove(event.id);
          toast.show(
            `Deleted “${event.title}”. The sources it cited are unchanged. Undo puts it back.`,
            'success',
          );
          onClose();
        } catch (cause) {
          toast.show(errorMessage(cause), 'error');
          setBusy(false);
        }
      }}
    >
      <p>
        The event, its citations and its comments are removed from the timeline. The sources are not
        touched. Undo (Ctrl+Z) puts it back.
      </p>
    </ConfirmDialog>
  );
}
