// Helpers the repository and worker tests share: a case in the catalog with its repositories,
// partial dates from text, and a text source. Tests run on fake-indexeddb (see setup.ts).
import { parsePartialDate } from '@shared/domain/partialDate';
import { sha256Hex } from '@shared/domain/hashing';
import type { PartialDate } from '@shared/schemas/partialDate';
import { CatalogRepository, CaseDb, CaseStore, openCase, type CaseRepositories } from '../db';

/** The profile name every test change is logged under. */
export const actor = () => 'Ana Reporter';

/** A partial date from text the parser accepts ("April 2020"); throws otherwise. */
export function date(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.date;
}

/** A new case in the catalog, opened. */
export async function newCase(name = 'Harbour'): Promise<CaseRepositories> {
  const record = await new CatalogRepository().createCase(
    { name },
    actor(),
    (id) => new CaseStore(new CaseDb(id), actor),
  );
  return openCase(record.id, actor);
}

/** A text source imported from a file; throws when it was not imported. */
export async function addText(repos: CaseRepositories, text: string, title = 'memo') {
  const outcome = await repos.sources.add({
    kind: 'text',
    title,
    mediaType: 'text/plain',
    sha256: sha256Hex(text),
    origin: 'file',
    bytes: new Blob([text]),
    text,
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  return outcome.source;
}
