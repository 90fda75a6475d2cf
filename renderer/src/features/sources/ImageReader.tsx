import { errorMessage } from '@shared/domain/errorMessage';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { Pencil, ScanText } from 'lucide-react';
import type { Anchor, ImageRegion } from '@shared/schemas/anchor';
import type { Source, TextRevision } from '@shared/schemas/records';
import {
  createTextAnchor,
  EmptySelectionError,
  resolveTextAnchor,
} from '@shared/domain/textAnchor';
import {
  LOW_CONFIDENCE,
  regionsForCorrectedRange,
  regionsForRange,
} from '@shared/domain/ocr/ocrText';
import { EmptyState, Loading, Notice, useToast } from '../../ui';
import { paths, type SourceFocus } from '../../navigation/paths';
import { useCase, useProfile } from '../cases';
import { recognizeImageText } from '../import';
import { TextView, type TextSelection } from './TextView';
import type { Mark } from './textBlocks';
import { selectionLine } from './TextReader';
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

/** The text offset of a DOM point inside the word layer (points between words snap to a word). */
function layerOffset(
  layer: HTMLElement,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  let element: Element | null = node instanceof Element ? node : node.parentElement;
  if (element === layer) {
    const children = Array.from(layer.querySelectorAll<HTMLElement>('[data-word-start]'));
    const child = edge === 'start' ? children[offset] : children[offset - 1];
    if (!child) return null;
    return Number(edge === 'start' ? child.dataset.wordStart : child.dataset.wordEnd);
  }
  while (element && !(element instanceof HTMLElement && element.dataset.wordStart !== undefined)) {
    if (element === layer) return null;
    element = element.parentElement;
  }
  if (!element || !layer.contains(element)) return null;
  const word = element as HTMLElement;
  const start = Number(word.dataset.wordStart);
  const end = Number(word.dataset.wordEnd);
  if (node.nodeType === Node.TEXT_NODE) return Math.min(end, start + offset);
  return edge === 'start' ? start : end;
}

/**
 * A screenshot or photo with the text recognised in it: the image with an invisible, selectable
 * layer of words over it (low-confidence words outlined), and the text beside it. Selecting in
 * either gives a text anchor that also records the image regions it covers. The reporter can
 * correct the text; the correction is a new revision and the OCR output is kept.
 */
