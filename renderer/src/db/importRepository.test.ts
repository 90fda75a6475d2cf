// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCase } from '../test/caseFixtures';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { sha256Hex } from '@shared/domain/hashing';
import { chatToMessages } from '@shared/domain/chat/toMessages';
import type { ParsedChat } from '@shared/domain/chat/types';
import { type NewSource } from './index';

function file(
  name: string,
  content: string,
  extra: Partial<NewSource> = {},
): NewSource & { id: string } {
  return {
    id: crypto.randomUUID(),
    kind: 'file',
    title: name,
    fileName: name,
    mediaType: 'application/octet-stream',
    sha256: sha256Hex(content),
    origin: 'attachment',
    bytes: new Blob([content]),
    ...extra,
  };
}

const chat: ParsedChat = {
  format: 'whatsapp-ios',
  timeZone: { assumption: 'Times are the exporting phone’s local time.' },
  warnings: [],
  conversations: [
    {
      name: 'Harbour group',
      participants: ['Ana', 'Bo'],
      messages: Array.from({ length: 500 }, (_, i) => ({
        seq: i,
        sender: i % 2 ? 'Bo' : 'Ana',
        sentAtStated: `[20.06.19, 15:${String(i % 60).padStart(2, '0')}:00]`,
        sentAt: `2019-06-20T15:${String(i % 60).padStart(2, '0')}:00`,
        text: `Message ${i} about the harbour`,
        system: false,
        attachments: i === 3 ? [{ name: 'photo.jpg', kind: 'image' as const }] : [],
      })),
    },
  ],
};

describe('SourceRepository.addTree', () => {
  it('stores a chat with its messages and attachments in one go, one log entry per source', async () => {
    const repos = await newCase('Imports');
    const photo = file('photo.jpg', 'jpeg bytes', { kind: 'image', mediaType: 'image/jpeg' });
    const { messages, metadata } = chatToMessages(chat, new Map([['photo.jpg', photo.id]]));
    const before = await repos.activity.count();
    const outcome = await repos.sources.addTree({
      source: {
        kind: 'chat',
        title: 'WhatsApp Chat - Harbour group',
        fileName: 'chat.zip',
        mediaType: 'application/zip',
        sha256: sha256Hex('zip bytes'),
        origin: 'file',
        bytes: new Blob(['zip bytes']),
        metadata: { chat: metadata },
      },
      messages,
      children: [photo],
    });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.messageCount).toBe(500);
    expect(outcome.childCount).toBe(1);
    expect(await repos.activity.count()).toBe(before + 2);
    expect(await repos.sources.messageCount(outcome.source.id)).toBe(500);
    const page = await repos.sources.messages(outcome.source.id, 0, 10);
    expect(page.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(page[3]?.attachments).toEqual([{ name: 'photo.jpg', sourceId: photo.id }]);
    const children = await repos.sources.children(outcome.source.id);
    expect(children.map((c) => [c.id, c.parentId, c.origin])).toEqual([
      [photo.id, outcome.source.id, 'attachment'],
    ]);
    expect((await repos.activity.verify()).ok).toBe(true);

    // The same export again is a duplicate; nothing is added.
    const again = await repos.sources.addTree({
      source: {
        ...(await repos.sources.get(outcome.source.id))!,
        bytes: new Blob(['zip bytes']),
      } as NewSource,
      messages,
    });
    expect(again.status).toBe('duplicate');
    expect(await repos.store.db.messages.count()).toBe(500);
    repos.close();
  });

  it('links a child already in the case instead of storing it twice', async () => {
    const repos = await newCase('Imports');
    const first = await repos.sources.add({ ...file('scan.png', 'png bytes'), origin: 'file' });
    expect(first.status).toBe('imported');
    const child = file('scan.png', 'png bytes');
    const outcome = await repos.sources.addTree({
      source: { ...file('mail.eml', 'mail bytes'), kind: 'email', origin: 'file' },
      messages: [
        {
          seq: 0,
          sentAtStated: '',
          text: 'see attached',
          attachments: [{ name: 'scan.png', sourceId: child.id }],
        },
      ],
      children: [child],
    });
    expect(outcome.status === 'imported' && outcome.duplicateChildren.map((d) => d.name)).toEqual([
      'scan.png',
    ]);
    if (outcome.status !== 'imported' || first.status !== 'imported') return;
    const [message] = await repos.sources.messages(outcome.source.id);
    expect(message?.attachments?.[0]?.sourceId).toBe(first.source.id);
    expect(await repos.store.db.sources.count()).toBe(2);
    repos.close();
  });

  it('writes nothing when any part fails', async () => {
    const repos = await newCase('Imports');
    const child = file('a.txt', 'a');
    await expect(
      repos.sources.addTree({
        source: file('bundle.zip', 'zip'),
        // Two children with the same id cannot both be stored: the transaction must roll back.
        children: [child, { ...file('b.txt', 'b'), id: child.id }],
        messages: [{ seq: 0, sentAtStated: '', text: 'x' }],
      }),
    ).rejects.toThrow();
    expect(await repos.store.db.sources.count()).toBe(0);
    expect(await repos.store.db.messages.count()).toBe(0);
    expect(await repos.store.db.originals.count()).toBe(0);
    repos.close();
  });
});

