import { describe, expect, it } from 'vitest';
import { fileKindOf } from './fileKind';

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MAIL = 'Received: from a by b\r\nMessage-ID: <x@y>\r\nFrom: a@b\r\nTo: c@d\r\nSubject: hi\r\n\r\nbody';

describe('fileKindOf', () => {
  it('lets a text extension win, but reads mail saved as .txt as an email', () => {
    expect(fileKindOf('binary.txt', 'text/plain', PNG)).toBe('text');
    expect(fileKindOf('memo.txt', 'text/plain', bytes('From: Ana\nTo: Bo\nSubject: lunch\n\nSee you.'))).toBe('text');
    expect(fileKindOf('mail.txt', 'text/plain', bytes(MAIL))).toBe('email');
    expect(fileKindOf('notes.md', '', bytes('# Notes'))).toBe('text');
  });

  it('reads the first bytes, then the extension', () => {
    expect(fileKindOf('screenshot', '', PNG)).toBe('image');
    expect(fileKindOf('photo.jpg', 'image/jpeg', new Uint8Array())).toBe('image');
    expect(fileKindOf('scan.bin', '', bytes('%PDF-1.7\n...'))).toBe('pdf');
    expect(fileKindOf('minutes.docx', '', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('docx');
    expect(fileKindOf('export.zip', '', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('zip');
    expect(fileKindOf('message.eml', '', bytes('x'))).toBe('email');
    expect(fileKindOf('result.json', '', bytes('{}'))).toBe('json');
    expect(fileKindOf('mystery.bin', '', new Uint8Array([1, 2, 3]))).toBe('unknown');
    expect(fileKindOf('noext', '', bytes(MAIL))).toBe('email');
  });
});
