import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('gives an error’s message, or anything else as text', () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
