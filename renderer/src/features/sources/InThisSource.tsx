import { Link } from 'wouter';
import { AlertTriangle } from 'lucide-react';
import type { Citation, Entity, Event, Mention, Source } from '@shared/schemas/records';
import { entityTypeLabel } from '@shared/domain/entityTypes';
import { formatPartialDate } from '@shared/domain/partialDate';
import { paths } from '../../navigation/paths';
import { useCase } from '../cases';

/** A mention with where it now stands in the text (null when its quote is gone). */
export interface PlacedMention {
  mention: Mention;
  entity: Entity | undefined;
  at: { start: number; end: number } | null;
}

/** A citation with where it now stands in the text (null when its quote is gone). */
export interface PlacedCitation {
  citation: Citation;
  event: Event | undefined;
  at: { start: number; end: number } | null;
}

/**
 * Each mention's chip label: its words, numbered when the same words are tagged more than once
 * ("Halvorsen Ltd 1", "Halvorsen Ltd 2"), so that the chips of one entity can be told apart.
 */
function numbered(items: PlacedMention[]) {
  const labels = items.map(({ mention }, index) =>
    mention.anchor.type === 'text' ? mention.anchor.quote.exact.slice(0, 40) : `#${index + 1}`,
  );
  const total = new Map<string, number>();
  for (const label of labels) total.set(label, (total.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const label = labels[index] as string;
    const nth = (seen.get(label) ?? 0) + 1;
    seen.set(label, nth);
    return { ...item, label, nth: (total.get(label) ?? 0) > 1 ? nth : undefined };
  });
}

/** The entities tagged and the events citing this source, each a link to its passage. */
export function InThisSource({
  source,
  mentions,
  citations,
}: {
  source: Source;
  mentions: PlacedMention[];
  citations: PlacedCitation[];
}) {
  const { record } = useCase();
  const byEntity = new Map<string, { entity: Entity | undefined; items: PlacedMention[] }>();
  for (const item of mentions) {
    const group = byEntity.get(item.mention.entityId);
    if (group) group.items.push(item);
    else byEntity.set(item.mention.entityId, { entity: item.entity, items: [item] });
  }
  const groups = [...byEntity.values()].sort((a, b) =>
    (a.entity?.name ?? '').localeCompare(b.entity?.name ?? ''),
  );
  const sortedMentions = (items: PlacedMention[]) =>
    [...items].sort((a, b) => (a.at?.start ?? Infinity) - (b.at?.start ?? Infinity));

  return (
    <section className="side-section" aria-label="In this source">
      <h2 className="side-section__title">In this source</h2>
      <h3 className="side-section__subtitle">Entities</h3>
      {groups.length === 0 ? (
        <p className="faint small">No entities tagged yet. Select a name and press T.</p>
      ) : (
        <ul className="list-reset side-list">
          {groups.map(({ entity, items }) => (
            <li key={entity?.id ?? items[0]?.mention.entityId}>
              <div className="side-list__entity">
                <span className="type-dot" data-type={entity?.type} aria-hidden="true" />
                {entity ? (
                  <Link href={paths.entity(record.id, entity.id)}>{entity.name}</Link>
                ) : (
                  <span>Unknown entity</span>
                )}
                <span className="faint small">{entity ? entityTypeLabel(entity.type) : ''}</span>
              </div>
              <ol className="list-reset side-list__mentions">
                {numbered(sortedMentions(items)).map(({ mention, at, label, nth }, index) => (
                  <li key={mention.id}>
                    {at ? (
                      <Link
                        className="chip"
                        href={paths.source(record.id, source.id, {
                          kind: 'mention',
                          id: mention.id,
                        })}
                        aria-label={`Go to mention ${index + 1} of ${entity?.name ?? 'entity'}`}
                      >
                        {label}
                        {nth ? <span className="chip__nth">{nth}</span> : null}
                      </Link>
                    ) : (
                      <span
                        className="chip chip--broken"
                        title="This quote is no longer in the text"
                      >
                        <AlertTriangle aria-hidden="true" /> quote not found
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
      <h3 className="side-section__subtitle">Cited for events</h3>
      {citations.length === 0 ? (
        <p className="faint small">No events cite this source yet. Select a passage and press E.</p>
      ) : (
        <ul className="list-reset side-list">
          {[...citations]
            .sort((a, b) => (a.at?.start ?? Infinity) - (b.at?.start ?? Infinity))
            .map(({ citation, event, at }) => (
              <li key={citation.id} className="side-list__citation">
                {at ? (
                  <Link
                    href={paths.source(record.id, source.id, { kind: 'citation', id: citation.id })}
                  >
                    {event?.title ?? 'Untitled event'}
                  </Link>
                ) : (
                  <span>
                    <AlertTriangle aria-hidden="true" className="inline-icon" />{' '}
                    {event?.title ?? 'Untitled event'} (quote not found)
                  </span>
                )}
                {event ? (
                  <span className="faint small"> · {formatPartialDate(event.date)}</span>
                ) : null}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
