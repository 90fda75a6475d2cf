import Mention from '@tiptap/extension-mention';
import type { SuggestionOptions } from '@tiptap/suggestion';
import { mergeAttributes } from '@tiptap/core';

/** An entity the `@` menu offers. */
export interface MentionChoice {
  id: string;
  label: string;
  /** The entity type, shown beside the name ("Person"). */
  type?: string;
}

/** Options of {@link EntityMention}. */
export interface EntityMentionOptions {
  /** The address of an entity's page, so a mention is a link to it. */
  entityHref: (entityId: string) => string;
  /** The `@` menu: which entities match what was typed, and how the menu is drawn. */
  suggestion: Omit<SuggestionOptions<MentionChoice, { id: string; label: string }>, 'editor'>;
}

/**
 * `@` mentions of the case's entities, stored as `{ type: 'entityMention', attrs: { id, label } }`
 * and shown as a link to the entity's page. The label is the name when the mention was made; the
 * entity's current name is shown where the entity still exists.
 */
export const EntityMention = Mention.extend({
  name: 'entityMention',

  addOptions() {
    const parent = this.parent?.();
    return {
      ...(parent as object),
      entityHref: (id: string) => `#/entities/${encodeURIComponent(id)}`,
    } as never;
  },

  parseHTML() {
    return [
      { tag: 'a[data-entity-id]', priority: 100 },
      { tag: 'span[data-entity-id]', priority: 100 },
    ];
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-entity-id'),
        renderHTML: (attributes) => ({ 'data-entity-id': attributes.id as string }),
      },
      label: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-label'),
        renderHTML: (attributes) => ({ 'data-label': attributes.label as string }),
      },
    };
  },

  renderHTML({ node, HTMLAttributes }) {
    const options = this.options as unknown as EntityMentionOptions;
    return [
      'a',
      mergeAttributes(
        { class: 'entity-mention', href: options.entityHref(String(node.attrs.id)) },
        HTMLAttributes,
      ),
      `@${String(node.attrs.label ?? node.attrs.id)}`,
    ];
  },

  renderText({ node }) {
    return `@${String(node.attrs.label ?? node.attrs.id)}`;
  },
});
