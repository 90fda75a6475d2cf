import { errorMessage } from '@shared/domain/errorMessage';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { ArrowRightLeft, Combine, Pencil, Undo2, UserX } from 'lucide-react';
import type { Entity, Mention, Message, Source } from '@shared/schemas/records';
import { entityTypeLabel } from '@shared/domain/entityTypes';
import { formatPartialDate } from '@shared/domain/partialDate';
import { messageOf } from '@shared/domain/entityProfile';
import { Dialog, EmptyState, Loading, Notice, plural, useToast } from '../../ui';
import { RichTextView } from '../../editor';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import { EditEntityDialog } from './EditEntityDialog';
import { EntityPicker } from './EntityPicker';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function errorText(cause: unknown): string {
  return errorMessage(cause);
}

/** Where a mention opens: its message in a chat or mailbox, or its passage. */
function mentionHref(caseId: string, mention: Mention): string {
  const message = messageOf(mention.anchor);
  if (message && mention.anchor.type === 'text') {
    return paths.source(caseId, mention.sourceId, {
      kind: 'message',
      id: message,
      start: mention.anchor.position.start,
      end: mention.anchor.position.end,
    });
  }
  if (message) return paths.source(caseId, mention.sourceId, { kind: 'message', id: message });
  return paths.source(caseId, mention.sourceId, { kind: 'mention', id: mention.id });
}

/** A few words either side, cut at word boundaries. */
function context(mention: Mention): { before: string; exact: string; after: string } | null {
  if (mention.anchor.type !== 'text') return null;
  const { prefix, exact, suffix } = mention.anchor.quote;
  const before = prefix.replace(/\s+/g, ' ');
  const after = suffix.replace(/\s+/g, ' ');
  const cutBefore = before.indexOf(' ');
  const cutAfter = after.lastIndexOf(' ');
  return {
    before: cutBefore > 0 && before.length >= 24 ? `…${before.slice(cutBefore + 1)}` : before,
    exact,
    after: cutAfter > 0 && after.length >= 24 ? `${after.slice(0, cutAfter)}…` : after,
  };
}

/**
 * One entity's page: what it is (aliases, identifiers, tags, description), every mention with
 * the words around it grouped by source, when it was first and last seen, the timeline events
 * that name it or cite a passage naming it, and the entities named alongside it.
 */
