import type { SourceKind, TextEncoding } from '@shared/schemas/records';
import { decodeText } from './decodeText';
import { htmlToText } from './htmlText';

/** What the reader needs from a text-like file, before it is stored. */
export interface PreparedText {
  kind: SourceKind;
  title: string;
  mediaType: string;
  text: string;
  encoding: TextEncoding;
  warnings: string[];
  metadata?: Record<string, unknown>;
}

/** File types the text importer reads, by extension. */
const TEXT_TYPES: Record<string, { kind: SourceKind; mediaType: string }> = {
  txt: { kind: 'text', mediaType: 'text/plain' },
  text: { kind: 'text', mediaType: 'text/plain' },
  log: { kind: 'text', mediaType: 'text/plain' },
  csv: { kind: 'text', mediaType: 'text/csv' },
  md: { kind: 'markdown', mediaType: 'text/markdown' },
  markdown: { kind: 'markdown', mediaType: 'text/markdown' },
  html: { kind: 'html', mediaType: 'text/html' },
  htm: { kind: 'html', mediaType: 'text/html' },
  xhtml: { kind: 'html', mediaType: 'application/xhtml+xml' },
};

/** The extension of a file name, lower case, without the dot. */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

/** How a file would be read as text, or undefined when it is not a text type this importer takes. */
export function textTypeOf(
  name: string,
  mediaType: string,
): { kind: SourceKind; mediaType: string } | undefined {
  const byExtension = TEXT_TYPES[extensionOf(name)];
  if (byExtension) return byExtension;
  if (mediaType === 'text/html') return { kind: 'html', mediaType };
  if (mediaType === 'text/markdown') return { kind: 'markdown', mediaType };
  if (mediaType === 'text/plain') return { kind: 'text', mediaType };
  return undefined;
}

/** The file name without its extension, as a first title. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[/\\]/, '');
  return base.replace(/\.[A-Za-z0-9]+$/, '') || base || 'Untitled source';
}

/**
 * Reads a text, Markdown or HTML file into the text the reader shows. HTML is reduced to its text
 * (scripts, styles and event handlers are dropped, links are listed in the metadata); nothing of it
 * is ever rendered.
 */
export function prepareTextSource(
  name: string,
  mediaType: string,
  bytes: Uint8Array,
): { ok: true; prepared: PreparedText } | { ok: false; reason: string } {
  const type = textTypeOf(name, mediaType);
  if (!type) {
    const extension = extensionOf(name);
    return {
      ok: false,
      reason: `Casefile cannot import ${extension ? `.${extension}` : 'this kind of'} files yet. It reads text (.txt), Markdown (.md) and web pages (.html).`,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const warnings: string[] = [];
  if (decoded.encoding.note) warnings.push(decoded.encoding.note);
  let text = decoded.text;
  let title = titleFromFileName(name);
  let metadata: Record<string, unknown> | undefined;
  if (type.kind === 'html') {
    const html = htmlToText(decoded.text);
    text = html.text;
    if (html.title) title = html.title.slice(0, 300);
    const scripted = /<script\b|\son[a-z]+\s*=|javascript:/i.test(decoded.text);
    if (scripted) {
      warnings.push(
        'This page contains scripts or script links. They were removed from the text shown here and never run; the original file is kept as it was.',
      );
    }
    metadata = { links: html.links.slice(0, 2_000), linkCount: html.links.length };
  }
  if (!text.trim()) {
    warnings.push('This file has no readable text.');
  }
  const prepared: PreparedText = {
    kind: type.kind,
    title,
    mediaType: type.mediaType,
    text,
    encoding: decoded.encoding,
    warnings,
  };
  if (metadata) prepared.metadata = metadata;
  return { ok: true, prepared };
}
