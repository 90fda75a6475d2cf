import { errorMessage } from '@shared/domain/errorMessage';
import { useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CalendarPlus, Download, Tag } from 'lucide-react';
import type { Anchor, TextAnchor } from '@shared/schemas/anchor';
import type { PartialDate } from '@shared/schemas/partialDate';
import type {
  Citation,
  Entity,
  Event,
  Mention,
  Source,
  TextRevision,
} from '@shared/schemas/records';
import { resolveTextAnchor } from '@shared/domain/textAnchor';
import { entityTypeLabel } from '@shared/domain/entityTypes';
import { Notice, useToast } from '../../ui';
import { getHost } from '../../platform';
import { useCase } from '../cases';
import { TagEntityDialog } from '../entities';
import { EventDialog } from '../timeline';
import { SourceDetails } from './SourceDetails';
import { InThisSource, type PlacedCitation, type PlacedMention } from './InThisSource';
import { SourceMetadata } from './SourceMetadata';
import { DeleteSource } from './DeleteSource';
import type { Mark } from './textBlocks';
import { KIND_LABELS } from './SourceList';

/** Where an anchor's passage is now: offsets in the text it is resolved against, or null. */
export type Placement = { start: number; end: number } | null;

/** Where the passage of a text anchor is in a revision's text now, or null when it is gone. */
export function placeInRevision(
  text: string,
  revision: Pick<TextRevision, 'id'>,
  anchor: TextAnchor,
): Placement {
  if (
    anchor.revisionId === revision.id &&
    anchor.position.end <= text.length &&
    text.slice(anchor.position.start, anchor.position.end) === anchor.quote.exact
  ) {
    return anchor.position;
  }
  return resolveTextAnchor(text, anchor);
}

/** The confirmed mentions and citations of a source, with their entities and events. */
export function useAnnotations(sourceId: string) {
  const { repos } = useCase();
  const mentions = useLiveQuery(() => repos.mentions.forSource(sourceId), [repos, sourceId]);
  const citations = useLiveQuery(() => repos.events.citationsOfSource(sourceId), [repos, sourceId]);
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
  return { mentions, citations, entities, events, loaded: Boolean(mentions && citations) };
}

/** Places every mention and citation with `place` (null when its passage is gone). */
export function usePlaced(
  annotations: ReturnType<typeof useAnnotations>,
  place: (anchor: Mention['anchor']) => Placement,
): { mentions: PlacedMention[]; citations: PlacedCitation[] } {
  const { mentions, citations, entities, events } = annotations;
  return useMemo(
    () => ({
      mentions: (mentions ?? []).map((mention: Mention) => ({
        mention,
        entity: entities?.get(mention.entityId),
        at: place(mention.anchor),
      })),
      citations: (citations ?? []).map((citation: Citation) => ({
        citation,
        event: events?.get(citation.eventId),
        at: place(citation.anchor),
      })),
    }),
    [mentions, citations, entities, events, place],
  );
}

/** Marks for a text view from placed mentions and citations (optionally only those in a scope). */
export function marksOf(
  placed: { mentions: PlacedMention[]; citations: PlacedCitation[] },
  include: (anchor: Mention['anchor']) => boolean = () => true,
): Mark[] {
  const list: Mark[] = [];
  for (const { mention, entity, at } of placed.mentions) {
    if (!at || !include(mention.anchor)) continue;
    list.push({
      start: at.start,
      end: at.end,
      id: mention.id,
      kind: 'mention',
      ...(entity ? { entityType: entity.type } : {}),
      label: entity ? `${entityTypeLabel(entity.type)}: ${entity.name}` : 'Tagged entity',
    });
  }
  for (const { citation, event, at } of placed.citations) {
    if (!at || !include(citation.anchor)) continue;
    list.push({
      start: at.start,
      end: at.end,
      id: citation.id,
      kind: 'citation',
      label: event ? `Cited for “${event.title}”` : 'Cited passage',
    });
  }
  return list.sort((a, b) => a.start - b.start);
}

