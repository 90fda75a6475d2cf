import { describe, expect, it } from 'vitest';
import { prepareTextSource, textTypeOf, titleFromFileName } from './prepareTextSource';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('prepareTextSource', () => {
  it('reads text, Markdown and HTML by extension', () => {
    expect(textTypeOf('memo.TXT', '')).toEqual({ kind: 'text', mediaType: 'text/plain' });
    expect(textTypeOf('notes.md', '')).toEqual({ kind: 'markdown', mediaType: 'text/markdown' });
    expect(textTypeOf('page.htm', 'application/octet-stream')).toMatchObject({ kind: 'html' });
    expect(textTypeOf('noext', 'text/plain')).toMatchObject({ kind: 'text' });
    expect(textTypeOf('photo.jpg', 'image/jpeg')).toBeUndefined();
  });

  it('titles a source after its file name, or its HTML title', () => {
    expect(titleFromFileName('C:\\leaks\\memo 2020.txt')).toBe('memo 2020');
    const result = prepareTextSource(
      'page.html',
      'text/html',
      utf8('<title>Minutes</title><p>x</p>'),
    );
    expect(result).toMatchObject({
      ok: true,
      prepared: { title: 'Minutes', kind: 'html', text: 'x' },
    });
  });

  it('warns about scripts in HTML without keeping them', () => {
    const result = prepareTextSource(
      'p.html',
      'text/html',
      utf8('<p onclick="x()">Hi</p><script>y()</script>'),
    );
    expect(result.ok && result.prepared.warnings[0]).toMatch(/scripts/);
    expect(result.ok && result.prepared.text).toBe('Hi');
  });

  it('says which types it reads when it cannot read one', () => {
    const result = prepareTextSource('scan.pdf', 'application/pdf', utf8('%PDF-1.7'));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/cannot import \.pdf files yet.*\.txt.*\.md.*\.html/),
    });
  });

  it('warns when a file has no readable text', () => {
    const result = prepareTextSource('blank.txt', 'text/plain', utf8('   \n  '));
    expect(result.ok && result.prepared.warnings).toContain('This file has no readable text.');
  });
});
