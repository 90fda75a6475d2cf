import { describe, expect, it } from 'vitest';
import { findPatterns } from './patterns';

const found = (text: string) => findPatterns(text).map((f) => [f.type, f.text]);

describe('findPatterns', () => {
  it('finds email addresses, URLs, handles and phone numbers', () => {
    expect(
      found(
        'Write to e.kanter@halvorsen.co.uk or see https://example.org/a_(b). Ping @kanter_e, call +44 20 7946 0958 or (555) 123-4567.',
      ),
    ).toEqual([
      ['email', 'e.kanter@halvorsen.co.uk'],
      ['other', 'https://example.org/a_(b)'],
      ['account', '@kanter_e'],
      ['phone', '+44 20 7946 0958'],
      ['phone', '(555) 123-4567'],
    ]);
  });

  it('leaves out amounts, dates, years and the domain part of an email', () => {
    expect(found('Paid 40,000 euros on 2020-04-14 and 14.04.2020, in 2021; ref 12345.')).toEqual(
      [],
    );
    expect(found('mail kanter@example.com now')).toEqual([['email', 'kanter@example.com']]);
  });

  it('leaves out file and letter references, but not a phone number written with a slash', () => {
    expect(found('Ref. PA/2020/114 and file 2019/40211.')).toEqual([]);
    expect(found('Büro: 030/1234567')).toEqual([['phone', '030/1234567']]);
  });

  it('trims sentence punctuation off URLs', () => {
    expect(found('See www.example.org/report.')).toEqual([['other', 'www.example.org/report']]);
  });
});
