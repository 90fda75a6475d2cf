import { memo, useEffect, useMemo } from 'react';
import { segmentBlock, type Mark } from './textBlocks';

/** A passage selected inside one message's text. */
export interface MessageSelection {
  messageId: string;
  start: number;
  end: number;
}

function messageElementOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-message-text]') ?? null;
}

function offsetIn(element: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Reports selections inside the message texts under `container`: the message and the offsets in
 * its text, `'across'` when a selection spans more than one message, or null.
 */
export function useMessageSelection(
  container: () => HTMLElement | null,
  onChange: (selection: MessageSelection | 'across' | null) => void,
): void {
  useEffect(() => {
    let frame = 0;
    const report = () => {
      const root = container();
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
        onChange(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) {
        onChange(null);
        return;
      }
      const first = messageElementOf(range.startContainer);
      const last = messageElementOf(range.endContainer);
      if (!first || !last) {
        onChange(first || last ? 'across' : null);
        return;
      }
      if (first !== last) {
        onChange('across');
        return;
      }
      const start = offsetIn(first, range.startContainer, range.startOffset);
      const end = offsetIn(first, range.endContainer, range.endOffset);
      if (end <= start) {
        onChange(null);
        return;
      }
      onChange({ messageId: first.dataset.messageText as string, start, end });
    };
    const changed = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(report);
    };
    document.addEventListener('selectionchange', changed);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', changed);
    };
  }, [container, onChange]);
}

/** One message's text with its tags and citations marked. */
export const MessageText = memo(function MessageText({
  messageId,
  text,
  marks,
  onMarkClick,
  className = 'message-text',
}: {
  messageId: string;
  text: string;
  marks: readonly Mark[];
  onMarkClick?: (mark: Mark) => void;
  className?: string;
}) {
  const segments = useMemo(
    () => segmentBlock({ start: 0, end: text.length }, marks),
    [text, marks],
  );
  return (
    <div
      className={className}
      data-message-text={messageId}
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>('mark[data-mark-id]');
        if (!target || !onMarkClick || !document.getSelection()?.isCollapsed) return;
        const found = marks.find((mark) => mark.id === target.dataset.markId);
        if (found) onMarkClick(found);
      }}
    >
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        if (segment.marks.length === 0) return content;
        const mention = segment.marks.find((mark) => mark.kind === 'mention');
        const citation = segment.marks.find((mark) => mark.kind === 'citation');
        const focused = segment.marks.some((mark) => mark.kind === 'focus');
        const classes = ['hl'];
        if (mention) classes.push('hl--mention');
        if (citation) classes.push('hl--citation');
        if (focused) classes.push('hl--focus');
        return (
          <mark
            key={segment.start}
            className={classes.join(' ')}
            data-entity-type={mention?.entityType}
            data-mark-id={(mention ?? citation ?? segment.marks[0])?.id}
            data-focus={focused ? 'true' : undefined}
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
