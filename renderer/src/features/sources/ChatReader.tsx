import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarPlus, CornerDownRight, Paperclip } from 'lucide-react';
import type { Anchor } from '@shared/schemas/anchor';
import type { Message, Source } from '@shared/schemas/records';
import {
  createTextAnchor,
  EmptySelectionError,
  resolveTextAnchor,
} from '@shared/domain/textAnchor';
import {
  messageDate,
  type ChatMetadata,
  type ConversationRange,
} from '@shared/domain/chat/toMessages';
import { Loading, plural } from '../../ui';
import { paths, type SourceFocus } from '../../navigation/paths';
import { useCase } from '../cases';
import { MessageText, useMessageSelection, type MessageSelection } from './MessageText';
import type { Mark } from './textBlocks';
import {
  AnnotationDialogs,
  marksOf,
  nothingSelectedHint,
  ReaderFrame,
  useAnnotations,
  usePlaced,
  useReaderActions,
  type Placement,
} from './readerKit';

const PAGE = 200;

/** The ids of the messages the anchors of a source's tags and citations point into. */
function messageIdsOf(anchors: Anchor[]): string[] {
  const ids = new Set<string>();
  for (const anchor of anchors) {
    if (anchor.type === 'message') ids.add(anchor.messageId);
    else if (anchor.type === 'text' && anchor.scope?.messageId) ids.add(anchor.scope.messageId);
  }
  return [...ids];
}

/** Where an anchor lies in its message's text (messages never change, so mostly by position). */
function placeInMessage(messages: Map<string, Message>, anchor: Anchor): Placement {
  if (anchor.type === 'message') {
    const message = messages.get(anchor.messageId);
    return message ? { start: 0, end: message.text.length } : null;
  }
  if (anchor.type !== 'text' || !anchor.scope?.messageId) return null;
  const message = messages.get(anchor.scope.messageId);
  return message ? resolveTextAnchor(message.text, anchor) : null;
}

/** The message an anchor points into. */
function messageIdOf(anchor: Anchor): string | undefined {
  if (anchor.type === 'message') return anchor.messageId;
  return anchor.type === 'text' ? anchor.scope?.messageId : undefined;
}

/**
 * A chat export as a conversation: one row per message (sender, time as stated, text, replies,
 * attachments linked to their files), a list named after the chat. Only the rows on screen are
 * drawn and only their messages are read, so a 100,000-message export opens at once. Selecting
 * words in a message tags or cites them; "Add event" on a message cites it whole, dated when it
 * was sent.
 */
