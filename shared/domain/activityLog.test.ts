import { describe, expect, it } from 'vitest';
import {
  chainActivityEntry,
  GENESIS_HASH,
  verifyActivityChain,
  type ActivityEntry,
} from './activityLog';
import { canonicalJson } from './canonicalJson';

function buildLog(n: number): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  for (let i = 0; i < n; i += 1) {
    entries.push(
      chainActivityEntry(
        entries.at(-1),
        {
          action: 'source.import',
          recordType: 'source',
          recordId: `s${i}`,
          summary: `Imported source ${i}`,
          details: { index: i, nested: { b: 2, a: 1 } },
        },
        'Ana Reporter',
        `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      ),
    );
  }
  return entries;
}

describe('activity hash chain', () => {
  it('chains each entry to the one before', () => {
    const log = buildLog(3);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    expect(log[2]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyActivityChain(log)).toEqual({ ok: true, count: 3, lastHash: log[2]?.hash });
  });

  it('verifies an empty log', () => {
    expect(verifyActivityChain([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('detects a changed entry', () => {
    const log = buildLog(5);
    log[2] = { ...log[2]!, summary: 'Imported something else' };
    expect(verifyActivityChain(log)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/changed/),
    });
  });

  it('detects a changed detail deep inside an entry', () => {
    const log = buildLog(2);
    log[0] = { ...log[0]!, details: { index: 0, nested: { b: 3, a: 1 } } };
    expect(verifyActivityChain(log)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('detects a removed entry', () => {
    const log = buildLog(4);
    log.splice(1, 1);
    expect(verifyActivityChain(log)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'Entry 2 is missing.',
    });
  });

  it('detects an entry re-signed after a change (the next one no longer points at it)', () => {
    const log = buildLog(3);
    const forged = chainActivityEntry(
      { seq: 0, hash: GENESIS_HASH },
      { action: 'source.import', recordType: 'source', recordId: 'sX', summary: 'forged' },
      'Mallory',
      log[0]!.at,
    );
    log[0] = forged;
    expect(verifyActivityChain(log)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });
});