describe('OCR revisions and corrections', () => {
  it('keeps the OCR output, moves tags and citations by their quote, flags the lost ones', async () => {
    const repos = await newCase('Imports');
    const ocrText = 'Transfer 40,000 to Halvorsen Lid\napproved by the minister';
    const outcome = await repos.sources.addTree({
      source: {
        kind: 'image',
        title: 'screenshot',
        mediaType: 'image/png',
        sha256: sha256Hex('png'),
        origin: 'clipboard',
        bytes: new Blob(['png']),
        text: ocrText,
        textKind: 'ocr',
        words: [{ start: 0, end: 8, x: 1, y: 2, width: 30, height: 10, confidence: 92 }],
      },
    });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const source = outcome.source;
    const [ocr] = await repos.sources.revisions(source.id);
    expect(ocr?.kind).toBe('ocr');
    expect(ocr?.words).toHaveLength(1);
    const entity = await repos.entities.create({ name: 'Minister', type: 'person' });
    const start = ocrText.indexOf('minister');
    const kept = await repos.mentions.create({
      entityId: entity.id,
      sourceId: source.id,
      anchor: {
        ...createTextAnchor(ocrText, start, start + 8, { revisionId: ocr!.id }),
        regions: [{ x: 5, y: 20, width: 40, height: 10 }],
      },
    });
    const lostStart = ocrText.indexOf('40,000');
    const event = await repos.events.create(
      { title: 'Transfer', date: { start: { year: 2020 }, approximate: false } },
      [
        {
          sourceId: source.id,
          anchor: createTextAnchor(ocrText, lostStart, lostStart + 6, { revisionId: ocr!.id }),
        },
      ],
    );

    const corrected = 'Transfer to Halvorsen Ltd\napproved by the minister';
    const result = await repos.sources.addCorrection(source.id, corrected);
    expect(result).toMatchObject({ reanchored: 1, lost: 1 });
    expect(result.revision).toMatchObject({
      kind: 'correction',
      revision: 2,
      basedOn: ocr!.id,
      text: corrected,
    });
    const revisions = await repos.sources.revisions(source.id);
    expect(revisions.map((r) => r.kind)).toEqual(['ocr', 'correction']);
    expect(revisions[0]?.text).toBe(ocrText);
    expect((await repos.sources.get(source.id))?.currentRevisionId).toBe(result.revision.id);

    const moved = await repos.store.db.mentions.get(kept.id);
    expect(moved?.anchor).toMatchObject({
      revisionId: result.revision.id,
      position: { start: corrected.indexOf('minister') },
      regions: [{ x: 5, y: 20, width: 40, height: 10 }],
    });
    expect(moved?.quoteLostIn).toBeUndefined();
    const [citation] = await repos.events.citationsOf(event.id);
    expect(citation?.quoteLostIn).toBe(result.revision.id);

    await expect(repos.sources.addCorrection(source.id, corrected)).rejects.toThrow(/unchanged/);
    const log = await repos.activity.latest(1);
    expect(log[0]?.action).toBe('source.correct');

    // A later recognition is kept, but the reporter's correction stays what the reader shows.
    await repos.sources.addOcrRevision(source.id, { text: 'again', words: [], engine: 'test' });
    expect((await repos.sources.get(source.id))?.currentRevisionId).toBe(result.revision.id);
    repos.close();
  });
});
