import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  blockIndexAt,
  segmentBlock,
  splitIntoBlocks,
  splitIntoPagedBlocks,
  type Mark,
  type TextBlock,
} from './textBlocks';

/** A selected passage as offsets into the text. */
export interface TextSelection {
  start: number;
  end: number;
}

interface TextViewProps {
  text: string;
  marks: readonly Mark[];
  /** The passage to bring into view and highlight; a new `focusKey` scrolls to it again. */
  focus?: TextSelection | undefined;
  focusKey?: string | undefined;
  /** Called with the selected passage, or null when nothing in the text is selected. */
  onSelectionChange: (selection: TextSelection | null) => void;
  /** Called when a marked passage is clicked without selecting. */
  onMarkClick?: (mark: Mark) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  label: string;
  /** For paged documents: where each page starts; each page then begins with its number. */
  pageStarts?: readonly number[] | undefined;
}

const LINE_HEIGHT = 28;
const CHARS_PER_LINE = 85;

/** The element of a text block around a DOM point, or undefined when the point is outside blocks. */
function blockElementOf(node: Node | null): HTMLElement | undefined {
  let element: Element | null = node instanceof Element ? node : (node?.parentElement ?? null);
  while (element && !(element instanceof HTMLElement && element.dataset.blockStart !== undefined)) {
    element = element.parentElement;
  }
  return element ?? undefined;
}

/**
 * The text offset of a DOM point inside the view. Points between blocks (in padding, or on the
 * container itself) snap to the nearest block edge.
 */
function offsetOfPoint(
  container: HTMLElement,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  const block = blockElementOf(node);
  if (block && container.contains(block)) {
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.blockStart) + range.toString().length;
  }
  if (!container.contains(node)) return null;
  const blocks = Array.from(container.querySelectorAll<HTMLElement>('[data-block-start]'));
  if (blocks.length === 0) return null;
  // The point is on an ancestor of the blocks: find the first block that lies after it.
  const after = blocks.find((el) => {
    const probe = document.createRange();
    probe.setStart(node, offset);
    probe.collapse(true);
    return probe.comparePoint(el, 0) >= 0;
  });
  if (after) return Number(after.dataset.blockStart);
  const last = blocks[blocks.length - 1] as HTMLElement;
  return edge === 'end' ? Number(last.dataset.blockEnd) : Number(last.dataset.blockStart);
}

/**
 * A long text, shown a block at a time (only the blocks near the viewport are in the page, so a
 * 50 MB file scrolls as freely as a memo), with mentions and citations marked, and selection
 * reported as offsets into the text.
 */
export function TextView({
  text,
  marks,
  focus,
  focusKey,
  onSelectionChange,
  onMarkClick,
  onKeyDown,
  label,
  pageStarts,
}: TextViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const blocks = useMemo(
    () =>
      pageStarts && pageStarts.length > 1
        ? splitIntoPagedBlocks(text, pageStarts)
        : splitIntoBlocks(text),
    [text, pageStarts],
  );
  const allMarks = useMemo<Mark[]>(
    () =>
      focus
        ? [
            ...marks,
            {
              start: focus.start,
              end: focus.end,
              id: 'focus',
              kind: 'focus',
              label: 'Selected passage',
            },
          ]
        : [...marks],
    [marks, focus],
  );

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const block = blocks[index] as TextBlock;
      return Math.max(1, Math.ceil((block.end - block.start) / CHARS_PER_LINE)) * LINE_HEIGHT;
    },
    overscan: 3,
  });

  // Bring the focused passage into view: first its block, then the mark itself once it is drawn.
  useEffect(() => {
    if (!focus || blocks.length === 0) return;
    virtualizer.scrollToIndex(blockIndexAt(blocks, focus.start), { align: 'center' });
    let frames = 0;
    let handle = 0;
    const settle = () => {
      const mark = scrollRef.current?.querySelector<HTMLElement>('mark[data-focus="true"]');
      if (mark) {
        mark.scrollIntoView({ block: 'center' });
        return;
      }
      if (frames++ < 30) handle = requestAnimationFrame(settle);
    };
    handle = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(handle);
    // Scroll again only when asked to focus something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, blocks]);

  const report = useCallback(() => {
    const container = scrollRef.current;
    const selection = document.getSelection();
    if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      onSelectionChange(null);
      return;
    }
    const range = selection.getRangeAt(0);
    if (!container.contains(range.commonAncestorContainer)) {
      onSelectionChange(null);
      return;
    }
    const start = offsetOfPoint(container, range.startContainer, range.startOffset, 'start');
    const end = offsetOfPoint(container, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) {
      onSelectionChange(null);
      return;
    }
    onSelectionChange({ start, end });
  }, [onSelectionChange]);

  useEffect(() => {
    let frame = 0;
    const changed = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(report);
    };
    document.addEventListener('selectionchange', changed);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', changed);
    };
  }, [report]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="text-view"
      role="document"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest('mark[data-mark-id]');
        if (!target || !onMarkClick || !document.getSelection()?.isCollapsed) return;
        const found = allMarks.find((mark) => mark.id === (target as HTMLElement).dataset.markId);
        if (found && found.kind !== 'focus' && found.kind !== 'uncertain') onMarkClick(found);
      }}
    >
      <div className="text-view__inner" style={{ height: virtualizer.getTotalSize() }}>
        <div
          className="text-view__blocks"
          style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
        >
          {items.map((item) => {
            const block = blocks[item.index] as TextBlock;
            return (
              <TextBlockView
                key={item.key}
                index={item.index}
                measure={virtualizer.measureElement}
                text={text}
                block={block}
                marks={allMarks}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface TextBlockViewProps {
  index: number;
  measure: (element: Element | null) => void;
  text: string;
  block: TextBlock;
  marks: readonly Mark[];
}

const TextBlockView = memo(function TextBlockView({
  index,
  measure,
  text,
  block,
  marks,
}: TextBlockViewProps) {
  const segments = useMemo(() => segmentBlock(block, marks), [block, marks]);
  return (
    <div
      ref={measure}
      data-index={index}
      data-block-start={block.start}
      data-block-end={block.end}
      data-page-label={block.page !== undefined ? `Page ${block.page}` : undefined}
      className={
        block.page !== undefined ? 'text-view__block text-view__block--page' : 'text-view__block'
      }
    >
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        if (segment.marks.length === 0) return content;
        const mention = segment.marks.find((mark) => mark.kind === 'mention');
        const citation = segment.marks.find((mark) => mark.kind === 'citation');
        const focused = segment.marks.some((mark) => mark.kind === 'focus');
        const uncertain = segment.marks.some((mark) => mark.kind === 'uncertain');
        const primary = mention ?? citation ?? segment.marks[0];
        const classes = ['hl'];
        if (mention) classes.push('hl--mention');
        if (citation) classes.push('hl--citation');
        if (focused) classes.push('hl--focus');
        if (uncertain) classes.push('hl--uncertain');
        return (
          <mark
            key={segment.start}
            className={classes.join(' ')}
            data-entity-type={mention?.entityType}
            data-mark-id={primary?.id}
            data-focus={focused ? 'true' : undefined}
            data-uncertain={uncertain ? 'true' : undefined}
            title={segment.marks
              .filter((mark) => mark.kind !== 'focus')
              .map((mark) => mark.label)
              .join('\n')}
          >
            {content}
          </mark>
        );
      })}
    </div>
  );
});