export function EntityDetail({ entityId }: { entityId: string }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [, navigate] = useLocation();
  const entity = useLiveQuery(
    async () => (await repos.entities.get(entityId)) ?? null,
    [repos, entityId],
  );
  const page = useLiveQuery(() => repos.entities.page(entityId), [repos, entityId]);
  const merges = useLiveQuery(() => repos.entities.mergesInto(entityId), [repos, entityId]);
  const survivor = useLiveQuery(
    async () => (entity?.mergedInto ? ((await repos.entities.resolve(entityId)) ?? null) : null),
    [repos, entityId, entity?.mergedInto],
  );
  const [dialog, setDialog] = useState<'edit' | 'merge' | { move: Mention }>();

  if (entity === undefined) return <Loading />;
  if (entity === null) {
    return (
      <EmptyState icon={<UserX aria-hidden="true" />} title="This entity is not in the case">
        It may have been removed, or the link is from another case.
      </EmptyState>
    );
  }
  if (entity.mergedInto) {
    return (
      <EmptyState icon={<Combine aria-hidden="true" />} title={`“${entity.name}” was merged`}>
        Its mentions and events are now those of{' '}
        {survivor ? (
          <Link href={paths.entity(record.id, survivor.id)}>{survivor.name}</Link>
        ) : (
          'another entity'
        )}
        , where the merge can be undone.
      </EmptyState>
    );
  }

  const bySource = new Map<string, Mention[]>();
  for (const mention of page?.mentions ?? []) {
    const list = bySource.get(mention.sourceId);
    if (list) list.push(mention);
    else bySource.set(mention.sourceId, [mention]);
  }
  const groups = [...bySource.entries()]
    .map(([sourceId, mentions]) => ({ source: page?.sources.get(sourceId), sourceId, mentions }))
    .sort(
      (a, b) =>
        b.mentions.length - a.mentions.length ||
        (a.source?.title ?? '').localeCompare(b.source?.title ?? ''),
    );

  const undo = async (mergeId: string, name: string) => {
    try {
      await repos.entities.undoMerge(mergeId);
      toast.show(`Undid the merge: “${name}” is its own entity again.`, 'success');
    } catch (cause) {
      toast.show(errorText(cause), 'error');
    }
  };

  return (
    <section className="entity-detail" aria-label={entity.name}>
      <header className="entity-detail__header">
        <div className="row">
          <span className="type-dot type-dot--large" data-type={entity.type} aria-hidden="true" />
          <h1>{entity.name}</h1>
          <span className="spacer" />
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setDialog('edit')}
            aria-label={`Edit ${entity.name}`}
          >
            <Pencil aria-hidden="true" /> Edit
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setDialog('merge')}
          >
            <Combine aria-hidden="true" /> Merge into…
          </button>
        </div>
        <p className="muted small">
          {entityTypeLabel(entity.type)} · {plural(page?.mentions.length ?? 0, 'mention')} in{' '}
          {plural(bySource.size, 'source')}
          {page?.profile.firstSeen ? (
            <>
              {' '}
              · first seen {page.profile.firstSeen.label}
              {page.profile.lastSeen && page.profile.lastSeen.at !== page.profile.firstSeen.at
                ? `, last seen ${page.profile.lastSeen.label}`
                : ''}
            </>
          ) : null}
        </p>
        <dl className="entity-facts">
          {entity.aliases.length > 0 ? (
            <>
              <dt>Also called</dt>
              <dd>{entity.aliases.join(' · ')}</dd>
            </>
          ) : null}
          {entity.identifiers.length > 0 ? (
            <>
              <dt>Identifiers</dt>
              <dd>
                <ul className="list-reset entity-identifiers">
                  {entity.identifiers.map((id) => (
                    <li key={`${id.kind}:${id.value}`}>
                      <span className="faint">{id.kind}:</span> <code>{id.value}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {entity.tags.length > 0 ? (
            <>
              <dt>Tags</dt>
              <dd className="row entity-tags">
                {entity.tags.map((tag) => (
                  <span key={tag} className="chip">
                    {tag}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        {entity.description ? (
          <div role="group" aria-label={`About ${entity.name}`} className="entity-description">
            <RichTextView
              value={entity.description}
              entityHref={(id) => paths.entity(record.id, id)}
              citationHref={(citationId, sourceId) =>
                paths.source(record.id, sourceId, { kind: 'citation', id: citationId })
              }
            />
          </div>
        ) : null}
      </header>
      <div className="entity-detail__body">
        {merges && merges.length > 0 ? (
          <div className="entity-merges">
            <h2 className="side-section__title">Merged into this entity</h2>
            <ul className="list-reset">
              {merges.map(({ merge, merged }) => (
                <li key={merge.id} className="row">
                  <span>
                    {merged?.name ?? 'An entity'}{' '}
                    <span className="faint small">
                      ({plural(merge.mentionIds.length, 'mention')}, {merge.at.slice(0, 10)})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void undo(merge.id, merged?.name ?? 'the entity')}
                  >
                    <Undo2 aria-hidden="true" /> Undo merge of {merged?.name ?? 'this entity'}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2 className="side-section__title">Mentions</h2>
        {page === undefined ? (
          <Loading />
        ) : page.mentions.length === 0 ? (
          <p className="muted small">Not tagged in any source yet.</p>
        ) : (
          groups.map(({ source, sourceId, mentions }) => (
            <MentionGroup
              key={sourceId}
              source={source}
              sourceId={sourceId}
              mentions={mentions}
              messages={page.messages}
              entity={entity}
              onMove={(mention) => setDialog({ move: mention })}
            />
          ))
        )}
        <h2 className="side-section__title entity-detail__events">Timeline events</h2>
        {page === undefined ? (
          <Loading />
        ) : page.events.length === 0 ? (
          <p className="muted small">
            No event names this entity or cites a passage naming it yet.
          </p>
        ) : (
          <ul className="list-reset entity-events" aria-label="Timeline events">
            {page.events.map(({ event, names, cites }) => (
              <li key={event.id}>
                <span className="faint small">{formatPartialDate(event.date)}</span>{' '}
                <Link href={paths.event(record.id, event.id)}>{event.title}</Link>{' '}
                <span className="faint small">
                  {names && cites
                    ? '(names it, cites it)'
                    : names
                      ? '(names it)'
                      : '(cites a passage naming it)'}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h2 className="side-section__title entity-detail__events">Named alongside</h2>
        {page === undefined ? (
          <Loading />
        ) : page.coOccurring.length === 0 ? (
          <p className="muted small">
            No other entity is tagged in the same messages or sources yet.
          </p>
        ) : (
          <ol className="list-reset entity-neighbours" aria-label="Named alongside">
            {page.coOccurring.slice(0, 30).map(({ entity: other, count }) => (
              <li key={other.id}>
                <span className="type-dot" data-type={other.type} aria-hidden="true" />
                <Link href={paths.entity(record.id, other.id)}>{other.name}</Link>{' '}
                <span className="faint small">{plural(count, 'time')}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      {dialog === 'edit' ? (
        <EditEntityDialog entity={entity} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'merge' ? (
        <MergeDialog
          entity={entity}
          onClose={() => setDialog(undefined)}
          onMerged={(survivorId) => navigate(paths.entity(record.id, survivorId))}
        />
      ) : null}
      {dialog && typeof dialog === 'object' ? (
        <MoveMentionDialog
          mention={dialog.move}
          entity={entity}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </section>
  );
}

function MentionGroup({
  source,
  sourceId,
  mentions,
  messages,
  entity,
  onMove,
}: {
  source: Source | undefined;
  sourceId: string;
  mentions: Mention[];
  messages: Map<string, Message>;
  entity: Entity;
  onMove: (mention: Mention) => void;
}) {
  const { record } = useCase();
  const title = source?.title ?? 'A source no longer in the case';
  const sorted = [...mentions].sort((a, b) => {
    const ma = messageOf(a.anchor);
    const mb = messageOf(b.anchor);
    const sa = ma ? (messages.get(ma)?.seq ?? 0) : 0;
    const sb = mb ? (messages.get(mb)?.seq ?? 0) : 0;
    const pa = a.anchor.type === 'text' ? a.anchor.position.start : 0;
    const pb = b.anchor.type === 'text' ? b.anchor.position.start : 0;
    return sa - sb || pa - pb;
  });
  return (
    <div className="mention-group">
      <h3>
        <Link href={paths.source(record.id, sourceId)}>{title}</Link>{' '}
        <span className="faint small">({mentions.length})</span>
      </h3>
      <ul className="list-reset mention-list" aria-label={`Mentions in ${title}`}>
        {sorted.map((mention) => {
          const words = context(mention);
          const messageId = messageOf(mention.anchor);
          const message = messageId ? messages.get(messageId) : undefined;
          const when = message?.sentAt ? Date.parse(message.sentAt) : NaN;
          return (
            <li key={mention.id} className="mention-row">
              <Link className="mention-context" href={mentionHref(record.id, mention)}>
                {message ? (
                  <span className="faint small mention-context__meta">
                    {message.sender ? <strong>{message.sender}</strong> : null}
                    {message.sender && !Number.isNaN(when) ? ' · ' : ''}
                    {!Number.isNaN(when) ? timeFormat.format(when) : ''}
                  </span>
                ) : null}
                {words ? (
                  <span>
                    <span className="faint">{words.before}</span>
                    <mark className="hl hl--mention" data-entity-type={entity.type}>
                      {words.exact}
                    </mark>
                    <span className="faint">{words.after}</span>
                  </span>
                ) : (
                  <span>
                    {mention.anchor.type === 'message' ? 'Tagged message' : 'Tagged region'}
                  </span>
                )}
                {mention.quoteLostIn ? (
                  <span
                    className="chip chip--broken"
                    title="A correction of the source's text removed these words"
                  >
                    quote not found
                  </span>
                ) : null}
              </Link>
              <button
                type="button"
                className="button button--ghost button--icon button--small"
                aria-label={`Move “${words?.exact ?? 'this mention'}” to another entity`}
                title="Move to another entity"
                onClick={() => onMove(mention)}
              >
                <ArrowRightLeft aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MergeDialog({
  entity,
  onClose,
  onMerged,
}: {
  entity: Entity;
  onClose: () => void;
  onMerged: (survivorId: string) => void;
}) {
  const { repos } = useCase();
  const toast = useToast();
  const others = useLiveQuery(
    async () => (await repos.entities.list()).filter((e) => e.id !== entity.id),
    [repos, entity.id],
  );
  const [target, setTarget] = useState<Entity>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!target) {
      setError('Choose the entity to merge into.');
      return;
    }
    setBusy(true);
    try {
      const merge = await repos.entities.merge(target.id, entity.id);
      onClose();
      onMerged(target.id);
      toast.show(
        <>
          Merged “{entity.name}” into “{target.name}”.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void repos.entities
                .undoMerge(merge.id)
                .then(() => toast.show(`Undid the merge of “${entity.name}”.`, 'success'))
                .catch((cause: unknown) => toast.show(errorText(cause), 'error'))
            }
          >
            Undo
          </button>
        </>,
        'success',
      );
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={`Merge “${entity.name}” into…`}
      description="Its mentions, event links, names and identifiers move to the entity you choose. The sources are not changed, and the merge can be undone."
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !target}>
            Merge
          </button>
        </>
      }
    >
      {others === undefined ? (
        <Loading />
      ) : (
        <EntityPicker entities={others} label="Merge into" value={target} onChange={setTarget} />
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}

function MoveMentionDialog({
  mention,
  entity,
  onClose,
}: {
  mention: Mention;
  entity: Entity;
  onClose: () => void;
}) {
  const { repos } = useCase();
  const toast = useToast();
  const others = useLiveQuery(
    async () => (await repos.entities.list()).filter((e) => e.id !== entity.id),
    [repos, entity.id],
  );
  const [target, setTarget] = useState<Entity>();
  const [error, setError] = useState<string>();
  const quote = mention.anchor.type === 'text' ? mention.anchor.quote.exact : 'this mention';
  const submit = async () => {
    if (!target) {
      setError('Choose the entity these words name.');
      return;
    }
    try {
      await repos.mentions.move(mention.id, target.id);
      toast.show(`Moved “${quote}” to ${target.name}.`, 'success');
      onClose();
    } catch (cause) {
      setError(errorText(cause));
    }
  };
  return (
    <Dialog
      open
      title="Move mention"
      description={`“${quote}” names another entity, not ${entity.name}. The source is not changed.`}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!target}>
            Move
          </button>
        </>
      }
    >
      {others === undefined ? (
        <Loading />
      ) : (
        <EntityPicker entities={others} label="Move to" value={target} onChange={setTarget} />
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}
