import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { AlertTriangle, CalendarPlus, Download, FileQuestion, Tag } from 'lucide-react';
import type { TextAnchor } from '@shared/schemas/anchor';
import type {
  Citation,
  Entity,
  Event,
  Mention,
  Source,
  TextRevision,
} from '@shared/schemas/records';
import {
  createTextAnchor,
  EmptySelectionError,
  resolveTextAnchor,
} from '@shared/domain/textAnchor';
import { entityTypeLabel } from '@shared/domain/entityTypes';
import { EmptyState, Loading, Notice, useToast } from '../../ui';
import { getHost } from '../../platform';
import { paths, type SourceFocus } from '../../navigation/paths';
import { useCase } from '../cases';
import { TagEntityDialog } from '../entities';
import { EventDialog } from '../timeline';
import { TextView, type TextSelection } from './TextView';
import { SourceDetails } from './SourceDetails';
import { InThisSource, type PlacedCitation, type PlacedMention } from './InThisSource';
import type { Mark } from './textBlocks';
import { KIND_LABELS } from './SourceList';

/** Where the passage of an anchor is in the text now, or null when it is gone. */
function place(
  text: string,
  revision: TextRevision,
  anchor: TextAnchor,
): { start: number; end: number } | null {
  if (
    anchor.revisionId === revision.id &&
    anchor.position.end <= text.length &&
    text.slice(anchor.position.start, anchor.position.end) === anchor.quote.exact
  ) {
    return anchor.position;
  }
  return resolveTextAnchor(text, anchor);
}

/** One source in the reader: its text with tags and citations, its details, and the actions. */
export function SourceView({
  sourceId,
  focus,
}: {
  sourceId: string;
  focus?: SourceFocus | undefined;
}) {
  const { repos } = useCase();
  const source = useLiveQuery(
    async () => (await repos.sources.get(sourceId)) ?? null,
    [repos, sourceId],
  );
  if (source === undefined) return <Loading label="Opening source…" />;
  if (source === null) {
    return (
      <EmptyState icon={<FileQuestion aria-hidden="true" />} title="This source is not in the case">
        It may have been removed, or the link is from another case.
      </EmptyState>
    );
  }
  return <SourceReader key={source.id} source={source} focus={focus} />;
}

interface Pending {
  kind: 'tag' | 'event';
  anchor: TextAnchor;
}

