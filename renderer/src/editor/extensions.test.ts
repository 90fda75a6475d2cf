// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateHTML } from '@tiptap/html/server';
import { descriptionExtensions } from './extensions';
import { readRichText, richTextSchema } from './validate';

const extensions = descriptionExtensions({
  entityHref: (id) => `#/cases/c1/entities/${id}`,
  citationHref: (citation, source) => `#/cases/c1/sources/${source}/citation/${citation}`,
});

const DOC = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Payments' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'entityMention', attrs: { id: 'e1', label: 'Grace Oduya' } },
        { type: 'text', text: ' said ' },
        {
          type: 'text',
          text: 'the payment was approved',
          marks: [{ type: 'citation', attrs: { citationId: 'k1', sourceId: 's1' } }],
        },
        { type: 'text', text: '; see ' },
        {
          type: 'text',
          text: 'the register',
          marks: [{ type: 'link', attrs: { href: 'https://example.org/register' } }],
        },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }, { type: 'italic' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
        },
      ],
    },
  ],
};

describe('rich-text extensions', () => {
  it('render mentions and citation marks as links to the entity and the quote', () => {
    const html = generateHTML(DOC, extensions);
    expect(html).toContain('<h2>Payments</h2>');
    expect(html).toMatch(
      /<a class="entity-mention" href="#\/cases\/c1\/entities\/e1" data-entity-id="e1" data-label="Grace Oduya"[^>]*>@Grace Oduya<\/a>/,
    );
    expect(html).toMatch(
      /<a class="citation-mark" href="#\/cases\/c1\/sources\/s1\/citation\/k1" data-citation-id="k1" data-source-id="s1">the payment was approved<\/a>/,
    );
    expect(html).toContain('<ul><li><p>one</p></li></ul>');
    expect(html).toContain('<strong><em>bold</em></strong>');
  });

  it('render links without a target and with rel=noopener', () => {
    const html = generateHTML(DOC, extensions);
    expect(html).toMatch(/<a[^>]*href="https:\/\/example.org\/register"[^>]*>the register<\/a>/);
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toContain('target=');
  });

  it('refuse javascript: links when rendering', () => {
    const html = generateHTML(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
      extensions,
    );
    expect(html).not.toContain('javascript:');
  });

  it('share one schema with headings, lists, marks, mentions and citations', () => {
    const schema = richTextSchema();
    for (const node of ['heading', 'bulletList', 'orderedList', 'blockquote', 'entityMention']) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'link', 'citation'])
      expect(schema.marks[mark], mark).toBeDefined();
    expect(schema.nodes.image).toBeUndefined();
  });
});

describe('readRichText', () => {
  it('accepts a stored document and nothing', () => {
    expect(readRichText(DOC)).toEqual({ ok: true, doc: DOC });
    expect(readRichText(undefined)).toEqual({ ok: true, doc: undefined });
  });

  it('reports bad documents with their raw text instead of throwing', () => {
    const unknownNode = readRichText({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'kept words' }] },
        { type: 'video' },
      ],
    });
    expect(unknownNode).toMatchObject({ ok: false, raw: 'kept words' });
    if (!unknownNode.ok) expect(unknownNode.error).toMatch(/could not be read/);
    const badNesting = readRichText({ type: 'doc', content: [{ type: 'text', text: 'loose' }] });
    expect(badNesting.ok).toBe(false);
    expect(readRichText('{not json')).toMatchObject({ ok: false, raw: '{not json' });
    expect(readRichText(42)).toMatchObject({ ok: false, raw: '42' });
    expect(readRichText({ type: 'paragraph' }).ok).toBe(false);
  });
});
