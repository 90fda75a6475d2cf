import { describe, expect, it } from 'vitest';
import { baseSubject, groupThreads, messageIdsIn } from './threads';

describe('groupThreads', () => {
  it('joins replies to what they answer, also through a message missing from the mailbox', () => {
    const { threadOf, subjects } = groupThreads([
      { messageId: '<a@x>', subject: 'Invoice', time: 1 },
      { messageId: '<b@x>', inReplyTo: '<a@x>', subject: 'Re: Invoice', time: 2 },
      { messageId: '<c@x>', references: '<missing@x> <d@x>', subject: 'Re: Payment', time: 4 },
      { messageId: '<e@x>', references: '<missing@x>', subject: 'Re: Re: Payment', time: 3 },
      { messageId: '<f@x>', subject: 'Re: Invoice', time: 5 },
      { subject: 'No id at all' },
    ]);
    expect(threadOf[0]).toBe(threadOf[1]);
    expect(threadOf[2]).toBe(threadOf[3]);
    expect(threadOf[2]).not.toBe(threadOf[0]);
    // Same subject, no link: a separate thread.
    expect(threadOf[4]).not.toBe(threadOf[0]);
    expect(new Set(threadOf).size).toBe(4);
    expect(subjects.get(threadOf[0] as string)).toBe('Invoice');
    expect(subjects.get(threadOf[2] as string)).toBe('Payment');
  });

  it('reads message ids and subjects', () => {
    expect(messageIdsIn('<A@X> <b@y>')).toEqual(['a@x', 'b@y']);
    expect(messageIdsIn('bare@id')).toEqual(['bare@id']);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(baseSubject('R: R: I: Fwd: AW: Offerta')).toBe('Offerta');
  });
});
