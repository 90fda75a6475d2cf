import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { CalendarPlus, Paperclip } from 'lucide-react';
import type { Anchor } from '@shared/schemas/anchor';
import type { Message, Source } from '@shared/schemas/records';
import type { PartialDate } from '@shared/schemas/partialDate';
import {
  createTextAnchor,
  EmptySelectionError,
  resolveTextAnchor,
} from '@shared/domain/textAnchor';
import { partialDateFromInstant } from '@shared/domain/partialDate';
import { Loading, plural } from '../../ui';
import { paths, type SourceFocus } from '../../navigation/paths';
import { useCase } from '../cases';
import { MessageText, useMessageSelection, type MessageSelection } from './MessageText';
import type { Mark } from './textBlocks';
import { sanitizeEmailHtml } from './sanitizeEmailHtml';
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

function messageIdOf(anchor: Anchor): string | undefined {
  if (anchor.type === 'message') return anchor.messageId;
  return anchor.type === 'text' ? anchor.scope?.messageId : undefined;
}

/** The date an email was sent, in the offset its Date header states. */
function emailDate(message: Message): PartialDate | undefined {
  if (!message.sentAt) return undefined;
  const offset = /\(([+-]\d{2}:\d{2})\)$/.exec(message.timeZoneAssumption ?? '')?.[1];
  return partialDateFromInstant(message.sentAt, offset ?? 'UTC');
}

/**
 * Emails, grouped by thread: headers, the text (where passages are tagged and cited), and on
 * request the formatted HTML, sanitised, with nothing remote loaded; attachments link to their
 * own sources.
 */
