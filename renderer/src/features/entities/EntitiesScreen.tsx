import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Search, Users } from 'lucide-react';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { EmptyState, Loading } from '../../ui';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';
import type { EntityWithCount } from '../../db';
import { EntityDetail } from './EntityDetail';

const ROW_HEIGHT = 44;

/** Every entity of the case with how often it is tagged, and the open one's mentions. */
export function EntitiesScreen({ entityId }: { entityId?: string | undefined }) {
  const { repos, record } = useCase();
  const entities = useLiveQuery(() => repos.entities.listWithCounts(), [repos]);
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => {
    const folded = foldName(filter);
    if (!entities || !folded) return entities ?? [];
    return entities.filter(({ entity }) =>
      [entity.name, ...entity.aliases].some((name) => foldName(name).includes(folded)),
    );
  }, [entities, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <div className="entities-screen">
      <section className="entity-list" aria-label="Entities">
        <div className="panel-header">
          <h2>Entities</h2>
          {entities ? (
            <span className="badge">{entities.length.toLocaleString('en-GB')}</span>
          ) : null}
        </div>
        {entities && entities.length > 0 ? (
          <div className="source-list__filter entity-list__filter">
            <Search aria-hidden="true" />
            <input
              className="input"
              type="search"
              placeholder="Filter by name or alias"
              aria-label="Filter entities"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
        ) : null}
        <div className="entity-list__scroll" ref={scrollRef}>
          {entities === undefined ? (
            <Loading label="Loading entities…" />
          ) : entities.length === 0 ? (
            <EmptyState
              icon={<Users aria-hidden="true" />}
              title="No entities yet"
              headingLevel={3}
            >
              Open a source, select a name and choose Tag entity (or press T). People,
              organisations, government bodies, companies and places you tag are listed here.
            </EmptyState>
          ) : visible.length === 0 ? (
            <p className="source-list__none muted small">No entity is called “{filter}”.</p>
          ) : (
            <ul
              className="list-reset entity-list__items"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const { entity, mentionCount } = visible[item.index] as EntityWithCount;
                return (
                  <li
                    key={entity.id}
                    className="entity-row"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  >
                    <Link
                      href={paths.entity(record.id, entity.id)}
                      className="entity-row__link"
                      aria-current={entity.id === entityId ? 'page' : undefined}
                      aria-label={`${entity.name}, ${entityTypeLabel(entity.type)}, ${mentionCount} mention${mentionCount === 1 ? '' : 's'}`}
                    >
                      <span className="type-dot" data-type={entity.type} aria-hidden="true" />
                      <span className="entity-row__name">{entity.name}</span>
                      <span className="badge" aria-hidden="true">
                        {mentionCount}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </section>
      <div className="entities-screen__detail">
        {entityId ? (
          <EntityDetail entityId={entityId} />
        ) : (
          <EmptyState icon={<Users aria-hidden="true" />} title="Choose an entity">
            See every place it is mentioned, with the words around it, and the timeline events it
            takes part in.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