export function ChatReader({ source, focus }: { source: Source; focus?: SourceFocus | undefined }) {
  const { repos, record } = useCase();
  const [, navigate] = useLocation();
  const total = useLiveQuery(() => repos.sources.messageCount(source.id), [repos, source.id]);
  const chat = source.metadata?.chat as ChatMetadata | undefined;
  const conversations = useMemo<ConversationRange[]>(
    () =>
      chat?.conversations?.length
        ? chat.conversations
        : [{ name: source.title, participants: [], firstSeq: 0, count: total ?? 0 }],
    [chat, source.title, total],
  );
  const [conversationIndex, setConversationIndex] = useState(0);
  const conversation = conversations[
    Math.min(conversationIndex, conversations.length - 1)
  ] as ConversationRange;

  const annotations = useAnnotations(source.id);
  const directFocus = focus?.kind === 'message' ? focus.id : undefined;
  const anchorIds = useMemo(
    () => [
      ...messageIdsOf(
        [...(annotations.mentions ?? []), ...(annotations.citations ?? [])].map((a) => a.anchor),
      ),
      ...(directFocus ? [directFocus] : []),
    ],
    [annotations.mentions, annotations.citations, directFocus],
  );
  const annotated = useLiveQuery(async () => {
    const list = await repos.store.db.messages.bulkGet(anchorIds);
    return new Map(list.filter((m): m is Message => Boolean(m)).map((m) => [m.id, m]));
  }, [repos, anchorIds]);
  const place = useCallback(
    (anchor: Anchor) => placeInMessage(annotated ?? new Map(), anchor),
    [annotated],
  );
  const placed = usePlaced(annotations, place);
  const marksByMessage = useMemo(() => {
    const map = new Map<string, Mark[]>();
    const all = marksOf(placed);
    const anchorOf = new Map<string, Anchor>();
    for (const { mention } of placed.mentions) anchorOf.set(mention.id, mention.anchor);
    for (const { citation } of placed.citations) anchorOf.set(citation.id, citation.anchor);
    for (const mark of all) {
      const anchor = anchorOf.get(mark.id);
      const id = anchor ? messageIdOf(anchor) : undefined;
      if (!id) continue;
      const list = map.get(id);
      if (list) list.push(mark);
      else map.set(id, [mark]);
    }
    return map;
  }, [placed]);

  // Pages of messages, read as they scroll into view.
  const [pages, setPages] = useState<Map<number, Message[]>>(new Map());
  const loading = useRef(new Set<number>());
  useEffect(() => {
    setPages(new Map());
    loading.current = new Set();
  }, [conversation.firstSeq]);
  const messageAt = (index: number): Message | undefined =>
    pages.get(Math.floor(index / PAGE))?.[index % PAGE];

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversation.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    const wanted = new Set<number>();
    for (let page = Math.floor(firstIndex / PAGE); page <= Math.floor(lastIndex / PAGE); page += 1)
      wanted.add(page);
    for (const page of wanted) {
      if (pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      const from = conversation.firstSeq + page * PAGE;
      const to = Math.min(conversation.firstSeq + conversation.count, from + PAGE);
      void repos.sources.messages(source.id, from, to).then((list) => {
        setPages((current) => new Map(current).set(page, list));
      });
    }
  }, [firstIndex, lastIndex, pages, repos, source.id, conversation]);

  // Following a link to a tag or citation: open its conversation and scroll to its message.
  const focusMessageId = useMemo(() => {
    if (!focus || focus.kind === 'range') return undefined;
    if (focus.kind === 'message') return focus.id;
    const list = focus.kind === 'mention' ? annotations.mentions : annotations.citations;
    const found = list?.find((item) => item.id === focus.id);
    return found ? messageIdOf(found.anchor) : undefined;
  }, [focus, annotations.mentions, annotations.citations]);
  const focusMessage = focusMessageId ? annotated?.get(focusMessageId) : undefined;
  useEffect(() => {
    if (!focusMessage) return;
    const index = conversations.findIndex(
      (c) => focusMessage.seq >= c.firstSeq && focusMessage.seq < c.firstSeq + c.count,
    );
    if (index >= 0 && index !== conversationIndex) {
      setConversationIndex(index);
      return;
    }
    const target = conversations[index >= 0 ? index : 0] as ConversationRange;
    virtualizer.scrollToIndex(focusMessage.seq - target.firstSeq, { align: 'center' });
    // Scroll again only when asked to focus something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusMessage, conversationIndex]);
  const focusMissing = Boolean(
    focus && focus.kind !== 'range' && annotations.loaded && annotated && !focusMessage,
  );
  // A passage of a message to highlight (a search hit).
  const focusMark = useMemo<Mark | undefined>(
    () =>
      focus?.kind === 'message' &&
      focus.start !== undefined &&
      focus.end !== undefined &&
      focus.end > focus.start
        ? { start: focus.start, end: focus.end, id: 'focus', kind: 'focus', label: 'Found passage' }
        : undefined,
    [focus],
  );

  const { pending, setPending, hint, setHint } = useReaderActions();
  const [selection, setSelection] = useState<MessageSelection | 'across' | null>(null);
  const selectionRef = useRef<MessageSelection | 'across' | null>(null);
  const onSelection = useCallback(
    (next: MessageSelection | 'across' | null) => {
      selectionRef.current = next;
      setSelection(next);
      if (next) setHint(undefined);
    },
    [setHint],
  );
  useMessageSelection(
    useCallback(() => scrollRef.current, []),
    onSelection,
  );

  const zone = chat?.timeZone.zone;
  const findMessage = (id: string): Message | undefined => {
    for (const list of pages.values()) {
      const found = list.find((m) => m.id === id);
      if (found) return found;
    }
    return annotated?.get(id);
  };
  const begin = (kind: 'tag' | 'event') => {
    const chosen = selectionRef.current ?? selection;
    if (chosen === 'across') {
      setHint('Select words inside one message: a tag or a citation points into a single message.');
      return;
    }
    const message = chosen ? findMessage(chosen.messageId) : undefined;
    if (!chosen || !message) {
      setHint(
        kind === 'event'
          ? 'Select the words that back the event, or use “Add event” on a message to cite all of it.'
          : nothingSelectedHint(kind),
      );
      return;
    }
    try {
      const anchor = createTextAnchor(message.text, chosen.start, chosen.end, {
        scope: { messageId: message.id },
      });
      setHint(undefined);
      if (kind === 'tag') setPending({ kind, anchor });
      else setPending({ kind, anchor, sourceDate: messageDate(message, zone) });
    } catch (cause) {
      setHint(
        cause instanceof EmptySelectionError
          ? cause.message
          : String(cause instanceof Error ? cause.message : cause),
      );
    }
  };
  const eventFromMessage = (message: Message) => {
    const anchor: Anchor = message.text.trim()
      ? createTextAnchor(message.text, 0, message.text.length, { scope: { messageId: message.id } })
      : { type: 'message', messageId: message.id };
    setPending({ kind: 'event', anchor, sourceDate: messageDate(message, zone) });
  };

  const selectionText =
    selection === 'across'
      ? 'The selection spans several messages: select words inside one message.'
      : selection
        ? `${(selection.end - selection.start).toLocaleString('en-GB')} characters selected in a message — press T to tag, E to add an event`
        : 'Select words in a message to tag them, or add an event from a message.';

  const seqToIndex = (seq: number) => seq - conversation.firstSeq;
  const onMarkClick = (mark: Mark) => {
    if (mark.kind === 'mention' || mark.kind === 'citation')
      navigate(paths.source(record.id, source.id, { kind: mark.kind, id: mark.id }));
  };

  return (
    <ReaderFrame
      source={source}
      placed={placed}
      selectionText={selectionText}
      hint={hint}
      focusMissing={focusMissing}
      onTag={() => begin('tag')}
      onEvent={() => begin('event')}
      notices={
        chat ? (
          <p className="faint small chat-zone">
            Times as the export states them. {chat.timeZone.assumption}
          </p>
        ) : null
      }
    >
      <div
        className="chat-reader"
        onKeyDown={(event) => {
          if (event.altKey || event.ctrlKey || event.metaKey) return;
          const target = event.target as HTMLElement;
          if (target.closest('input, select, textarea, button')) return;
          if (event.key === 't' || event.key === 'T') {
            event.preventDefault();
            begin('tag');
          } else if (event.key === 'e' || event.key === 'E') {
            event.preventDefault();
            begin('event');
          }
        }}
      >
        <div className="chat-reader__head">
          {conversations.length > 1 ? (
            <label className="chat-reader__picker">
              <span className="field__label">Conversation</span>
              <select
                className="select"
                value={conversationIndex}
                onChange={(event) => {
                  setConversationIndex(Number(event.target.value));
                  virtualizer.scrollToIndex(0);
                }}
              >
                {conversations.map((c, index) => (
                  <option key={`${c.name}-${c.firstSeq}`} value={index}>
                    {c.name} ({c.count.toLocaleString('en-GB')})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <strong>{conversation.name}</strong>
          )}
          <span className="faint small">
            {plural(conversation.count, 'message')}
            {conversation.participants.length
              ? ` · ${conversation.participants.slice(0, 8).join(', ')}${conversation.participants.length > 8 ? '…' : ''}`
              : ''}
          </span>
        </div>
        <div className="chat-reader__scroll" ref={scrollRef} tabIndex={0}>
          {total === undefined ? (
            <Loading label="Loading messages…" />
          ) : (
            <ul
              className="list-reset chat-list"
              aria-label={conversation.name}
              style={{ height: virtualizer.getTotalSize() }}
            >
              {items.map((item) => {
                const message = messageAt(item.index);
                return (
                  <li
                    key={item.key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className="chat-row"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    {message ? (
                      <ChatMessage
                        message={message}
                        marks={
                          focusMark && message.id === focusMessageId
                            ? [...(marksByMessage.get(message.id) ?? []), focusMark]
                            : marksByMessage.get(message.id)
                        }
                        focused={message.id === focusMessageId}
                        caseId={record.id}
                        onEvent={eventFromMessage}
                        onMarkClick={onMarkClick}
                        onReplyClick={(seq) =>
                          virtualizer.scrollToIndex(seqToIndex(seq), { align: 'center' })
                        }
                      />
                    ) : (
                      <div className="chat-message chat-message--loading faint small">Loading…</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
      <AnnotationDialogs
        sourceId={source.id}
        pending={pending}
        onClose={() => setPending(undefined)}
      />
    </ReaderFrame>
  );
}

const EMPTY: Mark[] = [];

function ChatMessage({
  message,
  marks,
  focused,
  caseId,
  onEvent,
  onMarkClick,
  onReplyClick,
}: {
  message: Message;
  marks: Mark[] | undefined;
  focused: boolean;
  caseId: string;
  onEvent: (message: Message) => void;
  onMarkClick: (mark: Mark) => void;
  onReplyClick: (seq: number) => void;
}) {
  const who = message.system ? 'System message' : (message.sender ?? 'Unknown sender');
  const forwarded = message.extra?.forwardedFrom as string | undefined;
  return (
    <div
      className={`chat-message${message.system ? ' chat-message--system' : ''}${focused ? ' chat-message--focused' : ''}${marks?.length ? ' chat-message--marked' : ''}`}
      data-seq={message.seq}
    >
      <div className="chat-message__head">
        <strong className="chat-message__sender">{who}</strong>
        <time
          className="faint small"
          title={
            message.timeZoneAssumption ? `Time zone: ${message.timeZoneAssumption}` : undefined
          }
        >
          {message.sentAtStated}
        </time>
        {message.edited ? (
          <span
            className="badge"
            title={
              typeof message.extra?.editedAtStated === 'string'
                ? `Edited ${message.extra.editedAtStated}`
                : 'Edited after it was sent'
            }
          >
            edited
            {typeof message.extra?.editedAtStated === 'string'
              ? ` ${message.extra.editedAtStated}`
              : ''}
          </span>
        ) : null}
        {forwarded ? <span className="badge">forwarded from {forwarded}</span> : null}
        {message.replyToSeq !== undefined ? (
          <button
            type="button"
            className="link-button small"
            onClick={() => onReplyClick(message.replyToSeq as number)}
          >
            <CornerDownRight aria-hidden="true" className="inline-icon" /> reply to message{' '}
            {message.replyToSeq + 1}
          </button>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="button button--ghost button--small chat-message__action"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onEvent(message)}
          aria-label={`Add event from message ${message.seq + 1} by ${who}`}
          title="Add a timeline event citing this message, dated when it was sent"
        >
          <CalendarPlus aria-hidden="true" />
        </button>
      </div>
      {message.text ? (
        <MessageText
          messageId={message.id}
          text={message.text}
          marks={marks ?? EMPTY}
          onMarkClick={onMarkClick}
        />
      ) : null}
      {message.attachments?.length ? (
        <ul className="list-reset chat-message__attachments">
          {message.attachments.map((attachment, index) => (
            <li key={`${attachment.name}-${index}`} className="small">
              <Paperclip aria-hidden="true" className="inline-icon" />{' '}
              {attachment.sourceId ? (
                <Link href={paths.source(caseId, attachment.sourceId)}>{attachment.name}</Link>
              ) : (
                <span className="faint">{attachment.name} (not in the export)</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
