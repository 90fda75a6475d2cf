import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './origin';

describe('the app origin', () => {
  it('is app://casefile, forever', () => {
    // IndexedDB belongs to this origin: if this test fails, every reporter's cases disappear.
    expect(APP_ORIGIN).toBe('app://casefile');
    expect(APP_ENTRY_URL).toBe('app://casefile/');
  });

  it.each([
    'app://casefile/',
    'app://casefile/index.html',
    'app://casefile/assets/index-abc.js?v=1#top',
    'app://CaseFile/',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://other/',
    'app://casefile.evil.example/',
    'app://casefile:8080/',
    'app://user:pw@casefile/',
    'https://casefile/',
    'file:///etc/passwd',
    'casefile',
    '',
    'app:casefile',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
