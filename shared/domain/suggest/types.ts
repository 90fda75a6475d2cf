import type { EntityType } from '../../schemas/records';

/** Where a suggestion came from. */
export type SuggestionOrigin = 'known-entity' | 'ner' | 'pattern';

/** A passage of a text that may name an entity, found by one of the suggesters. */
export interface FoundName {
  /** Offsets into the text the suggester was given (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The words as they stand in the text. */
  text: string;
  /** What kind of entity this probably is. */
  type: EntityType;
  origin: SuggestionOrigin;
  /** For known-entity matches: the entities whose name or alias this is. */
  entityIds?: string[];
}
