import type { EntityType } from '../schemas/records';

/** How an entity type is named to a reporter, and the FollowTheMoney schema it maps to. */
export interface EntityTypeInfo {
  type: EntityType;
  label: string;
  /** The FollowTheMoney schema name, for pushing a case to Aleph. */
  ftmSchema: string;
  /** Offered when tagging by hand; pattern-only types (email, phone) are found by suggestions. */
  pickable: boolean;
}

/** Every entity type in the order the tagging form offers them. */
export const ENTITY_TYPES: readonly EntityTypeInfo[] = [
  { type: 'person', label: 'Person', ftmSchema: 'Person', pickable: true },
  { type: 'organization', label: 'Organization', ftmSchema: 'Organization', pickable: true },
  { type: 'public-body', label: 'Government body', ftmSchema: 'PublicBody', pickable: true },
  { type: 'company', label: 'Company', ftmSchema: 'Company', pickable: true },
  { type: 'location', label: 'Location', ftmSchema: 'Address', pickable: true },
  { type: 'email', label: 'Email address', ftmSchema: 'Email', pickable: true },
  { type: 'phone', label: 'Phone number', ftmSchema: 'Phone', pickable: true },
  { type: 'account', label: 'Account', ftmSchema: 'UserAccount', pickable: true },
  { type: 'other', label: 'Other', ftmSchema: 'Thing', pickable: true },
];

const BY_TYPE = new Map(ENTITY_TYPES.map((info) => [info.type, info]));

/** The label of an entity type, as the UI shows it. */
export function entityTypeLabel(type: EntityType): string {
  return BY_TYPE.get(type)?.label ?? 'Other';
}

/**
 * Folds a name for comparing: lower case, no diacritics, no-break and zero-width spaces made plain,
 * runs of whitespace collapsed. "Élysée  Palace" and "elysee palace" fold to the same text.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}
