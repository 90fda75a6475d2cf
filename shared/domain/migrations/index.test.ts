import { describe, expect, it } from 'vitest';
import { CASE_MIGRATIONS, migrateRecord, tableNeedsMigration, type CaseMigration } from './index';

const migrations: CaseMigration[] = [
  { version: 2, tables: { messages: (r) => ({ ...r, text: String(r.text).trim() }) } },
  { version: 5, tables: { messages: (r) => ({ ...r, v5: true }), comments: () => undefined } },
];

describe('migrateRecord', () => {
  it('applies only the transforms after the record’s version, in order', () => {
    expect(migrateRecord('messages', { text: ' hi ' }, 1, 5, migrations)).toEqual({
      text: 'hi',
      v5: true,
    });
    expect(migrateRecord('messages', { text: ' hi ' }, 2, 5, migrations)).toEqual({
      text: ' hi ',
      v5: true,
    });
    expect(migrateRecord('messages', { text: ' hi ' }, 1, 4, migrations)).toEqual({ text: 'hi' });
  });

  it('leaves tables no transform touches as they are, and can drop a record', () => {
    const record = { id: 'e1' };
    expect(migrateRecord('events', record, 1, 5, migrations)).toBe(record);
    expect(migrateRecord('comments', record, 1, 5, migrations)).toBeUndefined();
    expect(tableNeedsMigration('comments', 1, 5, migrations)).toBe(true);
    expect(tableNeedsMigration('comments', 5, 5, migrations)).toBe(false);
  });

  it('has no data transform for the versions shipped so far (1, 3 and 4 only added tables)', () => {
    expect(CASE_MIGRATIONS).toEqual([]);
  });
});