/** A tag or an event being made from a passage (or, for an event, a whole message). */
export type PendingAnnotation =
  | { kind: 'tag'; anchor: TextAnchor }
  | {
      kind: 'event';
      anchor: Anchor;
      /** For "Add event" from a message or an email: when it was sent. */
      sourceDate?: PartialDate | undefined;
    };

/** The Tag entity and Add event dialogs, for whichever reader asked. */
export function AnnotationDialogs({
  sourceId,
  pending,
  onClose,
}: {
  sourceId: string;
  pending: PendingAnnotation | undefined;
  onClose: () => void;
}) {
  const toast = useToast();
  if (!pending) return null;
  if (pending.kind === 'tag') {
    return (
      <TagEntityDialog
        open
        sourceId={sourceId}
        anchor={pending.anchor}
        onClose={onClose}
        onTagged={(entity) =>
          toast.show(
            `Tagged “${anchorQuote(pending.anchor).slice(0, 60)}” as ${entity.name}.`,
            'success',
          )
        }
      />
    );
  }
  return (
    <EventDialog
      open
      citation={{ sourceId, anchor: pending.anchor }}
      {...(pending.sourceDate ? { sourceDate: pending.sourceDate } : {})}
      onClose={onClose}
    />
  );
}

function anchorQuote(anchor: TextAnchor): string {
  return anchor.quote.exact;
}

/** Saves the untouched original through the host (a save dialog, or a download in a browser). */
export function useSaveOriginal(source: Source) {
  const { repos } = useCase();
  const toast = useToast();
  return async () => {
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
      toast.show(`Could not save the original: ${errorMessage(cause)}`, 'error');
    }
  };
}

/** The state every reader keeps: the dialog being shown and the hint under the toolbar. */
export function useReaderActions() {
  const [pending, setPending] = useState<PendingAnnotation>();
  const [hint, setHint] = useState<string>();
  return { pending, setPending, hint, setHint };
}

/** The hint when Tag entity or Add event is pressed with nothing selected. */
export function nothingSelectedHint(kind: 'tag' | 'event'): string {
  return kind === 'tag'
    ? 'Select the words that name the entity first, then choose Tag entity.'
    : 'Select the passage that backs the event first, then choose Add event.';
}

/**
 * The frame every reader shares: the title, the toolbar (Tag entity, Add event, the reader's own
 * actions, Save original), what is selected, the source's warnings, the reader's main view, and
 * the side panel ("In this source", the metadata and "About this source").
 */
export function ReaderFrame({
  source,
  revision,
  placed,
  selectionText,
  hint,
  focusMissing,
  onTag,
  onEvent,
  actions,
  notices,
  children,
}: {
  source: Source;
  revision?: TextRevision | undefined;
  placed: { mentions: PlacedMention[]; citations: PlacedCitation[] };
  selectionText: string;
  hint?: string | undefined;
  focusMissing?: boolean;
  onTag: () => void;
  onEvent: () => void;
  actions?: ReactNode;
  notices?: ReactNode;
  children: ReactNode;
}) {
  const saveOriginal = useSaveOriginal(source);
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
            onClick={onTag}
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
            onClick={onEvent}
            aria-keyshortcuts="E"
            title="Add a timeline event backed by the selected passage (E)"
          >
            <CalendarPlus aria-hidden="true" />
            Add event
          </button>
          {actions}
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={saveOriginal}>
            <Download aria-hidden="true" />
            Save original
          </button>
        </div>
        <p className="reader__selection faint small" aria-live="polite">
          {selectionText}
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
        {notices}
      </header>
      <div className="reader__body">
        <div className="reader__text">{children}</div>
        <aside className="reader__side">
          <InThisSource source={source} mentions={placed.mentions} citations={placed.citations} />
          <SourceMetadata source={source} />
          <SourceDetails source={source} revision={revision} />
          <DeleteSource source={source} />
        </aside>
      </div>
    </article>
  );
}
