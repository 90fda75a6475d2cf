import type { EntityType } from '../../schemas/records';
import { NameMatcher, type NamePattern } from '../nameMatcher';
import { foldTerm } from '../textFold';
import { NameFinder, type KnownName } from './ner';
import { findPatterns } from './patterns';
import type { FoundName } from './types';

export type { FoundName, SuggestionOrigin } from './types';
export { findNamedEntities, NameFinder, type KnownName } from './ner';
export { compromiseStats } from './compromiseTags';
export { findPatterns } from './patterns';
export {
  parseGold,
  predictGold,
  evaluate,
  groupOf,
  type GoldDocument,
  type Evaluation,
} from './goldSet';

/** The entities a case knows, as the suggesters need them. */
export interface KnownEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  type: EntityType;
}

/** Builds the one-pass matcher for every name and alias of the known entities. */
export function matcherFor(entities: readonly KnownEntity[]): NameMatcher {
  const patterns: NamePattern[] = [];
  for (const entity of entities) {
    patterns.push({ id: entity.id, name: entity.name });
    for (const alias of entity.aliases) patterns.push({ id: entity.id, name: alias });
  }
  return new NameMatcher(patterns);
}

/** Occurrences of known entities' names and aliases in a text, as suggestions. */
export function findKnownEntities(
  text: string,
  matcher: NameMatcher,
  typeOf: (id: string) => EntityType | undefined,
): FoundName[] {
  return matcher.find(text).map((hit) => ({
    start: hit.start,
    end: hit.end,
    text: text.slice(hit.start, hit.end),
    type: typeOf(hit.ids[0] as string) ?? 'other',
    origin: 'known-entity' as const,
    entityIds: hit.ids,
  }));
}

/** What to run over a text. */
export interface SuggestOptions {
  matcher?: NameMatcher | undefined;
  typeOf?: ((id: string) => EntityType | undefined) | undefined;
  /** Run named-entity recognition. */
  ner?: boolean;
  /**
   * The name finder to use, which remembers the names of earlier texts of the same source (the
   * earlier messages of a chat); a new one for this text alone when not given.
   */
  names?: NameFinder | undefined;
  patterns?: boolean;
  knownNames?: readonly KnownName[];
  /** Folded terms the reporter chose to always ignore. */
  ignored?: ReadonlySet<string>;
}

/**
 * Every suggestion for one text: patterns (email addresses, links, handles, phone numbers) first,
 * then known entities, then names found by NER,
 * leaving out what overlaps something already found and terms the reporter ignores.
 */
export function suggestNames(text: string, options: SuggestOptions): FoundName[] {
  const chosen: FoundName[] = [];
  const overlaps = (f: FoundName) => chosen.some((c) => f.start < c.end && f.end > c.start);
  const take = (list: FoundName[]) => {
    for (const found of list) if (!overlaps(found)) chosen.push(found);
  };
  // Addresses and links first: a known name inside an email address is part of the address.
  if (options.patterns !== false) take(findPatterns(text));
  if (options.matcher) {
    take(findKnownEntities(text, options.matcher, options.typeOf ?? (() => undefined)));
  }
  if (options.ner) {
    const names = options.names ?? new NameFinder(options.knownNames ?? []);
    for (const found of names.find(text)) {
      // A longer name around a known one ("Liz Kanter" around the alias "Kanter") is suggested
      // whole, still offering the known entity when it is accepted.
      const inside = chosen.filter((c) => c.start >= found.start && c.end <= found.end);
      const across = chosen.some(
        (c) => found.start < c.end && found.end > c.start && !inside.includes(c),
      );
      if (across) continue;
      const known = inside.filter((c) => c.origin === 'known-entity');
      if (
        inside.length > 0 &&
        (known.length !== inside.length ||
          found.end - found.start === known[0]!.end - known[0]!.start)
      )
        continue;
      for (const c of inside) chosen.splice(chosen.indexOf(c), 1);
      const entityIds = [...new Set(known.flatMap((c) => c.entityIds ?? []))];
      chosen.push(entityIds.length > 0 ? { ...found, entityIds } : found);
    }
  }
  // Ignored words are dropped last, so that they still hide what they overlap (a name inside an
  // ignored email address is not suggested on its own).
  const ignored = options.ignored;
  return chosen
    .filter((found) => !ignored?.has(foldTerm(found.text)))
    .sort((a, b) => a.start - b.start);
}
