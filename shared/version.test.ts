import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASEFILE_VERSION } from './version';

describe('CASEFILE_VERSION', () => {
  it('is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(CASEFILE_VERSION).toBe(pkg.version);
  });
});