export function ImageReader({
  source,
  focus,
}: {
  source: Source;
  focus?: SourceFocus | undefined;
}) {
  const { repos, record } = useCase();
  const profile = useProfile();
  const toast = useToast();
  const [, navigate] = useLocation();
  const revisions = useLiveQuery(() => repos.sources.revisions(source.id), [repos, source.id]);
  const original = useLiveQuery(() => repos.sources.original(source.id), [repos, source.id]);
  const url = useMemo(() => (original ? URL.createObjectURL(original) : undefined), [original]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const current = revisions?.find((r) => r.id === source.currentRevisionId);
  const ocr = useMemo(
    () =>
      [...(revisions ?? [])].reverse().find((r) => r.kind === 'ocr' && r.words) as
        TextRevision | undefined,
    [revisions],
  );
  const text = current?.text ?? '';
  const image = (source.metadata?.image ?? {}) as { width?: number; height?: number };
  const width = image.width ?? 1;
  const height = image.height ?? 1;

  const annotations = useAnnotations(source.id);
  const place = useCallback(
    (anchor: Anchor) =>
      current && anchor.type === 'text' && !anchor.scope?.messageId
        ? placeInRevision(text, current, anchor)
        : null,
    [current, text],
  );
  const placed = usePlaced(annotations, place);
  const uncertainMarks = useMemo<Mark[]>(() => {
    if (!ocr || !current || current.id !== ocr.id) return [];
    return (ocr.words ?? [])
      .filter((word) => word.confidence < LOW_CONFIDENCE)
      .map((word, index) => ({
        start: word.start,
        end: word.end,
        id: `uncertain-${index}`,
        kind: 'uncertain' as const,
        label: `Recognised with low confidence (${Math.round(word.confidence)}%)`,
      }));
  }, [ocr, current]);
  const marks = useMemo(
    () => [...marksOf(placed), ...uncertainMarks].sort((a, b) => a.start - b.start),
    [placed, uncertainMarks],
  );

  const { pending, setPending, hint, setHint } = useReaderActions();
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const selectionRef = useRef<TextSelection | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);

  const onSelectionChange = useCallback(
    (next: TextSelection | null) => {
      selectionRef.current = next;
      setSelection(next);
      if (next) setHint(undefined);
    },
    [setHint],
  );

  // Selections in the word layer are in the OCR revision's offsets; move them onto the text shown.
  const layerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const changed = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const layer = layerRef.current;
        const selected = document.getSelection();
        if (
          !layer ||
          !ocr ||
          !current ||
          !selected ||
          selected.rangeCount === 0 ||
          selected.isCollapsed
        )
          return;
        const range = selected.getRangeAt(0);
        if (!layer.contains(range.commonAncestorContainer)) return;
        const start = layerOffset(layer, range.startContainer, range.startOffset, 'start');
        const end = layerOffset(layer, range.endContainer, range.endOffset, 'end');
        if (start === null || end === null || end <= start) return;
        if (current.id === ocr.id) {
          onSelectionChange({ start, end });
          return;
        }
        try {
          const found = resolveTextAnchor(text, createTextAnchor(ocr.text, start, end));
          if (found) onSelectionChange({ start: found.start, end: found.end });
        } catch {
          // A selection of spaces only: nothing to move.
        }
      });
    };
    document.addEventListener('selectionchange', changed);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', changed);
    };
  }, [ocr, current, text, onSelectionChange]);

  const regionsOf = (start: number, end: number): ImageRegion[] => {
    if (!ocr?.words || !current) return [];
    return current.id === ocr.id
      ? regionsForRange(ocr.text, ocr.words, start, end)
      : regionsForCorrectedRange(current.text, start, end, ocr);
  };

  const begin = (kind: 'tag' | 'event') => {
    const chosen = selectionRef.current ?? selection;
    if (!current || !chosen) {
      setHint(nothingSelectedHint(kind));
      return;
    }
    try {
      const anchor = createTextAnchor(text, chosen.start, chosen.end, { revisionId: current.id });
      const regions = regionsOf(anchor.position.start, anchor.position.end);
      if (regions.length) anchor.regions = regions;
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
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || editing) return;
    if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      begin('tag');
    } else if (event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      begin('event');
    }
  };

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
    focus && focus.kind !== 'message' && current && annotations.loaded && !focusRange,
  );

  // Image regions of tags and citations, drawn over the picture.
  const boxes = useMemo(() => {
    const list: {
      id: string;
      kind: 'mention' | 'citation';
      region: ImageRegion;
      label: string;
      focused: boolean;
    }[] = [];
    for (const { mention, entity } of placed.mentions) {
      if (mention.anchor.type !== 'text') continue;
      for (const region of mention.anchor.regions ?? []) {
        list.push({
          id: mention.id,
          kind: 'mention',
          region,
          label: entity ? `Tagged as ${entity.name}` : 'Tagged entity',
          focused: focus?.kind === 'mention' && focus.id === mention.id,
        });
      }
    }
    for (const { citation, event } of placed.citations) {
      if (citation.anchor.type !== 'text') continue;
      for (const region of citation.anchor.regions ?? []) {
        list.push({
          id: citation.id,
          kind: 'citation',
          region,
          label: event ? `Cited for “${event.title}”` : 'Cited passage',
          focused: focus?.kind === 'citation' && focus.id === citation.id,
        });
      }
    }
    return list;
  }, [placed, focus]);

  const stageRef = useRef<HTMLDivElement>(null);
  const [stageWidth, setStageWidth] = useState(0);
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const observer = new ResizeObserver(([entry]) => setStageWidth(entry?.contentRect.width ?? 0));
    observer.observe(stage);
    return () => observer.disconnect();
  }, [url]);
  const scale = stageWidth > 0 ? stageWidth / width : 0;
  useEffect(() => {
    if (!focus || focus.kind === 'range' || focus.kind === 'message') return;
    const box = stageRef.current?.querySelector<HTMLElement>('[data-focused="true"]');
    box?.scrollIntoView({ block: 'center' });
  }, [focus, scale]);

  const recognize = async () => {
    setBusy(true);
    try {
      const result = await recognizeImageText(record.id, profile.name, source.id);
      if (result.ok) toast.show(`Recognised ${result.words} words.`, 'success');
      else toast.show(`Text recognition failed: ${result.reason}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  const saveCorrection = async () => {
    setBusy(true);
    try {
      const outcome = await repos.sources.addCorrection(source.id, draft);
      setEditing(false);
      toast.show(
        `Saved your correction as revision ${outcome.revision.revision}; the recognised text is kept.${outcome.reanchored ? ` ${outcome.reanchored} tag${outcome.reanchored === 1 ? '' : 's'} and citations followed their quote.` : ''}${outcome.lost ? ` ${outcome.lost} quote${outcome.lost === 1 ? ' is' : 's are'} no longer in the text and ${outcome.lost === 1 ? 'is' : 'are'} flagged.` : ''}`,
        outcome.lost ? 'info' : 'success',
      );
    } catch (cause) {
      toast.show(errorMessage(cause), 'error');
    } finally {
      setBusy(false);
    }
  };

  const lowCount = (ocr?.words ?? []).filter((w) => w.confidence < LOW_CONFIDENCE).length;
  return (
    <ReaderFrame
      source={source}
      revision={current}
      placed={placed}
      selectionText={selectionLine(selection ? selection.end - selection.start : undefined)}
      hint={hint}
      focusMissing={focusMissing}
      onTag={() => begin('tag')}
      onEvent={() => begin('event')}
      actions={
        !ocr ? (
          <button type="button" className="button" disabled={busy} onClick={() => void recognize()}>
            <ScanText aria-hidden="true" />
            {busy ? 'Recognising…' : 'Recognize text'}
          </button>
        ) : null
      }
    >
      <div className="image-reader" onKeyDown={onKeyDown}>
        <div className="image-reader__pane" aria-label={`Image of ${source.title}`} role="group">
          {url === undefined ? (
            <Loading label="Loading image…" />
          ) : (
            <div
              className="image-stage"
              ref={stageRef}
              style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}
            >
              <img
                src={url}
                alt={`Original of ${source.title}`}
                className="image-stage__img"
                draggable={false}
              />
              {scale > 0 ? (
                <>
                  {boxes.map((box, index) => (
                    <button
                      type="button"
                      key={`${box.id}-${index}`}
                      className={`image-box image-box--${box.kind}`}
                      data-focused={box.focused ? 'true' : undefined}
                      title={box.label}
                      aria-label={box.label}
                      style={{
                        left: box.region.x * scale,
                        top: box.region.y * scale,
                        width: box.region.width * scale,
                        height: box.region.height * scale,
                      }}
                      onClick={() =>
                        navigate(paths.source(record.id, source.id, { kind: box.kind, id: box.id }))
                      }
                    />
                  ))}
                  {ocr?.words ? (
                    <div
                      className="ocr-layer"
                      ref={layerRef}
                      aria-hidden="true"
                      data-testid="ocr-layer"
                    >
                      {ocr.words.map((word) => (
                        <span
                          key={word.start}
                          className={
                            word.confidence < LOW_CONFIDENCE
                              ? 'ocr-word ocr-word--uncertain'
                              : 'ocr-word'
                          }
                          data-word-start={word.start}
                          data-word-end={word.end}
                          title={
                            word.confidence < LOW_CONFIDENCE
                              ? `Low confidence: ${Math.round(word.confidence)}%`
                              : undefined
                          }
                          style={{
                            left: word.x * scale,
                            top: word.y * scale,
                            width: word.width * scale,
                            height: word.height * scale,
                            fontSize: Math.max(4, word.height * scale * 0.85),
                          }}
                        >
                          {ocr.text.slice(word.start, word.end)}
                        </span>
                      ))}
                    </div>
                  ) : null}
                </>
              ) : null}
            </div>
          )}
        </div>
        <section className="image-reader__text" aria-label="Recognized text">
          <div className="image-reader__text-head">
            <h2 className="side-section__title">Recognized text</h2>
            <span className="faint small">
              {current
                ? current.kind === 'correction'
                  ? `Revision ${current.revision}: your correction (the recognised text is kept)`
                  : current.kind === 'ocr'
                    ? `Recognised on this machine${lowCount ? ` · ${lowCount} uncertain word${lowCount === 1 ? '' : 's'} underlined` : ''}`
                    : ''
                : ''}
            </span>
            <span className="spacer" />
            {current && !editing ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setDraft(text);
                  setEditing(true);
                }}
              >
                <Pencil aria-hidden="true" />
                Correct text
              </button>
            ) : null}
          </div>
          {revisions === undefined ? (
            <Loading label="Loading text…" />
          ) : editing ? (
            <form
              className="ocr-correction"
              onSubmit={(event) => {
                event.preventDefault();
                void saveCorrection();
              }}
            >
              <label className="field__label" htmlFor={`correction-${source.id}`}>
                Corrected text
              </label>
              <textarea
                id={`correction-${source.id}`}
                className="textarea ocr-correction__text"
                value={draft}
                spellCheck={false}
                autoFocus
                onChange={(event) => setDraft(event.target.value)}
              />
              <p className="faint small">
                Saved as a new revision. Tags and citations follow their quoted words; any whose
                words you remove are flagged.
              </p>
              <div className="row">
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={busy || draft === text}
                >
                  Save correction
                </button>
                <button type="button" className="button" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : !current ? (
            <EmptyState
              icon={<ScanText aria-hidden="true" />}
              title="No text recognised yet"
              headingLevel={3}
            >
              Choose “Recognize text” to read the words in this image, on this machine.
            </EmptyState>
          ) : text.length === 0 ? (
            <Notice tone="info" live={false}>
              No text was recognised in this image.
            </Notice>
          ) : (
            <TextView
              text={text}
              marks={marks}
              focus={focusRange}
              focusKey={focusKey}
              onSelectionChange={onSelectionChange}
              onKeyDown={onKeyDown}
              onMarkClick={(mark) => {
                if (mark.kind === 'mention' || mark.kind === 'citation')
                  navigate(paths.source(record.id, source.id, { kind: mark.kind, id: mark.id }));
              }}
              label={`Text of ${source.title}`}
            />
          )}
        </section>
      </div>
      <AnnotationDialogs
        sourceId={source.id}
        pending={pending}
        onClose={() => setPending(undefined)}
      />
    </ReaderFrame>
  );
}
