import { errorMessage } from '@shared/domain/errorMessage';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus } from 'lucide-react';
import type { Anchor } from '@shared/schemas/anchor';
import type { Entity, EntityType } from '@shared/schemas/records';
import { ENTITY_TYPES, entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { Dialog, Field, Notice } from '../../ui';
import { useCase } from '../cases';
import { rankEntities } from './EntityPicker';

/**
 * The props readers pass. `anchor` is any anchor: a text passage (with `scope.messageId` or
 * `scope.page`, and `regions` for text recognised in an image), a region of an image, or a whole
 * message.
 */
export interface TagEntityDialogProps {
  open: boolean;
  sourceId: string;
  anchor: Anchor;
  onClose: () => void;
  onTagged?: (entity: Entity) => void;
}

/** The words an anchor covers, or a description of it when it has none. */
function wordsOf(anchor: Anchor): string {
  if (anchor.type === 'text') return anchor.quote.exact;
  if (anchor.type === 'message') return 'this message';
  return 'the selected area of the image';
}

type Choice = { kind: 'existing'; entity: Entity } | { kind: 'new'; name: string };

const MAX_OPTIONS = 50;

/** Guesses a type for a new entity from the words of its name. */
export function guessEntityType(name: string): EntityType {
  if (/@/.test(name) && /\.[a-z]{2,}$/i.test(name)) return 'email';
  if (/^@\w/.test(name)) return 'account';
  if (/^\+?[\d\s().-]{7,}$/.test(name)) return 'phone';
  if (
    /\b(ministry|department|agency|office|bureau|council|commission|authority|police|ministère|ministerium)\b/i.test(
      name,
    )
  ) {
    return 'public-body';
  }
  if (
    /\b(ltd|limited|inc|llc|plc|gmbh|corp|corporation|company|co\.|s\.a\.|ag|bv|holdings?)\b\.?/i.test(
      name,
    )
  )
    return 'company';
  return 'person';
}

/**
 * Tags the selected words as a mention of an entity: type to find an existing one (its name or
 * an alias), or create a new one with a type. Keyboard: arrows to move, Enter to choose.
 */
export function TagEntityDialog({
  open,
  sourceId,
  anchor,
  onClose,
  onTagged,
}: TagEntityDialogProps) {
  const { repos } = useCase();
  const entities = useLiveQuery(() => repos.entities.list(), [repos]);
  const words = wordsOf(anchor);
  const [query, setQuery] = useState(
    anchor.type === 'text' ? words.replace(/\s+/g, ' ').trim().slice(0, 200) : '',
  );
  const [active, setActive] = useState(0);
  const [type, setType] = useState<EntityType>(() =>
    anchor.type === 'text' ? guessEntityType(words) : 'person',
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const choices = useMemo<Choice[]>(() => {
    const folded = foldName(query);
    const ranked = rankEntities(entities ?? [], query);
    const exact = ranked.some(
      (entity) =>
        foldName(entity.name) === folded || entity.aliases.some((a) => foldName(a) === folded),
    );
    const shown: Choice[] = ranked
      .slice(0, MAX_OPTIONS)
      .map((entity) => ({ kind: 'existing', entity }));
    if (query.trim() && !exact)
      shown.push({ kind: 'new', name: query.replace(/\s+/g, ' ').trim() });
    return shown;
  }, [entities, query]);

  /** The alias a choice was found by, when it was not its name. */
  const matchedAlias = (entity: Entity): string | undefined => {
    const folded = foldName(query);
    if (!folded || foldName(entity.name).includes(folded)) return undefined;
    return entity.aliases.find((alias) => foldName(alias).includes(folded));
  };

  const chosen = choices[Math.min(active, choices.length - 1)];

  const submit = async () => {
    if (!chosen) {
      setError('Type a name to find an entity or create one.');
      return;
    }
    setBusy(true);
    try {
      const entity =
        chosen.kind === 'existing'
          ? chosen.entity
          : await repos.entities.create({ name: chosen.name, type });
      await repos.mentions.create({ entityId: entity.id, sourceId, anchor });
      onTagged?.(entity);
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(choices.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <Dialog
      open={open}
      title="Tag entity"
      description="Mark these words as naming a person, organisation, place or account."
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !chosen}>
            {chosen?.kind === 'new' ? 'Create and tag' : 'Tag'}
          </button>
        </>
      }
    >
      <blockquote className="quote">
        {words.length > 400 ? `${words.slice(0, 400)}…` : words}
      </blockquote>
      <Field label="Entity" hint="Type to search names and aliases; ↑ ↓ to choose, Enter to tag.">
        <input
          className="input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            chosen ? optionId(Math.min(active, choices.length - 1)) : undefined
          }
          value={query}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setError(undefined);
          }}
        />
      </Field>
      <ul
        className="list-reset entity-options"
        role="listbox"
        id={listId}
        aria-label="Matching entities"
      >
        {choices.map((choice, index) => (
          <li
            key={choice.kind === 'existing' ? choice.entity.id : 'new'}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="entity-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setActive(index)}
            onDoubleClick={() => void submit()}
          >
            {choice.kind === 'existing' ? (
              <>
                <span className="type-dot" data-type={choice.entity.type} aria-hidden="true" />
                <span className="entity-option__name">
                  {choice.entity.name}
                  {matchedAlias(choice.entity) ? (
                    <span className="faint small"> · also “{matchedAlias(choice.entity)}”</span>
                  ) : null}
                </span>
                <span className="faint small">{entityTypeLabel(choice.entity.type)}</span>
              </>
            ) : (
              <>
                <Plus aria-hidden="true" className="entity-option__plus" />
                <span className="entity-option__name">Create “{choice.name}”</span>
              </>
            )}
          </li>
        ))}
        {choices.length === 0 ? <li className="faint small entity-option">Type a name.</li> : null}
      </ul>
      {chosen?.kind === 'new' ? (
        <Field label="Type">
          <select
            className="select"
            value={type}
            onChange={(event) => setType(event.target.value as EntityType)}
          >
            {ENTITY_TYPES.filter((info) => info.pickable).map((info) => (
              <option key={info.type} value={info.type}>
                {info.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </Dialog>
  );
}
