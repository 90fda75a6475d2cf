import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { Pencil, UserX } from 'lucide-react';
import type { Entity, EntityType, Mention, Source } from '@shared/schemas/records';
import { ENTITY_TYPES, entityTypeLabel } from '@shared/domain/entityTypes';
import { formatPartialDate } from '@shared/domain/partialDate';
import { Dialog, EmptyState, Field, Loading, Notice, plural, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

/** One entity: its mentions with their context, grouped by source, and the events naming it. */
export function EntityDetail({ entityId }: { entityId: string }) {
  const { repos, record } = useCase();
  const entity = useLiveQuery(
    async () => (await repos.entities.get(entityId)) ?? null,
    [repos, entityId],
  );
  const mentions = useLiveQuery(() => repos.mentions.forEntity(entityId), [repos, entityId]);
  const sources = useLiveQuery(async () => {
    const ids = [...new Set((mentions ?? []).map((m) => m.sourceId))];
    const list = await repos.store.db.sources.bulkGet(ids);
    return list.filter((s): s is Source => Boolean(s));
  }, [repos, mentions]);
  const events = useLiveQuery(
    () => repos.store.db.events.where('entityIds').equals(entityId).sortBy('sortStart'),
    [repos, entityId],
  );
  const [editing, setEditing] = useState(false);

  if (entity === undefined) return <Loading />;
  if (entity === null) {
    return (
      <EmptyState icon={<UserX aria-hidden="true" />} title="This entity is not in the case">
        It may have been merged or removed.
      </EmptyState>
    );
  }
  const bySource = new Map<string, Mention[]>();
  for (const mention of mentions ?? []) {
    const list = bySource.get(mention.sourceId);
    if (list) list.push(mention);
    else bySource.set(mention.sourceId, [mention]);
  }

  return (
    <section className="entity-detail" aria-label={entity.name}>
      <header className="entity-detail__header">
        <div className="row">
          <span className="type-dot type-dot--large" data-type={entity.type} aria-hidden="true" />
          <h1>{entity.name}</h1>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${entity.name}`}
          >
            <Pencil aria-hidden="true" /> Edit
          </button>
        </div>
        <p className="muted small">
          {entityTypeLabel(entity.type)} · {plural(mentions?.length ?? 0, 'mention')} in{' '}
          {plural(bySource.size, 'source')}
          {entity.aliases.length > 0 ? ` · also called ${entity.aliases.join(', ')}` : ''}
        </p>
      </header>
      <div className="entity-detail__body">
        <h2 className="side-section__title">Mentions</h2>
        {mentions === undefined || sources === undefined ? (
          <Loading />
        ) : mentions.length === 0 ? (
          <p className="muted small">Not tagged in any source yet.</p>
        ) : (
          sources.map((source) => (
            <div key={source.id} className="mention-group">
              <h3>
                <Link href={paths.source(record.id, source.id)}>{source.title}</Link>{' '}
                <span className="faint small">({(bySource.get(source.id) ?? []).length})</span>
              </h3>
              <ul className="list-reset mention-list" aria-label={`Mentions in ${source.title}`}>
                {(bySource.get(source.id) ?? [])
                  .sort((a, b) =>
                    a.anchor.type === 'text' && b.anchor.type === 'text'
                      ? a.anchor.position.start - b.anchor.position.start
                      : 0,
                  )
                  .map((mention) => (
                    <li key={mention.id}>
                      <Link
                        className="mention-context"
                        href={paths.source(record.id, source.id, {
                          kind: 'mention',
                          id: mention.id,
                        })}
                      >
                        {mention.anchor.type === 'text' ? (
                          <>
                            <span className="faint">
                              …{mention.anchor.quote.prefix.replace(/\s+/g, ' ')}
                            </span>
                            <mark className="hl hl--mention" data-entity-type={entity.type}>
                              {mention.anchor.quote.exact}
                            </mark>
                            <span className="faint">
                              {mention.anchor.quote.suffix.replace(/\s+/g, ' ')}…
                            </span>
                          </>
                        ) : (
                          'Tagged region'
                        )}
                        {mention.quoteLostIn ? (
                          <span className="chip chip--broken" title="A correction of the source's text removed these words">
                            quote not found
                          </span>
                        ) : null}
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))
        )}
        <h2 className="side-section__title entity-detail__events">Timeline events</h2>
        {events === undefined ? (
          <Loading />
        ) : events.length === 0 ? (
          <p className="muted small">No event names this entity yet.</p>
        ) : (
          <ul className="list-reset entity-events">
            {events.map((event) => (
              <li key={event.id}>
                <span className="faint small">{formatPartialDate(event.date)}</span>{' '}
                <Link href={paths.event(record.id, event.id)}>{event.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      {editing ? <EditEntityDialog entity={entity} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}

function EditEntityDialog({ entity, onClose }: { entity: Entity; onClose: () => void }) {
  const { repos } = useCase();
  const toast = useToast();
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [error, setError] = useState<string>();
  const submit = async () => {
    try {
      await repos.entities.update(entity.id, { name, type });
      toast.show('Saved. The sources are unchanged: only the entity was renamed.', 'success');
      onClose();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message.replace(/^\[.*?\]\s*/, '') : String(cause));
    }
  };
  return (
    <Dialog
      open
      title="Edit entity"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </>
      }
    >
      <Field label="Name" error={error}>
        <input
          className="input"
          value={name}
          autoFocus
          maxLength={500}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label="Type">
        <select
          className="select"
          value={type}
          onChange={(e) => setType(e.target.value as EntityType)}
        >
          {ENTITY_TYPES.map((info) => (
            <option key={info.type} value={info.type}>
              {info.label}
            </option>
          ))}
        </select>
      </Field>
      <Notice tone="info" live={false}>
        Renaming changes how the entity is listed. The words in the sources stay exactly as they
        are.
      </Notice>
    </Dialog>
  );
}
