import { describe, expect, it } from 'vitest';
import { independentSourceCount, verificationWarning, type SourceLineage } from './evidence';

const sha = (c: string) => c.repeat(64);
const sources = new Map<string, SourceLineage>([
  ['memo', { id: 'memo', sha256: sha('a') }],
  ['memo-again', { id: 'memo-again', sha256: sha('a') }],
  ['export', { id: 'export', sha256: sha('b') }],
  ['photo', { id: 'photo', sha256: sha('c'), parentId: 'export' }],
  ['voice', { id: 'voice', sha256: sha('d'), parentId: 'export' }],
  ['email', { id: 'email', sha256: sha('e') }],
  ['orphan', { id: 'orphan', sha256: sha('f'), parentId: 'gone' }],
]);
const cite = (sourceId: string) => ({
  sourceId,
  sourceSha256: sources.get(sourceId)?.sha256 ?? sha('0'),
});

describe('independent sources', () => {
  it('counts two citations of the same original once', () => {
    expect(independentSourceCount([cite('memo'), cite('memo')], sources)).toBe(1);
    expect(independentSourceCount([cite('memo'), cite('memo-again')], sources)).toBe(1);
  });

  it('counts the children of one export with the export', () => {
    expect(independentSourceCount([cite('photo'), cite('voice'), cite('export')], sources)).toBe(1);
    expect(independentSourceCount([cite('photo'), cite('email')], sources)).toBe(2);
  });

  it('counts a child whose parent is gone by its own hash, and survives cycles', () => {
    expect(independentSourceCount([cite('orphan'), cite('memo')], sources)).toBe(2);
    const loop = new Map<string, SourceLineage>([
      ['x', { id: 'x', sha256: sha('1'), parentId: 'y' }],
      ['y', { id: 'y', sha256: sha('2'), parentId: 'x' }],
    ]);
    expect(independentSourceCount([cite('x')], loop)).toBe(1);
    expect(independentSourceCount([], sources)).toBe(0);
  });

  it('counts 10,000 citations quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => cite(i % 2 ? 'memo' : 'photo'));
    expect(independentSourceCount(many, sources)).toBe(2);
  });
});

describe('verification warnings', () => {
  it('warns when the status claims more than the citations show', () => {
    expect(verificationWarning('corroborated', 1)).toMatch(/only one independent source/);
    expect(verificationWarning('confirmed', 0)).toMatch(/no cited source/);
    expect(verificationWarning('corroborated', 2)).toBeUndefined();
    expect(verificationWarning('single-source', 0)).toMatch(/no source/);
    expect(verificationWarning('unverified', 0)).toBeUndefined();
  });
});
