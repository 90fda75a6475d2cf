import { describe, expect, it } from 'vitest';
import { findIdentifyingMetadata, identifyingMetadataWarning } from './identifyingMetadata';

describe('findIdentifyingMetadata', () => {
  it('finds GPS coordinates, serial numbers and author names', () => {
    const items = findIdentifyingMetadata({
      Make: 'Apple',
      latitude: 59.91273,
      longitude: 10.74609,
      BodySerialNumber: 'C39XK123',
      Artist: 'Kari Nordmann',
      creator: ['Kari Nordmann'],
      ImageWidth: 4032,
    });
    expect(items.map((item) => [item.kind, item.value])).toEqual([
      ['location', '59.91273, 10.74609'],
      ['device-serial', 'C39XK123'],
      ['author', 'Kari Nordmann'],
    ]);
    expect(identifyingMetadataWarning(items)).toMatch(
      /^This file carries identifying metadata \(gps coordinates, device serial number, author name\)/,
    );
  });

  it('finds nothing in harmless metadata', () => {
    const items = findIdentifyingMetadata({ Make: 'Apple', ImageWidth: 10, Artist: '  ', latitude: NaN });
    expect(items).toEqual([]);
    expect(identifyingMetadataWarning(items)).toBeUndefined();
  });
});
