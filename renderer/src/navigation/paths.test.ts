import { describe, expect, it } from 'vitest';
import { parseSourceFocus, paths } from './paths';

describe('paths', () => {
  it('writes and reads a message focus, with or without a passage', () => {
    const whole = paths.source('c', 's', { kind: 'message', id: 'm1' });
    expect(whole).toBe('/cases/c/sources/s/message/m1');
    expect(parseSourceFocus('message', 'm1')).toEqual({ kind: 'message', id: 'm1' });
    const passage = paths.source('c', 's', { kind: 'message', id: 'm1', start: 3, end: 9 });
    expect(passage).toBe('/cases/c/sources/s/message/m1:3-9');
    expect(parseSourceFocus('message', 'm1:3-9')).toEqual({
      kind: 'message',
      id: 'm1',
      start: 3,
      end: 9,
    });
  });

  it('has addresses for search and the suggestions queue', () => {
    expect(paths.search('c')).toBe('/cases/c/search');
    expect(paths.suggestions('c')).toBe('/cases/c/suggestions');
  });
});
