import { errorMessage } from '@shared/domain/errorMessage';
import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  AlertTriangle,
  CheckCircle2,
  HelpCircle,
  Pencil,
  Quote,
  RotateCcw,
  Trash2,
  X,
} from 'lucide-react';
import type { Citation, Event, TagColor, Verification } from '@shared/schemas/records';
import { TagColorSchema } from '@shared/schemas/records';
import { formatPartialDate, isUncertainDate, precisionOfDate } from '@shared/domain/partialDate';
import {
  independentSourceCount,
  VERIFICATION_LABELS,
  verificationWarning,
} from '@shared/domain/timeline/evidence';
import { Notice, formatTimestamp, useToast } from '../../ui';
import { RichTextView } from '../../editor';
import { dateOfSentAt, type CitationHealth } from '../../db';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { useEventHistory } from './useHistory';

interface EventDetailsProps {
  event: Event;
  tagColor: (tag: string) => TagColor;
  onEdit: (event: Event) => void;
  onDelete: (event: Event) => void;
  onClose: () => void;
}

interface CitationRow {
  citation: Citation;
  sourceTitle: string;
  sourceDate?: string;
  health: CitationHealth;
}

const PRECISION_WORDS = {
  year: 'to the year',
  month: 'to the month',
  day: 'to the day',
  minute: 'to the minute',
};