export function EmailReader({
  source,
  focus,
}: {
  source: Source;
  focus?: SourceFocus | undefined;
}) {
  const { repos, record } = useCase();
  const [, navigate] = useLocation();
  const messages = useLiveQuery(() => repos.sources.messages(source.id), [repos, source.id]);
  const byId = useMemo(() => new Map((messages ?? []).map((m) => [m.id, m])), [messages]);
  const threadSubjects = ((
    source.metadata?.email as { threads?: Record<string, string> } | undefined
  )?.threads ?? {}) as Record<string, string>;
  const threads = useMemo(() => {
    const map = new Map<string, Message[]>();
    for (const message of messages ?? []) {
      const key = message.conversation ?? message.id;
      const list = map.get(key);
      if (list) list.push(message);
      else map.set(key, [message]);
    }
    for (const list of map.values())
      list.sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '') || a.seq - b.seq);
    return [...map.entries()];
  }, [messages]);

  const annotations = useAnnotations(source.id);
  const place = useCallback(
    (anchor: Anchor): Placement => {
      const id = messageIdOf(anchor);
      const message = id ? byId.get(id) : undefined;
      if (!message) return null;
      if (anchor.type === 'message') return { start: 0, end: message.text.length };
      return anchor.type === 'text' ? resolveTextAnchor(message.text, anchor) : null;
    },
    [byId],
  );
  const placed = usePlaced(annotations, place);
  const marksByMessage = useMemo(() => {
    const anchorOf = new Map<string, Anchor>();
    for (const { mention } of placed.mentions) anchorOf.set(mention.id, mention.anchor);
    for (const { citation } of placed.citations) anchorOf.set(citation.id, citation.anchor);
    const map = new Map<string, Mark[]>();
    for (const mark of marksOf(placed)) {
      const anchor = anchorOf.get(mark.id);
      const id = anchor ? messageIdOf(anchor) : undefined;
      if (!id) continue;
      map.set(id, [...(map.get(id) ?? []), mark]);
    }
    return map;
  }, [placed]);

  const focusMessageId = useMemo(() => {
    if (!focus || focus.kind === 'range') return undefined;
    if (focus.kind === 'message') return focus.id;
    const list = focus.kind === 'mention' ? annotations.mentions : annotations.citations;
    const found = list?.find((item) => item.id === focus.id);
    return found ? messageIdOf(found.anchor) : undefined;
  }, [focus, annotations.mentions, annotations.citations]);
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
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusMessageId) return;
    listRef.current
      ?.querySelector(`[data-email="${CSS.escape(focusMessageId)}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [focusMessageId, messages]);

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
    useCallback(() => listRef.current, []),
    onSelection,
  );

  const begin = (kind: 'tag' | 'event') => {
    const chosen = selectionRef.current ?? selection;
    if (chosen === 'across') {
      setHint('Select words inside one email’s text.');
      return;
    }
    const message = chosen ? byId.get(chosen.messageId) : undefined;
    if (!chosen || !message) {
      setHint(nothingSelectedHint(kind));
      return;
    }
    try {
      const anchor = createTextAnchor(message.text, chosen.start, chosen.end, {
        scope: { messageId: message.id },
      });
      setHint(undefined);
      if (kind === 'tag') setPending({ kind, anchor });
      else setPending({ kind, anchor, sourceDate: emailDate(message) });
    } catch (cause) {
      setHint(
        cause instanceof EmptySelectionError
          ? cause.message
          : String(cause instanceof Error ? cause.message : cause),
      );
    }
  };
  const eventFromEmail = (message: Message) => {
    const anchor: Anchor = message.text.trim()
      ? createTextAnchor(message.text, 0, Math.min(message.text.length, 100_000), {
          scope: { messageId: message.id },
        })
      : { type: 'message', messageId: message.id };
    setPending({ kind: 'event', anchor, sourceDate: emailDate(message) });
  };
  const onMarkClick = (mark: Mark) => {
    if (mark.kind === 'mention' || mark.kind === 'citation')
      navigate(paths.source(record.id, source.id, { kind: mark.kind, id: mark.id }));
  };

  return (
    <ReaderFrame
      source={source}
      placed={placed}
      selectionText={
        selection === 'across'
          ? 'The selection spans several emails: select words inside one.'
          : selection
            ? `${(selection.end - selection.start).toLocaleString('en-GB')} characters selected — press T to tag, E to add an event`
            : 'Select words in an email to tag them or add an event.'
      }
      hint={hint}
      onTag={() => begin('tag')}
      onEvent={() => begin('event')}
    >
      <div
        className="email-reader"
        ref={listRef}
        onKeyDown={(event) => {
          if (event.altKey || event.ctrlKey || event.metaKey) return;
          if ((event.target as HTMLElement).closest('input, select, textarea, button')) return;
          if (event.key === 't' || event.key === 'T') {
            event.preventDefault();
            begin('tag');
          } else if (event.key === 'e' || event.key === 'E') {
            event.preventDefault();
            begin('event');
          }
        }}
        tabIndex={0}
      >
        {messages === undefined ? (
          <Loading label="Loading emails…" />
        ) : (
          threads.map(([threadId, list]) => (
            <section
              key={threadId}
              className="email-thread"
              aria-label={`Thread: ${threadSubjects[threadId] ?? list[0]?.extra?.subject ?? 'no subject'}`}
            >
              {threads.length > 1 && list.length > 1 ? (
                <h2 className="email-thread__title">
                  {threadSubjects[threadId] ?? String(list[0]?.extra?.subject ?? '(no subject)')}{' '}
                  <span className="faint small">{plural(list.length, 'email')}</span>
                </h2>
              ) : null}
              <ul
                className="list-reset email-list"
                aria-label={
                  threads.length > 1 ? `Emails in this thread` : `Emails in ${source.title}`
                }
              >
                {list.map((message) => (
                  <EmailCard
                    key={message.id}
                    message={message}
                    marks={
                      focusMark && message.id === focusMessageId
                        ? [...(marksByMessage.get(message.id) ?? []), focusMark]
                        : marksByMessage.get(message.id)
                    }
                    focused={message.id === focusMessageId}
                    caseId={record.id}
                    onEvent={eventFromEmail}
                    onMarkClick={onMarkClick}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
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

function EmailCard({
  message,
  marks,
  focused,
  caseId,
  onEvent,
  onMarkClick,
}: {
  message: Message;
  marks: Mark[] | undefined;
  focused: boolean;
  caseId: string;
  onEvent: (message: Message) => void;
  onMarkClick: (mark: Mark) => void;
}) {
  const { repos } = useCase();
  const extra = message.extra ?? {};
  const subject = String(extra.subject ?? '') || '(no subject)';
  const html = typeof extra.html === 'string' ? extra.html : undefined;
  const [formatted, setFormatted] = useState(false);
  const contentIds = (extra.contentIds ?? {}) as Record<string, string>;
  const [cidUrls, setCidUrls] = useState<Map<string, string>>();
  useEffect(() => {
    if (!formatted || !html) return;
    let urls: string[] = [];
    let live = true;
    void (async () => {
      const map = new Map<string, string>();
      for (const [cid, sourceId] of Object.entries(contentIds)) {
        const blob = await repos.sources.original(sourceId);
        if (!blob) continue;
        const url = URL.createObjectURL(blob);
        urls.push(url);
        map.set(cid, url);
      }
      if (live) setCidUrls(map);
    })();
    return () => {
      live = false;
      urls.forEach((url) => URL.revokeObjectURL(url));
      urls = [];
    };
    // The attachments of a stored email never change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formatted, html, repos]);
  const safe = useMemo(
    () => (formatted && html && cidUrls ? sanitizeEmailHtml(html, cidUrls) : undefined),
    [formatted, html, cidUrls],
  );
  const rows: [string, string | undefined][] = [
    ['From', extra.from as string | undefined],
    ['To', (extra.to as string[] | undefined)?.join(', ')],
    ['Cc', (extra.cc as string[] | undefined)?.join(', ')],
    ['Date', message.sentAtStated || undefined],
  ];
  return (
    <li
      className={`email-card${focused ? ' email-card--focused' : ''}`}
      data-email={message.id}
      aria-label={subject}
    >
      <div className="email-card__head">
        <h3 className="email-card__subject">{subject}</h3>
        <span className="spacer" />
        {html ? (
          <button
            type="button"
            className="button button--small"
            aria-pressed={formatted}
            onClick={() => setFormatted((v) => !v)}
          >
            {formatted ? 'Show text' : 'Show formatted'}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onEvent(message)}
          aria-label={`Add event from the email “${subject}”`}
          title="Add a timeline event citing this email, dated when it was sent"
        >
          <CalendarPlus aria-hidden="true" />
        </button>
      </div>
      <dl className="email-card__headers small">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="details__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {formatted && safe ? (
        <>
          {safe.blockedImages ? (
            <p className="faint small">
              {plural(safe.blockedImages, 'remote image')} blocked: nothing is loaded from the
              internet.
            </p>
          ) : null}
          <div
            className="email-html"
            role="document"
            aria-label={`Formatted email: ${subject}`}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) event.preventDefault();
            }}
            dangerouslySetInnerHTML={{ __html: safe.html }}
          />
        </>
      ) : message.text ? (
        <MessageText
          messageId={message.id}
          text={message.text}
          marks={marks ?? EMPTY}
          onMarkClick={onMarkClick}
          className="message-text email-card__text"
        />
      ) : (
        <p className="faint small">This email has no text.</p>
      )}
      {message.attachments?.length ? (
        <ul className="list-reset email-card__attachments" aria-label="Attachments">
          {message.attachments.map((attachment, index) => (
            <li key={`${attachment.name}-${index}`} className="small">
              <Paperclip aria-hidden="true" className="inline-icon" />{' '}
              {attachment.sourceId ? (
                <Link href={paths.source(caseId, attachment.sourceId)}>{attachment.name}</Link>
              ) : (
                <span>{attachment.name}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
