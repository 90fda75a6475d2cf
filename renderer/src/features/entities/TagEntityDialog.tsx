import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus } from 'lucide-react';
import type { TextAnchor } from '@shared/schemas/anchor';
import type { Entity, EntityType } from '@shared/schemas/records';
import { ENTITY_TYPES, entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { Dialog, Field, Notice } from '../../ui';
import { useCase } from '../cases';

interface TagEntityDialogProps {
  open: boolean;
  sourceId: string;
  anchor: TextAnchor;
  onClose: () => void;
  onTagged?: (entity: Entity) => void;
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
  const [query, setQuery] = useState(anchor.quote.exact.replace(/\s+/g, ' ').trim().slice(0, 200));
  const [active, setActive] = useState(0);
  const [type, setType] = useState<EntityType>(() => guessEntityType(anchor.quote.exact));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const choices = useMemo<Choice[]>(() => {
    const folded = foldName(query);
    const list: Choice[] = [];
    let exact = false;
    for (const entity of entities ?? []) {
      const names = [entity.name, ...entity.aliases].map(foldName);
      if (!folded || names.some((name) => name.includes(folded))) {
        if (names.includes(folded)) exact = true;
        list.push({ kind: 'existing', entity });
      }
    }
    list.sort((a, b) => {
      if (a.kind !== 'existing' || b.kind !== 'existing') return 0;
      const aExact = foldName(a.entity.name) === folded ? 0 : 1;
      const bExact = foldName(b.entity.name) === folded ? 0 : 1;
      return aExact - bExact || a.entity.name.localeCompare(b.entity.name);
    });
    const shown = list.slice(0, MAX_OPTIONS);
    if (query.trim() && !exact)
      shown.push({ kind: 'new', name: query.replace(/\s+/g, ' ').trim() });
    return shown;
  }, [entities, query]);

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
      setError(cause instanceof Error ? cause.message : String(cause));
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
        {anchor.quote.exact.length > 400
          ? `${anchor.quote.exact.slice(0, 400)}…`
          : anchor.quote.exact}
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
                <span className="entity-option__name">{choice.entity.name}</span>
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
