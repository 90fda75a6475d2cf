import { errorMessage } from '@shared/domain/errorMessage';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { BookOpen, Pencil, Save } from 'lucide-react';
import type { Note } from '@shared/schemas/records';
import { Loading, Notice, formatTimestamp, useToast } from '../../ui';
import { RichTextEditor, RichTextView, entityMentionChoices } from '../../editor';
import { readRichText } from '../../editor/rich';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

const AUTOSAVE_MS = 2_000;

/** The case's notes page: leads, open questions, a draft, with @mentions and citation marks. */
export function NotesScreen() {
  const { repos } = useCase();
  const note = useLiveQuery(async () => (await repos.notes.get()) ?? null, [repos]);
  return (
    <section className="notes" aria-label="Notes">
      <div className="panel-header">
        <h1>Notes</h1>
        <span className="faint small">
          Case notes: leads, questions and drafts. Type @ to mention an entity; select words and
          choose Cite to link them to a quote.
        </span>
      </div>
      {note === undefined ? (
        <Loading label="Opening the notes…" />
      ) : (
        <NotesEditor key={note?.updatedAt ?? 'new'} note={note ?? undefined} />
      )}
    </section>
  );
}

function NotesEditor({ note }: { note: Note | undefined }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [read] = useState(() => readRichText(note?.doc));
  const initial = useMemo(() => {
    if (read.ok) return read.doc;
    return {
      type: 'doc',
      content: read.raw
        .split(/\n+/)
        .slice(0, 20_000)
        .map((line) => ({
          type: 'paragraph',
          content: line ? [{ type: 'text', text: line }] : [],
        })),
    };
  }, [read]);
  const [doc, setDoc] = useState<unknown>(initial);
  const [dirty, setDirty] = useState(false);
  const [mode, setMode] = useState<'edit' | 'read'>('edit');
  const [error, setError] = useState<string>();
  const [savedAt, setSavedAt] = useState(note?.updatedAt);
  const docRef = useRef(doc);
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);
  const citations = useLiveQuery(async () => {
    const [all, sources, events] = await Promise.all([
      repos.store.db.citations.limit(5_000).toArray(),
      repos.sources.list(),
      repos.store.db.events.toArray(),
    ]);
    const titles = new Map(sources.map((s) => [s.id, s.title]));
    const eventTitles = new Map(events.map((e) => [e.id, e.title]));
    return all.map((c) => ({
      id: c.id,
      sourceId: c.sourceId,
      quote:
        c.anchor.type === 'text'
          ? c.anchor.quote.exact
          : c.anchor.type === 'region'
            ? 'Image region'
            : 'Whole message',
      sourceTitle: titles.get(c.sourceId) ?? 'Source',
      eventTitle: eventTitles.get(c.eventId) ?? 'an event',
    }));
  }, [repos]);

  const save = async (value: unknown) => {
    try {
      const saved = await repos.notes.save(value);
      setSavedAt(saved.updatedAt);
      setError(undefined);
      if (docRef.current === value) setDirty(false);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void save(docRef.current), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // Saves after a pause in typing; `save` is stable enough for a timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, dirty]);

  const findEntities = (query: string) => entityMentionChoices(entities, query);

  const entityHref = (id: string) => paths.entity(record.id, id);
  const citationHref = (citationId: string, sourceId: string) =>
    paths.source(record.id, sourceId, { kind: 'citation', id: citationId });

  return (
    <div className="notes__body">
      <div className="notes__toolbar row">
        <button
          type="button"
          className="button button--small"
          aria-pressed={mode === 'edit'}
          onClick={() => setMode('edit')}
        >
          <Pencil aria-hidden="true" /> Edit
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={mode === 'read'}
          onClick={() => setMode('read')}
        >
          <BookOpen aria-hidden="true" /> Read
        </button>
        <span className="spacer" />
        <span className="faint small" role="status">
          {dirty
            ? 'Unsaved changes'
            : savedAt
              ? `Saved ${formatTimestamp(savedAt)}`
              : 'Nothing written yet'}
        </span>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={!dirty}
          onClick={async () => {
            await save(docRef.current);
            toast.show('Saved the notes.', 'success');
          }}
        >
          <Save aria-hidden="true" /> Save notes
        </button>
      </div>
      {!read.ok ? (
        <Notice tone="warning" live={false}>
          {read.error} What could be read is shown below as plain text; saving stores it as the
          notes.
        </Notice>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {mode === 'edit' ? (
        <RichTextEditor
          value={doc}
          label="Case notes"
          tall
          onChange={(value) => {
            docRef.current = value;
            setDoc(value);
            setDirty(true);
          }}
          findEntities={findEntities}
          entityHref={(id) => `#${entityHref(id)}`}
          citations={citations ?? []}
          citationHref={(citationId, sourceId) => `#${citationHref(citationId, sourceId)}`}
          maxPasteLength={1_000_000}
        />
      ) : (
        <article className="notes__read" aria-label="Case notes as read">
          {doc ? (
            <RichTextView value={doc} entityHref={entityHref} citationHref={citationHref} />
          ) : (
            <p className="faint">No notes yet.</p>
          )}
        </article>
      )}
    </div>
  );
}
