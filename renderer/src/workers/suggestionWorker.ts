/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openCase, type CaseRepositories } from '../db';
import { SuggestionEngine, type SuggestionProgress } from './suggest/suggestionEngine';
import {
  matcherFor,
  suggestNames,
  NameFinder,
  compromiseStats,
  type KnownName,
} from '@shared/domain/suggest';

let repos: CaseRepositories | undefined;
let engine: SuggestionEngine | undefined;
const actor = { name: 'Casefile' };

function current(): SuggestionEngine {
  if (!engine) throw new Error('No case is open for suggestions.');
  return engine;
}

const api = {
  /** Opens a case; suggestions are written in the name of `actorName` (the profile). */
  async open(
    caseId: string,
    actorName: string,
    onProgress?: (progress: SuggestionProgress) => void,
  ): Promise<void> {
    repos?.close();
    actor.name = actorName;
    repos = openCase(caseId, () => actor.name);
    engine = new SuggestionEngine(repos, (progress) => onProgress?.(progress));
    await engine.open();
  },
  setActor(name: string): void {
    actor.name = name;
  },
  /** Reads the changes written since the last pass and suggests what they call for. */
  async sync(): Promise<void> {
    await current().sync();
  },
  pause(): void {
    current().pause();
  },
  async resume(): Promise<void> {
    await current().resume();
  },
  status(): SuggestionProgress | undefined {
    return engine?.status();
  },
  /**
   * Benchmarks: one pass of the known-entity matcher over every message of the case, without
   * storing anything; returns the time to build the matcher and to match, and the hits found.
   */
  async timeKnownEntityPass(): Promise<{
    buildMs: number;
    readMs: number;
    matchMs: number;
    hits: number;
    messages: number;
  }> {
    if (!repos) throw new Error('No case is open.');
    const { db } = repos.store;
    const entities = await repos.entities.list();
    let started = performance.now();
    const matcher = matcherFor(entities);
    const buildMs = performance.now() - started;
    let readMs = 0;
    let matchMs = 0;
    let hits = 0;
    let messages = 0;
    let lastKey: string | undefined;
    for (;;) {
      started = performance.now();
      const batch = await (lastKey === undefined
        ? db.messages.orderBy(':id').limit(10_000).toArray()
        : db.messages.where(':id').above(lastKey).limit(10_000).toArray());
      readMs += performance.now() - started;
      if (batch.length === 0) break;
      started = performance.now();
      for (const message of batch) hits += matcher.find(message.text).length;
      matchMs += performance.now() - started;
      messages += batch.length;
      lastKey = batch[batch.length - 1]?.id;
    }
    return { buildMs, readMs, matchMs, hits, messages };
  },
  /**
   * Benchmarks: names (NER and patterns) suggested in every message of the case, read source by
   * source in order with one name finder per chat as the engine does, without storing anything;
   * returns the time to read and to suggest, and what was found.
   */
  async timeNamePass(): Promise<{
    readMs: number;
    suggestMs: number;
    messages: number;
    found: number;
    byType: Record<string, number>;
    compromiseSentences: number;
  }> {
    if (!repos) throw new Error('No case is open.');
    const { db } = repos.store;
    const known: KnownName[] = (await repos.entities.list()).flatMap((e) =>
      [e.name, ...e.aliases].map((name) => ({ name, type: e.type })),
    );
    const tagged = compromiseStats.sentences;
    let readMs = 0;
    let suggestMs = 0;
    let messages = 0;
    let found = 0;
    const byType: Record<string, number> = {};
    for (const sourceId of await db.sources.toCollection().primaryKeys()) {
      const names = new NameFinder(known);
      const senders = new Set<string>();
      let lastSeq: number | undefined;
      for (;;) {
        let started = performance.now();
        const batch = await db.messages
          .where('[sourceId+seq]')
          .between([sourceId, lastSeq ?? -Infinity], [sourceId, Infinity], lastSeq === undefined)
          .limit(5_000)
          .toArray();
        readMs += performance.now() - started;
        if (batch.length === 0) break;
        started = performance.now();
        for (const message of batch) {
          if (message.sender && !senders.has(message.sender)) {
            senders.add(message.sender);
            names.addParticipant(message.sender);
          }
          for (const f of suggestNames(message.text, { ner: true, patterns: true, names })) {
            found += 1;
            byType[f.type] = (byType[f.type] ?? 0) + 1;
          }
        }
        suggestMs += performance.now() - started;
        messages += batch.length;
        lastSeq = batch[batch.length - 1]?.seq;
      }
    }
    return {
      readMs,
      suggestMs,
      messages,
      found,
      byType,
      compromiseSentences: compromiseStats.sentences - tagged,
    };
  },
  close(): void {
    engine?.pause();
    repos?.close();
    repos = undefined;
    engine = undefined;
  },
};

/** The suggestion worker's interface, as seen through Comlink. */
export type SuggestionWorkerApi = typeof api;

expose(api);
