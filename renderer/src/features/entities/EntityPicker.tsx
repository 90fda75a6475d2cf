import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Entity } from '@shared/schemas/records';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';

const MAX_OPTIONS = 50;

/** Ranks entities for a typed query: exact name, then name start, then word start, then alias. */
export function rankEntities(entities: readonly Entity[], query: string): Entity[] {
  const folded = foldName(query);
  if (!folded) return [...entities];
  const scored: { entity: Entity; score: number }[] = [];
  for (const entity of entities) {
    const name = foldName(entity.name);
    const aliases = entity.aliases.map(foldName);
    let score = -1;
    if (name === folded) score = 100;
    else if (aliases.includes(folded)) score = 90;
    else if (name.startsWith(folded)) score = 80;
    else if (name.split(' ').some((w) => w.startsWith(folded))) score = 70;
    else if (
      aliases.some((a) => a.startsWith(folded) || a.split(' ').some((w) => w.startsWith(folded)))
    )
      score = 60;
    else if (name.includes(folded) || aliases.some((a) => a.includes(folded))) score = 40;
    if (score >= 0) scored.push({ entity, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .map((s) => s.entity);
}

/**
 * A search-as-you-type choice of one entity: type to narrow, ↑ ↓ to move, Enter (in the
 * surrounding form) to choose. The chosen entity is reported through `onChange`.
 */
export function EntityPicker({
  entities,
  label,
  value,
  onChange,
}: {
  entities: readonly Entity[];
  label: string;
  value: Entity | undefined;
  onChange: (entity: Entity | undefined) => void;
}) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const inputId = useId();
  const options = useMemo(
    () => rankEntities(entities, query).slice(0, MAX_OPTIONS),
    [entities, query],
  );
  const activeIndex = value ? options.findIndex((e) => e.id === value.id) : -1;
  const move = (delta: number) => {
    const next = options[Math.max(0, Math.min(options.length - 1, activeIndex + delta))];
    if (next) onChange(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    }
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        value={query}
        autoFocus
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setQuery(event.target.value);
          const first = rankEntities(entities, event.target.value)[0];
          onChange(first);
        }}
      />
      <ul
        className="list-reset entity-options"
        role="listbox"
        id={listId}
        aria-label={`${label}: choices`}
      >
        {options.map((entity, index) => (
          <li
            key={entity.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="entity-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChange(entity)}
          >
            <span className="type-dot" data-type={entity.type} aria-hidden="true" />
            <span className="entity-option__name">{entity.name}</span>
            <span className="faint small">{entityTypeLabel(entity.type)}</span>
          </li>
        ))}
        {options.length === 0 ? (
          <li className="faint small entity-option">No entity matches.</li>
        ) : null}
      </ul>
    </div>
  );
}
