import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(utf8('Ministère'))).toEqual({
      ok: true,
      text: 'Ministère',
      encoding: { name: 'utf-8', assumed: false },
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Überweisung')]);
    expect(decodeText(withBom)).toMatchObject({ ok: true, text: 'Überweisung' });
  });

  it('reads UTF-16 with a byte-order mark in both byte orders', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(decodeText(le)).toMatchObject({
      ok: true,
      text: 'Hi',
      encoding: { name: 'utf-16le', assumed: false },
    });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    expect(decodeText(be)).toMatchObject({ ok: true, text: 'Hi', encoding: { name: 'utf-16be' } });
  });

  it('sniffs UTF-16 without a byte-order mark and says it assumed so', () => {
    const text = 'Payment to Halvorsen Ltd';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) le[i * 2] = text.charCodeAt(i);
    const result = decodeText(le);
    expect(result).toMatchObject({ ok: true, text, encoding: { name: 'utf-16le', assumed: true } });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, and says so', () => {
    // "payé à" in Latin-1
    const result = decodeText(bytes(0x70, 0x61, 0x79, 0xe9, 0x20, 0xe0));
    expect(result).toMatchObject({
      ok: true,
      text: 'payé à',
      encoding: { name: 'windows-1252', assumed: true },
    });
    if (result.ok) expect(result.encoding.note).toMatch(/not valid UTF-8/);
  });

  it('refuses empty and binary files with a reason', () => {
    expect(decodeText(new Uint8Array())).toEqual({
      ok: false,
      reason: expect.stringMatching(/empty \(0 bytes\)/),
    });
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    expect(decodeText(png)).toEqual({ ok: false, reason: expect.stringMatching(/binary data/) });
  });

  it('refuses text that is mostly control characters', () => {
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeText(controls)).toEqual({
      ok: false,
      reason: expect.stringMatching(/control characters/),
    });
  });

  it('makes all line breaks \\n', () => {
    expect(decodeText(utf8('a\r\nb\rc\n'))).toMatchObject({ text: 'a\nb\nc\n' });
  });
});
