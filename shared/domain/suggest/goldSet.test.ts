import { describe, expect, it } from 'vitest';
import { evaluate, parseGold, predictGold } from './goldSet';

describe('parseGold', () => {
  it('strips the markup and keeps the spans at their offsets', () => {
    const doc = parseGold(
      '# a comment\nMinister [Grace Oduya]{person} met [Acme Inc.]{company}.\n[Beijing]{location}-based',
    );
    expect(doc.text).toBe('Minister Grace Oduya met Acme Inc..\nBeijing-based');
    expect(doc.spans.map((s) => [doc.text.slice(s.start, s.end), s.type])).toEqual([
      ['Grace Oduya', 'person'],
      ['Acme Inc.', 'company'],
      ['Beijing', 'location'],
    ]);
  });

  it('names the line of malformed markup', () => {
    expect(() => parseGold('fine\n[broken')).toThrow(/Line 2/);
    expect(() => parseGold('[x]{planet}')).toThrow(/unknown type/);
  });

  it('reads a text as one unit, and a chat as one unit per message after its sender', () => {
    expect(parseGold('[Ann]{person} wrote.\nBo read.').units).toEqual([{ start: 0, end: 19 }]);
    const chat = parseGold(
      '# mode: messages\nAmal: ask [tom]{person}\n\nTom: ok: fine\n# a comment\nHiba: [Oslo]{location}',
    );
    expect(chat.mode).toBe('messages');
    expect(chat.units.map((u) => chat.text.slice(u.start, u.end))).toEqual([
      'ask tom',
      'ok: fine',
      'Oslo',
    ]);
    expect(chat.spans.map((s) => chat.text.slice(s.start, s.end))).toEqual(['tom', 'Oslo']);
  });

  it('refuses a message without a sender, or a span in the sender', () => {
    expect(() => parseGold('# mode: messages\nno sender here')).toThrow(/Line 1.*sender/);
    expect(() => parseGold('# mode: messages\n[Amal]{person}: hi')).toThrow(/sender's name/);
  });
});

describe('predictGold', () => {
  it('gives each unit to the suggester in order and moves its offsets into the whole text', () => {
    const chat = parseGold('# mode: messages\nA: see [Bo]{person}\nB: [Bo]{person} here');
    const seen: [string, number][] = [];
    const predicted = predictGold(chat, (text, unit, index) => {
      seen.push([`${unit.sender ?? ''}: ${text}`, index]);
      const at = text.indexOf('Bo');
      return [{ start: at, end: at + 2, type: 'person' as const }];
    });
    expect(seen).toEqual([
      ['A: see Bo', 0],
      ['B: Bo here', 1],
    ]);
    expect(predicted.map((p) => chat.text.slice(p.start, p.end))).toEqual(['Bo', 'Bo']);
    expect(evaluate(chat, predicted).groups.person).toMatchObject({ correct: 2, gold: 2 });
  });
});

describe('evaluate', () => {
  const gold = parseGold(
    '[Ann Lee]{person} and [Bo]{person} at [Acme Ltd]{company} in [Oslo]{location}.',
  );

  it('counts exact spans of the right group as correct, and the rest as wrong or missed', () => {
    const start = (w: string) => gold.text.indexOf(w);
    const result = evaluate(gold, [
      { start: start('Ann Lee'), end: start('Ann Lee') + 7, type: 'person' }, // right
      { start: start('Acme'), end: start('Acme') + 4, type: 'company' }, // span too short
      { start: start('Oslo'), end: start('Oslo') + 4, type: 'person' }, // wrong group
      { start: start('Acme'), end: start('Acme') + 8, type: 'organization' }, // right group
      { start: 0, end: 3, type: 'email' }, // not scored
    ]);
    expect(result.groups.person).toMatchObject({ gold: 2, predicted: 2, correct: 1 });
    expect(result.groups.person.precision).toBe(0.5);
    expect(result.groups.person.recall).toBe(0.5);
    expect(result.groups.organization).toMatchObject({ gold: 1, predicted: 2, correct: 1 });
    expect(result.groups.location).toMatchObject({ gold: 1, predicted: 0, correct: 0, recall: 0 });
    expect(result.groups.location.precision).toBe(1);
    expect(result.missed.map((s) => s.text).sort()).toEqual(['Bo', 'Oslo']);
    expect(result.wrong.map((w) => w.text)).toEqual(['Acme', 'Oslo']);
  });

  it('counts a repeated prediction once and an empty prediction list as zero recall', () => {
    const p = { start: 0, end: 7, type: 'person' as const };
    expect(evaluate(gold, [p, p]).groups.person).toMatchObject({ predicted: 1, correct: 1 });
    expect(evaluate(gold, []).groups.person).toMatchObject({ recall: 0, precision: 1, f1: 0 });
  });
});