function SourceReader({ source, focus }: { source: Source; focus?: SourceFocus | undefined }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [, navigate] = useLocation();
  const revision = useLiveQuery(
    async () => (await repos.sources.currentText(source)) ?? null,
    [repos, source.id, source.currentRevisionId],
  );
  const mentions = useLiveQuery(() => repos.mentions.forSource(source.id), [repos, source.id]);
  const citations = useLiveQuery(
    () => repos.events.citationsOfSource(source.id),
    [repos, source.id],
  );
  const entities = useLiveQuery(async () => {
    const ids = [...new Set((mentions ?? []).map((m) => m.entityId))];
    const list = await repos.store.db.entities.bulkGet(ids);
    return new Map(list.filter((e): e is Entity => Boolean(e)).map((e) => [e.id, e]));
  }, [repos, mentions]);
  const events = useLiveQuery(async () => {
    const ids = [...new Set((citations ?? []).map((c) => c.eventId))];
    const list = await repos.store.db.events.bulkGet(ids);
    return new Map(list.filter((e): e is Event => Boolean(e)).map((e) => [e.id, e]));
  }, [repos, citations]);

  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [pending, setPending] = useState<Pending>();
  const [hint, setHint] = useState<string>();
  const text = revision?.text ?? '';

  const placedMentions = useMemo<PlacedMention[]>(() => {
    if (!revision || !mentions) return [];
    return mentions.map((mention: Mention) => ({
      mention,
      entity: entities?.get(mention.entityId),
      at: mention.anchor.type === 'text' ? place(text, revision, mention.anchor) : null,
    }));
  }, [revision, mentions, entities, text]);

  const placedCitations = useMemo<PlacedCitation[]>(() => {
    if (!revision || !citations) return [];
    return citations.map((citation: Citation) => ({
      citation,
      event: events?.get(citation.eventId),
      at: citation.anchor.type === 'text' ? place(text, revision, citation.anchor) : null,
    }));
  }, [revision, citations, events, text]);

  const marks = useMemo<Mark[]>(() => {
    const list: Mark[] = [];
    for (const { mention, entity, at } of placedMentions) {
      if (!at) continue;
      list.push({
        start: at.start,
        end: at.end,
        id: mention.id,
        kind: 'mention',
        ...(entity ? { entityType: entity.type } : {}),
        label: entity ? `${entityTypeLabel(entity.type)}: ${entity.name}` : 'Tagged entity',
      });
    }
    for (const { citation, event, at } of placedCitations) {
      if (!at) continue;
      list.push({
        start: at.start,
        end: at.end,
        id: citation.id,
        kind: 'citation',
        label: event ? `Cited for “${event.title}”` : 'Cited passage',
      });
    }
    return list.sort((a, b) => a.start - b.start);
  }, [placedMentions, placedCitations]);

  const focusRange = useMemo<TextSelection | undefined>(() => {
    if (!focus) return undefined;
    if (focus.kind === 'range') return { start: focus.start, end: focus.end };
    // A message focus is for the chat and email readers; the plain text view has no messages.
    if (focus.kind === 'message') return undefined;
    if (focus.kind === 'mention')
      return placedMentions.find((m) => m.mention.id === focus.id)?.at ?? undefined;
    return placedCitations.find((c) => c.citation.id === focus.id)?.at ?? undefined;
  }, [focus, placedMentions, placedCitations]);
  const focusKey = focus
    ? `${focus.kind}:${'id' in focus ? focus.id : `${focus.start}-${focus.end}`}:${focusRange ? 'found' : 'missing'}`
    : undefined;
  const focusMissing = Boolean(
    focus && focus.kind !== 'message' && revision && mentions && citations && !focusRange,
  );

  const selectionRef = useRef<TextSelection | null>(null);
  const onSelectionChange = useCallback((next: TextSelection | null) => {
    selectionRef.current = next;
    setSelection(next);
    if (next) setHint(undefined);
  }, []);

  const begin = (kind: Pending['kind']) => {
    const current = selectionRef.current ?? selection;
    if (!revision || !current) {
      setHint(
        kind === 'tag'
          ? 'Select the words that name the entity first, then choose Tag entity.'
          : 'Select the passage that backs the event first, then choose Add event.',
      );
      return;
    }
    try {
      const anchor = createTextAnchor(text, current.start, current.end, {
        revisionId: revision.id,
      });
      setHint(undefined);
      setPending({ kind, anchor });
    } catch (cause) {
      setHint(
        cause instanceof EmptySelectionError
          ? cause.message
          : String(cause instanceof Error ? cause.message : cause),
      );
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      begin('tag');
    } else if (event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      begin('event');
    }
  };

  const saveOriginal = async () => {
    const blob = await repos.sources.original(source.id);
    if (!blob) {
      toast.show('The original of this source is missing from the case.', 'error');
      return;
    }
    try {
      const result = await getHost().saveFile({
        suggestedName: source.fileName ?? `${source.title}.txt`,
        mediaType: source.mediaType,
        data: new Uint8Array(await blob.arrayBuffer()),
      });
      if (result.saved)
        toast.show(
          `Saved the original${result.location ? ` to ${result.location}` : ''}.`,
          'success',
        );
    } catch (cause) {
      toast.show(
        `Could not save the original: ${cause instanceof Error ? cause.message : String(cause)}`,
        'error',
      );
    }
  };

  return (
    <article className="reader" aria-label={source.title}>
      <header className="reader__header">
        <div className="reader__title">
          <h1>{source.title}</h1>
          <span className="badge">{KIND_LABELS[source.kind]}</span>
        </div>
        <div className="reader__toolbar" role="toolbar" aria-label="Source actions">
          <button
            type="button"
            className="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => begin('tag')}
            aria-keyshortcuts="T"
            title="Tag the selected words as an entity (T)"
          >
            <Tag aria-hidden="true" />
            Tag entity
          </button>
          <button
            type="button"
            className="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => begin('event')}
            aria-keyshortcuts="E"
            title="Add a timeline event backed by the selected passage (E)"
          >
            <CalendarPlus aria-hidden="true" />
            Add event
          </button>
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={saveOriginal}>
            <Download aria-hidden="true" />
            Save original
          </button>
        </div>
        <p className="reader__selection faint small" aria-live="polite">
          {selection
            ? `${(selection.end - selection.start).toLocaleString('en-GB')} characters selected — press T to tag, E to add an event`
            : 'Select a passage to tag an entity or add a timeline event.'}
        </p>
        {hint ? <Notice tone="warning">{hint}</Notice> : null}
        {focusMissing ? (
          <Notice tone="warning">
            The passage you followed is no longer in this text: it may have been corrected. The tag
            or citation is kept and listed under “In this source”.
          </Notice>
        ) : null}
        {source.warnings.map((warning) => (
          <Notice key={warning} tone="warning" live={false}>
            {warning}
          </Notice>
        ))}
      </header>
      <div className="reader__body">
        <div className="reader__text">
          {revision === undefined ? (
            <Loading label="Loading text…" />
          ) : revision === null ? (
            <EmptyState
              icon={<AlertTriangle aria-hidden="true" />}
              title="No text"
              headingLevel={3}
            >
              This source has no text to read. Its original is kept and can be saved.
            </EmptyState>
          ) : text.length === 0 ? (
            <EmptyState
              icon={<AlertTriangle aria-hidden="true" />}
              title="This source has no readable text"
              headingLevel={3}
            >
              The original is kept untouched and can be saved.
            </EmptyState>
          ) : (
            <TextView
              text={text}
              marks={marks}
              focus={focusRange}
              focusKey={focusKey}
              onSelectionChange={onSelectionChange}
              onKeyDown={onKeyDown}
              onMarkClick={(mark) => {
                if (mark.kind === 'mention')
                  navigate(paths.source(record.id, source.id, { kind: 'mention', id: mark.id }));
                if (mark.kind === 'citation')
                  navigate(paths.source(record.id, source.id, { kind: 'citation', id: mark.id }));
              }}
              label={`Text of ${source.title}`}
            />
          )}
        </div>
        <aside className="reader__side">
          <InThisSource source={source} mentions={placedMentions} citations={placedCitations} />
          <SourceDetails source={source} revision={revision ?? undefined} />
        </aside>
      </div>
      {pending?.kind === 'tag' ? (
        <TagEntityDialog
          open
          sourceId={source.id}
          anchor={pending.anchor}
          onClose={() => setPending(undefined)}
          onTagged={(entity) =>
            toast.show(
              `Tagged “${pending.anchor.quote.exact.slice(0, 60)}” as ${entity.name}.`,
              'success',
            )
          }
        />
      ) : null}
      {pending?.kind === 'event' ? (
        <EventDialog
          open
          citation={{ sourceId: source.id, anchor: pending.anchor }}
          onClose={() => setPending(undefined)}
        />
      ) : null}
    </article>
  );
}