/** Everything about the selected event: its evidence, verification, tags, review and comments. */
export function EventDetails({ event, tagColor, onEdit, onDelete, onClose }: EventDetailsProps) {
  const { repos, record } = useCase();
  const { actions } = useEventHistory();
  const toast = useToast();
  const evidence = useLiveQuery(async () => {
    const citations = await repos.events.citationsOf(event.id);
    const sourceIds = [...new Set(citations.map((c) => c.sourceId))];
    const all = await repos.store.db.sources.toArray();
    const sources = new Map(all.map((s) => [s.id, s]));
    const messageIds = citations
      .map((c) =>
        c.anchor.type === 'message'
          ? c.anchor.messageId
          : c.anchor.type === 'text'
            ? c.anchor.scope?.messageId
            : undefined,
      )
      .filter((id): id is string => Boolean(id));
    const messages = new Map(
      (await repos.store.db.messages.bulkGet([...new Set(messageIds)]))
        .filter((m) => m !== undefined)
        .map((m) => [m.id, m]),
    );
    const health = await repos.events.checkCitations(citations);
    const rows: CitationRow[] = citations.map((citation) => {
      const source = sources.get(citation.sourceId);
      const messageId =
        citation.anchor.type === 'message'
          ? citation.anchor.messageId
          : citation.anchor.type === 'text'
            ? citation.anchor.scope?.messageId
            : undefined;
      const sentAt = messageId ? messages.get(messageId)?.sentAt : undefined;
      const stated = sentAt ? dateOfSentAt(sentAt) : source?.sourceDate;
      return {
        citation,
        sourceTitle: source?.title ?? 'Missing source',
        ...(stated ? { sourceDate: formatPartialDate(stated) } : {}),
        health: health.get(citation.id) ?? 'ok',
      };
    });
    return {
      rows,
      independent: independentSourceCount(citations, sources),
      sourceCount: sourceIds.length,
    };
  }, [repos, event.id, event.updatedAt]);
  const comments = useLiveQuery(() => repos.events.commentsOf(event.id), [repos, event.id]);
  const [comment, setComment] = useState('');
  const [tagText, setTagText] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } catch (cause) {
      toast.show(errorMessage(cause), 'error');
    } finally {
      setBusy(false);
    }
  };

  const warning = evidence
    ? verificationWarning(event.verification, evidence.independent)
    : undefined;
  const broken =
    evidence?.rows.filter((r) => r.health === 'missing' || r.health === 'no-source').length ?? 0;
  const precision = precisionOfDate(event.date);

  return (
    <aside className="event-details" aria-label={`Details of ${event.title}`}>
      <header className="event-details__header">
        <div>
          <h2>{event.title}</h2>
          <p className="small">
            <time>{formatPartialDate(event.date)}</time>
            <span className="faint">
              {' '}
              · stated {PRECISION_WORDS[precision]}
              {event.date.approximate ? ', approximate' : ''}
              {event.date.bound
                ? `, open ${event.date.bound === 'before' ? 'before' : 'after'}`
                : ''}
              {event.date.timeZone ? `, ${event.date.timeZone}` : ', local time of the source'}
            </span>
          </p>
        </div>
        <div className="row">
          <button
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label="Edit event"
            title="Edit"
            onClick={() => onEdit(event)}
          >
            <Pencil aria-hidden="true" />
          </button>
          <button
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label="Delete event"
            title="Delete"
            onClick={() => onDelete(event)}
          >
            <Trash2 aria-hidden="true" />
          </button>
          <button
            type="button"
            className="button button--ghost button--icon button--small"
            aria-label="Close details"
            title="Close"
            onClick={onClose}
          >
            <X aria-hidden="true" />
          </button>
        </div>
      </header>
      <div className="event-details__body">
        {isUncertainDate(event.date) ? (
          <p className="faint small">The date is uncertain; the time axis draws it faded.</p>
        ) : null}
        {event.description !== undefined ? (
          <RichTextView
            value={event.description}
            className="event-details__description"
            entityHref={(id) => paths.entity(record.id, id)}
            citationHref={(citationId, sourceId) =>
              paths.source(record.id, sourceId, { kind: 'citation', id: citationId })
            }
          />
        ) : null}

        <section className="event-details__section" aria-label="Verification and sources">
          <h3>Verification</h3>
          <div className="row">
            <label className="visually-hidden" htmlFor={`verification-${event.id}`}>
              Verification
            </label>
            <select
              id={`verification-${event.id}`}
              className="select"
              value={event.verification}
              disabled={busy}
              onChange={(e) =>
                run(() =>
                  actions.update(
                    event.id,
                    { verification: e.target.value as Verification },
                    `Mark “${event.title}” ${VERIFICATION_LABELS[e.target.value as Verification].toLowerCase()}`,
                  ),
                )
              }
            >
              {Object.entries(VERIFICATION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {evidence ? (
              <span className="small" aria-label="Independent sources">
                {evidence.independent} independent source{evidence.independent === 1 ? '' : 's'}
              </span>
            ) : null}
          </div>
          {evidence && evidence.sourceCount > evidence.independent ? (
            <p className="faint small">
              {evidence.sourceCount} sources are cited; copies of one original and files from one
              export count once.
            </p>
          ) : null}
          {warning ? (
            <Notice tone="warning" live={false}>
              {warning}
            </Notice>
          ) : null}
        </section>

        <section className="event-details__section" aria-label="Tags">
          <h3>Tags</h3>
          <ul className="list-reset event-details__tags">
            {event.tags.map((tag) => (
              <li key={tag} className="tag" data-color={tagColor(tag)}>
                #{tag}
                <select
                  className="tag__color"
                  aria-label={`Colour of #${tag}`}
                  value={tagColor(tag)}
                  onChange={(e) => run(() => repos.tags.setColor(tag, e.target.value as TagColor))}
                >
                  {TagColorSchema.options.map((color) => (
                    <option key={color} value={color}>
                      {color}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="tag__remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() =>
                    run(() =>
                      actions.update(
                        event.id,
                        { tags: event.tags.filter((t) => t !== tag) },
                        `Untag “${event.title}”`,
                      ),
                    )
                  }
                >
                  <X aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              const tag = tagText.trim();
              if (!tag) return;
              setTagText('');
              void run(() =>
                actions.update(
                  event.id,
                  { tags: [...event.tags, tag] },
                  `Tag “${event.title}” #${tag}`,
                ),
              );
            }}
          >
            <input
              className="input input--small"
              aria-label="New tag"
              placeholder="Add a tag"
              maxLength={60}
              value={tagText}
              onChange={(e) => setTagText(e.target.value)}
            />
            <button type="submit" className="button button--small">
              Add tag
            </button>
          </form>
        </section>

        <section className="event-details__section" aria-label="Evidence">
          <h3>
            Evidence{' '}
            {evidence ? (
              <span className="badge">
                {evidence.rows.length.toLocaleString('en-GB')} citation
                {evidence.rows.length === 1 ? '' : 's'}
              </span>
            ) : null}
          </h3>
          {broken > 0 ? (
            <Notice tone="warning" live={false}>
              {broken === 1 ? 'One cited quote is' : `${broken} cited quotes are`} no longer in the
              source text (it was corrected or the source removed). Check{' '}
              {broken === 1 ? 'it' : 'them'} below.
            </Notice>
          ) : null}
          {evidence && evidence.rows.length === 0 ? (
            <p className="faint small">
              No citation yet. Select a passage in a source, choose Add event, then “Add to existing
              event”.
            </p>
          ) : null}
          {evidence ? (
            <CitationList
              rows={evidence.rows}
              caseId={record.id}
              title={event.title}
              onRemove={(citation) => run(() => actions.removeCitations([citation.id]))}
            />
          ) : null}
        </section>

        <section className="event-details__section" aria-label="Review">
          <h3>Review</h3>
          <p className="small">
            {event.review === 'approved' ? (
              <span className="review review--approved">
                <CheckCircle2 aria-hidden="true" /> Approved
              </span>
            ) : event.review === 'questioned' ? (
              <span className="review review--questioned">
                <HelpCircle aria-hidden="true" /> Questioned
              </span>
            ) : (
              <span className="faint">Open: not reviewed yet</span>
            )}
          </p>
          <div className="row">
            <button
              type="button"
              className="button button--small"
              disabled={busy || event.review === 'approved'}
              onClick={() => run(() => repos.events.setReview(event.id, 'approved'))}
            >
              <CheckCircle2 aria-hidden="true" /> Approve
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy || event.review === 'questioned'}
              onClick={() => run(() => repos.events.setReview(event.id, 'questioned'))}
            >
              <HelpCircle aria-hidden="true" /> Question
            </button>
            {event.review !== 'open' ? (
              <button
                type="button"
                className="button button--small button--ghost"
                disabled={busy}
                onClick={() => run(() => repos.events.setReview(event.id, 'open'))}
              >
                <RotateCcw aria-hidden="true" /> Reopen
              </button>
            ) : null}
          </div>
          <ol className="list-reset comments" aria-label="Comments">
            {(comments ?? []).map((item) => (
              <li key={item.id} className="comment">
                <div className="comment__meta small">
                  <strong>{item.author}</strong>{' '}
                  <span className="faint">{formatTimestamp(item.createdAt)}</span>
                </div>
                <p className="comment__body">{item.body}</p>
              </li>
            ))}
          </ol>
          <form
            className="stack comment-form"
            onSubmit={(e) => {
              e.preventDefault();
              const body = comment;
              void run(async () => {
                await repos.events.addComment(event.id, body);
                setComment('');
              });
            }}
          >
            <label className="field__label" htmlFor={`comment-${event.id}`}>
              Comment
            </label>
            <textarea
              id={`comment-${event.id}`}
              className="textarea"
              value={comment}
              maxLength={20_000}
              placeholder="A question or a note for the reporter"
              onChange={(e) => setComment(e.target.value)}
            />
            <div className="row">
              <span className="spacer" />
              <button
                type="submit"
                className="button button--small button--primary"
                disabled={busy || !comment.trim()}
              >
                Post comment
              </button>
            </div>
          </form>
        </section>
      </div>
    </aside>
  );
}

function CitationList({
  rows,
  caseId,
  title,
  onRemove,
}: {
  rows: CitationRow[];
  caseId: string;
  title: string;
  onRemove: (citation: Citation) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
  });
  if (rows.length === 0) return null;
  return (
    <div className="citation-scroll" ref={scrollRef}>
      <ul
        className="list-reset citation-rows"
        aria-label={`Citations for ${title}`}
        ref={(el) => {
          if (el) el.style.height = `${virtualizer.getTotalSize()}px`;
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as CitationRow;
          const { citation } = row;
          const quote =
            citation.anchor.type === 'text'
              ? citation.anchor.quote.exact
              : citation.anchor.type === 'region'
                ? 'Image region'
                : 'Whole message';
          const short = quote.length > 200 ? `${quote.slice(0, 200)}…` : quote;
          return (
            <li
              key={citation.id}
              data-index={item.index}
              className="citation-row"
              ref={(el) => {
                if (!el) return;
                el.style.transform = `translateY(${item.start}px)`;
                virtualizer.measureElement(el);
              }}
            >
              <Link
                className="citation-link"
                href={paths.source(caseId, citation.sourceId, {
                  kind: 'citation',
                  id: citation.id,
                })}
              >
                <Quote aria-hidden="true" />
                <span className="citation-link__quote">“{short}”</span>
                <span className="citation-link__source">
                  {row.sourceTitle}
                  {row.sourceDate ? ` · source dated ${row.sourceDate}` : ''}
                </span>
              </Link>
              {row.health === 'missing' || row.health === 'no-source' ? (
                <span className="flag small">
                  <AlertTriangle aria-hidden="true" />{' '}
                  {row.health === 'missing'
                    ? 'Quote not found in the current text'
                    : 'Source removed'}
                </span>
              ) : row.health === 'moved' ? (
                <span className="faint small">Found again after a correction</span>
              ) : null}
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove citation “${quote.slice(0, 40)}”`}
                onClick={() => onRemove(citation)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
