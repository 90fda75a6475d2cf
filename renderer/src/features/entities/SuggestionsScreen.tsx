import { errorMessage } from '@shared/domain/errorMessage';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { Check, EyeOff, Lightbulb, Pause, Play, X } from 'lucide-react';
import type { Entity, EntityType, Source, Suggestion } from '@shared/schemas/records';
import { ENTITY_TYPES, entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { EmptyState, Loading, plural, useToast } from '../../ui';
import { paths } from '../../navigation/paths';
import type { AcceptTarget, SuggestionGroup } from '../../db';
import { useCase } from '../cases';
import { useSuggestions } from './SuggestionsProvider';

const ORIGIN_LABELS: Record<Suggestion['origin'], string> = {
  'known-entity': 'name of a known entity',
  ner: 'found by name recognition',
  pattern: 'found by pattern',
};

const SHOWN_ITEMS = 3;
const PAGE_GROUPS = 50;

/** Where a suggestion's passage is, as a link target. */
function suggestionHref(caseId: string, suggestion: Suggestion): string {
  const anchor = suggestion.anchor;
  if (anchor.type === 'text' && anchor.scope?.messageId) {
    return paths.source(caseId, suggestion.sourceId, {
      kind: 'message',
      id: anchor.scope.messageId,
      start: anchor.position.start,
      end: anchor.position.end,
    });
  }
  if (anchor.type === 'text') {
    return paths.source(caseId, suggestion.sourceId, {
      kind: 'range',
      start: anchor.position.start,
      end: anchor.position.end,
    });
  }
  return paths.source(caseId, suggestion.sourceId);
}

function errorText(cause: unknown): string {
  return errorMessage(cause);
}

/**
 * The review queue: what the suggesters found, grouped by the words found. Nothing becomes a
 * mention until the reporter accepts it; a whole group can be accepted, rejected or ignored at
 * once, so a name that is also a common word never floods the queue.
 */
export function SuggestionsScreen() {
  const { repos } = useCase();
  const { progress, pause, resume } = useSuggestions();
  const [limit, setLimit] = useState(PAGE_GROUPS);
  const data = useLiveQuery(() => repos.suggestions.openGroups(limit), [repos, limit]);
  const open = useLiveQuery(() => repos.suggestions.countOpen(), [repos]);
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);

  return (
    <section className="suggestions-screen" aria-label="Suggestions">
      <header className="suggestions-screen__header">
        <div className="panel-header">
          <h2>Suggestions</h2>
          {open !== undefined ? (
            <span className="badge">{open.toLocaleString('en-GB')}</span>
          ) : null}
        </div>
        <p className="muted small">
          Possible entities found in the sources: names of entities you already have, names found by
          name recognition, and email addresses, phone numbers, links and handles. Nothing is tagged
          until you accept it; rejected suggestions never come back.
        </p>
        {progress && progress.state !== 'idle' ? (
          <div className="row suggestions-screen__progress" role="status">
            <span className="small muted">
              {progress.state === 'paused'
                ? 'Looking for names is paused.'
                : `Looking for names in “${progress.sourceTitle ?? 'a source'}”${progress.total ? `: ${(progress.done ?? 0).toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')} messages` : '…'}${progress.queued ? ` (${plural(progress.queued, 'more source')} waiting)` : ''}`}
            </span>
            {progress.state === 'paused' ? (
              <button type="button" className="button button--small" onClick={resume}>
                <Play aria-hidden="true" /> Resume
              </button>
            ) : (
              <button type="button" className="button button--small" onClick={pause}>
                <Pause aria-hidden="true" /> Pause
              </button>
            )}
          </div>
        ) : null}
      </header>
      <div className="suggestions-screen__body">
        {data === undefined || entities === undefined ? (
          <Loading label="Loading suggestions…" />
        ) : data.groups.length === 0 ? (
          <EmptyState icon={<Lightbulb aria-hidden="true" />} title="Nothing to review">
            When you import sources or add entities and aliases, Casefile looks for them and for new
            names in every source, and lists what it finds here for you to accept or reject.
          </EmptyState>
        ) : (
          <>
            <ul className="list-reset suggestion-groups">
              {data.groups.map((group) => (
                <li key={group.term}>
                  <SuggestionGroupView group={group} entities={entities} />
                </li>
              ))}
            </ul>
            {data.totalGroups > data.groups.length ? (
              <button
                type="button"
                className="button"
                onClick={() => setLimit((n) => n + PAGE_GROUPS)}
              >
                Show more ({(data.totalGroups - data.groups.length).toLocaleString('en-GB')} more
                groups)
              </button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}

type Choice = { value: string; label: string; target: AcceptTarget };

function choicesFor(group: SuggestionGroup, entities: Entity[]): Choice[] {
  const { sample } = group;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const known: Choice[] = [];
  const add = (entity: Entity | undefined) => {
    if (!entity || known.some((c) => c.value === `e:${entity.id}`)) return;
    known.push({
      value: `e:${entity.id}`,
      label: `${entity.name} (${entityTypeLabel(entity.type)})`,
      target: { entityId: entity.id },
    });
  };
  for (const id of sample.entityIds ?? []) add(byId.get(id));
  const folded = foldName(sample.text);
  for (const entity of entities) {
    if (foldName(entity.name) === folded || entity.aliases.some((a) => foldName(a) === folded))
      add(entity);
  }
  // A short form of a known name ("Kanter" for "Elizabeth Kanter") offers that entity first.
  const partOf = entities.filter(
    (e) =>
      !known.some((c) => c.value === `e:${e.id}`) &&
      folded.length > 2 &&
      [e.name, ...e.aliases].some((n) => foldName(n).split(' ').includes(folded)),
  );
  const shortForm = partOf.length > 0 && known.length === 0;
  partOf.forEach(add);
  const name = sample.text.replace(/\s+/g, ' ').trim();
  const fresh = (type: EntityType): Choice => ({
    value: `n:${type}`,
    label: `New ${entityTypeLabel(type).toLowerCase()} “${name}”`,
    target: { name, type },
  });
  const others = ENTITY_TYPES.map((t) => t.type)
    .filter((t) => t !== sample.type)
    .map(fresh);
  // A known entity's own name (or a short form of it) is accepted as that entity by default;
  // anything else first as a new entity.
  return sample.origin === 'known-entity' || shortForm
    ? [...known, fresh(sample.type), ...others]
    : [fresh(sample.type), ...known, ...others];
}

function SuggestionGroupView({ group, entities }: { group: SuggestionGroup; entities: Entity[] }) {
  const { repos, record } = useCase();
  const toast = useToast();
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices = useMemo(() => choicesFor(group, entities), [group, entities]);
  const [picked, setPicked] = useState<string>();
  const choice = choices.find((c) => c.value === picked) ?? choices[0];
  const items = useLiveQuery(
    () => repos.suggestions.openInGroup(group.term, expanded ? 200 : SHOWN_ITEMS),
    [repos, group.term, group.count, expanded],
  );
  const sources = useLiveQuery(async () => {
    const ids = [...new Set((items ?? []).map((s) => s.sourceId))];
    const list = await Promise.all(ids.map((id) => repos.sources.get(id)));
    return new Map(list.filter((s): s is Source => Boolean(s)).map((s) => [s.id, s]));
  }, [repos, items]);
  const text = group.sample.text;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      toast.show(await work(), 'success');
    } catch (cause) {
      toast.show(errorText(cause), 'error');
    } finally {
      setBusy(false);
    }
  };
  const targetName = () =>
    choice && 'entityId' in choice.target
      ? (entities.find((e) => e.id === (choice.target as { entityId: string }).entityId)?.name ??
        text)
      : text;

  return (
    <article className="suggestion-group" aria-label={`“${text}”`}>
      <header className="suggestion-group__header">
        <div className="suggestion-group__title">
          <span className="type-dot" data-type={group.sample.type} aria-hidden="true" />
          <strong>{text}</strong>
          <span className="faint small">
            {plural(group.count, 'time')} · {ORIGIN_LABELS[group.sample.origin]}
          </span>
        </div>
        <div className="suggestion-group__actions">
          <label className="suggestion-group__target small">
            <span className="visually-hidden">Accept as</span>
            <select
              className="select"
              aria-label="Accept as"
              value={choice?.value}
              onChange={(event) => setPicked(event.target.value)}
            >
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy || !choice}
            onClick={() =>
              run(async () => {
                if (!choice) return '';
                await repos.suggestions.acceptGroup(group.term, choice.target);
                return `Accepted ${plural(group.count, 'mention')} of “${text}” as ${targetName()}.`;
              })
            }
          >
            <Check aria-hidden="true" /> Accept all {group.count.toLocaleString('en-GB')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const n = await repos.suggestions.rejectGroup(group.term);
                return `Rejected ${plural(n, 'suggestion')} of “${text}”.`;
              })
            }
          >
            <X aria-hidden="true" /> Reject all {group.count.toLocaleString('en-GB')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            title={`Never suggest “${text}” again in this case`}
            onClick={() =>
              run(async () => {
                await repos.suggestions.ignoreTerm(group.term);
                return `“${text}” will not be suggested again in this case.`;
              })
            }
          >
            <EyeOff aria-hidden="true" /> Always ignore
          </button>
        </div>
      </header>
      <ul className="list-reset suggestion-items" aria-label={`Where “${text}” was found`}>
        {(items ?? []).map((suggestion) => {
          const anchor = suggestion.anchor;
          const source = sources?.get(suggestion.sourceId);
          return (
            <li key={suggestion.id} className="suggestion-item">
              <Link
                className="suggestion-item__context"
                href={suggestionHref(record.id, suggestion)}
              >
                <span className="faint small suggestion-item__source">
                  {source?.title ?? 'Source'}
                </span>
                {anchor.type === 'text' ? (
                  <span className="suggestion-item__quote">
                    <span className="faint">…{anchor.quote.prefix.replace(/\s+/g, ' ')}</span>
                    <mark className="hl hl--mention" data-entity-type={suggestion.type}>
                      {anchor.quote.exact}
                    </mark>
                    <span className="faint">{anchor.quote.suffix.replace(/\s+/g, ' ')}…</span>
                  </span>
                ) : (
                  <span>{suggestion.text}</span>
                )}
              </Link>
              <div className="suggestion-item__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || !choice}
                  onClick={() =>
                    run(async () => {
                      if (!choice) return '';
                      await repos.suggestions.accept([suggestion.id], choice.target);
                      return `Tagged “${suggestion.text}” as ${targetName()}.`;
                    })
                  }
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      await repos.suggestions.reject([suggestion.id]);
                      return `Rejected “${suggestion.text}” here.`;
                    })
                  }
                >
                  Reject
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {group.count > SHOWN_ITEMS ? (
        <button type="button" className="link-button small" onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show fewer' : `Show all ${group.count.toLocaleString('en-GB')}`}
        </button>
      ) : null}
    </article>
  );
}
