import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { AlertTriangle } from 'lucide-react';
import type { Anchor } from '@shared/schemas/anchor';
import type { Source } from '@shared/schemas/records';
import { createTextAnchor, EmptySelectionError } from '@shared/domain/textAnchor';
import { EmptyState, Loading } from '../../ui';
import { paths, type SourceFocus } from '../../navigation/paths';
import { useCase } from '../cases';
import { TextView, type TextSelection } from './TextView';
import { pageAt } from './textBlocks';
import {
  AnnotationDialogs,
  marksOf,
  nothingSelectedHint,
  placeInRevision,
  ReaderFrame,
  useAnnotations,
  usePlaced,
  useReaderActions,
} from './readerKit';

/** Describes a selection for the line under the toolbar. */
export function selectionLine(length: number | undefined): string {
  return length
    ? `${length.toLocaleString('en-GB')} characters selected — press T to tag, E to add an event`
    : 'Select a passage to tag an entity or add a timeline event.';
}

/**
 * The reader for sources that are one text: plain text, Markdown, web pages, Word documents and
 * PDFs (page by page, each anchor knowing its page), and archives (their list of contents).
 */
export function TextReader({ source, focus }: { source: Source; focus?: SourceFocus | undefined }) {
  const { repos, record } = useCase();
  const [, navigate] = useLocation();
  const revision = useLiveQuery(
    async () => (await repos.sources.currentText(source)) ?? null,
    [repos, source.id, source.currentRevisionId],
  );
  const annotations = useAnnotations(source.id);
  const { pending, setPending, hint, setHint } = useReaderActions();
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const selectionRef = useRef<TextSelection | null>(null);
  const text = revision?.text ?? '';
  const pageStarts = revision?.pageStarts;

  const place = useCallback(
    (anchor: Anchor) =>
      revision && anchor.type === 'text' && !anchor.scope?.messageId
        ? placeInRevision(text, revision, anchor)
        : null,
    [revision, text],
  );
  const placed = usePlaced(annotations, place);
  const marks = useMemo(() => marksOf(placed), [placed]);

  const focusRange = useMemo<TextSelection | undefined>(() => {
    // A message focus is for the chat and email readers; a single text has no messages.
    if (!focus || focus.kind === 'message') return undefined;
    if (focus.kind === 'range') return { start: focus.start, end: focus.end };
    if (focus.kind === 'mention')
      return placed.mentions.find((m) => m.mention.id === focus.id)?.at ?? undefined;
    return placed.citations.find((c) => c.citation.id === focus.id)?.at ?? undefined;
  }, [focus, placed]);
  const focusKey = focus
    ? `${focus.kind}:${'id' in focus ? focus.id : `${focus.start}-${focus.end}`}:${focusRange ? 'found' : 'missing'}`
    : undefined;
  const focusMissing = Boolean(
    focus && focus.kind !== 'message' && revision && annotations.loaded && !focusRange,
  );

  const onSelectionChange = useCallback(
    (next: TextSelection | null) => {
      selectionRef.current = next;
      setSelection(next);
      if (next) setHint(undefined);
    },
    [setHint],
  );

  const begin = (kind: 'tag' | 'event') => {
    const current = selectionRef.current ?? selection;
    if (!revision || !current) {
      setHint(nothingSelectedHint(kind));
      return;
    }
    try {
      const scope =
        pageStarts && pageStarts.length > 0
          ? { page: pageAt(pageStarts, current.start) }
          : undefined;
      const anchor = createTextAnchor(text, current.start, current.end, {
        revisionId: revision.id,
        ...(scope ? { scope } : {}),
      });
      setHint(undefined);
      setPending(kind === 'tag' ? { kind, anchor } : { kind, anchor });
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

  return (
    <ReaderFrame
      source={source}
      revision={revision ?? undefined}
      placed={placed}
      selectionText={selectionLine(selection ? selection.end - selection.start : undefined)}
      hint={hint}
      focusMissing={focusMissing}
      onTag={() => begin('tag')}
      onEvent={() => begin('event')}
    >
      {revision === undefined ? (
        <Loading label="Loading text…" />
      ) : revision === null ? (
        <EmptyState icon={<AlertTriangle aria-hidden="true" />} title="No text" headingLevel={3}>
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
          pageStarts={pageStarts}
          onSelectionChange={onSelectionChange}
          onKeyDown={onKeyDown}
          onMarkClick={(mark) => {
            if (mark.kind === 'mention' || mark.kind === 'citation')
              navigate(paths.source(record.id, source.id, { kind: mark.kind, id: mark.id }));
          }}
          label={`Text of ${source.title}`}
        />
      )}
      <AnnotationDialogs
        sourceId={source.id}
        pending={pending}
        onClose={() => setPending(undefined)}
      />
    </ReaderFrame>
  );
}
