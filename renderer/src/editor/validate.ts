import { errorMessage } from '@shared/domain/errorMessage';
import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { descriptionExtensions } from './extensions';
import { plainTextOf } from './prosemirrorJson';

let schema: Schema | undefined;

/** The schema every stored description and note must fit. */
export function richTextSchema(): Schema {
  schema ??= getSchema(descriptionExtensions());
  return schema;
}

/** A stored rich-text value as read: a document that fits the schema, or why it does not. */
export type RichTextRead =
  | { ok: true; doc: JSONContent | undefined }
  | {
      ok: false;
      /** What is wrong, for the reporter. */
      error: string;
      /** The text as far as it can be read, or the raw stored value, to show instead. */
      raw: string;
    };

function rawOf(value: unknown): string {
  const text = plainTextOf(value);
  if (text) return text;
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/**
 * Checks a stored description or note against the editor's schema before it is shown or edited:
 * bad JSON (from a damaged bundle or an older version) is reported with its raw text instead of
 * crashing the screen.
 */
export function readRichText(value: unknown): RichTextRead {
  if (value === undefined || value === null) return { ok: true, doc: undefined };
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      return {
        ok: false,
        error: 'This text was stored as plain characters, not as a rich-text document.',
        raw: value.slice(0, 200_000),
      };
    }
  }
  if (
    typeof json !== 'object' ||
    Array.isArray(json) ||
    (json as { type?: unknown }).type !== 'doc'
  ) {
    return {
      ok: false,
      error: 'This text is not a rich-text document (it has no “doc” at its root).',
      raw: rawOf(json).slice(0, 200_000),
    };
  }
  try {
    const node = richTextSchema().nodeFromJSON(json);
    node.check();
    return { ok: true, doc: json as JSONContent };
  } catch (cause) {
    const reason = errorMessage(cause);
    return {
      ok: false,
      error: `This text could not be read as a rich-text document: ${reason}`,
      raw: rawOf(json).slice(0, 200_000),
    };
  }
}
