import type { EntityType } from '../../schemas/records';
import { sentenceTags } from './compromiseTags';
import {
  CAPITAL_ONLY_SUFFIXES,
  COMPANY_HEADS,
  COMPANY_SUFFIXES,
  GREETINGS,
  KNOWN_ORGANIZATIONS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NOT_ACRONYMS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_ROLES,
  PERSON_ROLES,
  PLACE_ACRONYMS,
  PLACE_HEADS,
  PLACE_LEADS,
  PUBLIC_BODY_HEADS,
  SPEECH_VERBS,
  TITLES,
  TITLE_QUALIFIERS,
  MONTH_NAMES,
  NON_ENTITY_HEADS,
  PLACE_NOUNS,
  PLACE_PREFIXES,
  SURNAME_LIKE_PLACE_HEADS,
  looksCommon,
  plain,
  senseOf,
} from './lexicon';
import { lexiconTags } from './lexicon';
import { tokenize, type Token } from './tokens';

const lexiconTagsOf = (t: Token) => lexiconTags(t.text.toLowerCase());
import type { FoundName } from './types';

/**
 * Named-entity recognition for persons, organisations and places, for suggestions.
 *
 * Names are runs of capitalised words (with "of", "and", "&", particles and legal suffixes inside
 * where names have them), typed by weighing evidence of several kinds, none decisive alone:
 * - the words themselves: legal suffixes ("Ltd.", "GmbH", "d.o.o."), head words of government
 *   bodies, organisations, companies and places ("Ministry", "Foundation", "Logistics", "River"),
 *   given names and family names from our lexicon and compromise's dictionary;
 * - the context: a title before ("Finance Minister Grace Oduya"), an appositive ("Petrović, a
 *   former official"; "the company, Medikon"), an age ("Holloway, 52,"), a speech verb ("said"),
 *   "according to", a greeting ("Dear Khalid"), a name before an email address, a place before
 *   "-based";
 * - the text's own names: a short form takes the type of the full name seen in the same text
 *   ("Kanter" after "Elizabeth Kanter"), an acronym that of the name it stands for, and the case's
 *   known entities and a chat's participants type the names they carry.
 * Capitals say nothing at the start of a sentence or in a headline in capitals, so a name there
 * needs evidence beyond its capital: the text's own names, the dictionaries, or (for a word no
 * dictionary knows) compromise's tagger run on that one sentence.
 */

/** A name the case already knows, with its type, to type the same words when found again. */
export interface KnownName {
  name: string;
  type: EntityType;
}

type Group = 'person' | 'organization' | 'location';

interface Remembered {
  type: EntityType;
  confidence: number;
  /**
   * How it was learnt: a person's family name ("Lemonidis" after "Petros Lemonidis") outranks
   * the first word of a company's name ("Lemonidis" of "Lemonidis Maritime Holdings Ltd"):
   * a bare family name in news almost always means the person.
   */
  kind?: 'surname' | 'prefix' | 'acronym';
}

interface Run {
  /** Tokens of the name (titles left out). */
  tokens: Token[];
  start: number;
  end: number;
  /** A title stood right before the name, or led it. */
  titled: boolean;
  /** The run ends with a legal suffix. */
  suffix: boolean;
  /** The run has no evidence of being a name beyond capitals that say nothing. */
  doubtful: boolean;
  /** Typed by the last resort only (capitalised words that look like a person's name). */
  guessed?: boolean;
  /** A common word starting the sentence was cut off its front. */
  trimmed?: boolean;
  type?: EntityType | undefined;
  confidence: number;
}

/** The key a name is remembered by: its words, lower case, without accents or stops. */
const keyOf = (tokens: readonly Token[]) => tokens.map((t) => t.key.replace(/\./g, '')).join(' ');
const keyOfName = (name: string) => keyOf(tokenize(name));
const isCap = (t: Token) => t.shape === 'title' || t.shape === 'caps' || t.shape === 'mixed';
const bare = (t: Token) => t.key.replace(/\./g, '');

function isTitle(t: Token): boolean {
  return TITLES.has(bare(t));
}

function isSuffix(t: Token): boolean {
  const raw = t.text.replace(/\./g, '');
  if (CAPITAL_ONLY_SUFFIXES.has(raw.toUpperCase()))
    return raw === raw.toUpperCase() || raw === 'SpA';
  return COMPANY_SUFFIXES.has(bare(t)) || t.key === 'a/s';
}

/** Legal suffixes written in lower case after a name ("d.o.o.", "sp. z o.o.", "a.d."). */
const SUFFIX_TAIL =
  /^,?[ \u00a0]+(?:sp\. z o\.o\.|sp\. j\.|d\.o\.o\.|a\.d\.|d\.d\.|s\.r\.o\.|a\.s\.|s\.r\.l\.|s\.p\.a\.|s\.a\.|s\.l\.|b\.v\.|n\.v\.|spol\. s r\.o\.|plc|ltd\.?|llc|gmbh|pte\.? ltd\.?)(?![\p{L}])/u;

/** Whether two neighbouring tokens belong to one name: spaces between, or an abbreviation's stop. */
function linked(text: string, left: Token, right: Token): boolean {
  if (left.possessive || left.line !== right.line) return false;
  const gap = text.slice(left.end, right.start);
  if (/^[ \t\u00a0]+$/u.test(gap)) return true;
  // "Kovács-Bíró", "Anti-Corruption", "Hapag-Lloyd": capitalised parts of one hyphenated name.
  if (gap === '-' && isCap(right)) return true;
  // "Mr. Lim", "J. van der Berg", "Pte. Ltd.", "Co., Ltd."
  if (/^\.[ \t\u00a0]+$/u.test(gap) && left.abbreviation) return true;
  if (/^\.?,[ \t\u00a0]+$/u.test(gap) && isSuffix(left) && isSuffix(right)) return true;
  return false;
}

function hasHead(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t) =>
      ORGANIZATION_HEADS.has(t.key) ||
      PUBLIC_BODY_HEADS.has(t.key) ||
      COMPANY_HEADS.has(t.key) ||
      isSuffix(t),
  );
}

/** A capitalised word that may be (part of) a name. */
function nameLike(t: Token): boolean {
  return isCap(t) && !NOT_NAMES.has(t.key);
}

/** "Stoke-on-Trent", "Aix-en-Provence": a short lower-case word between hyphens inside a name. */
function hyphenChain(
  text: string,
  left: Token,
  middle: Token | undefined,
  right: Token | undefined,
): boolean {
  return (
    middle !== undefined &&
    right !== undefined &&
    middle.shape === 'lower' &&
    middle.key.length <= 4 &&
    text.slice(left.end, middle.start) === '-' &&
    text.slice(middle.end, right.start) === '-' &&
    isCap(right)
  );
}

/** "April 2022", "in June": a month, not a name. */
function isDate(text: string, tokens: Token[], t: Token): boolean {
  if (!MONTH_NAMES.has(t.key)) return false;
  const next = tokens[t.index + 1];
  const previous = tokens[t.index - 1];
  return (
    !next ||
    !isCap(next) ||
    next.line !== t.line ||
    next.sentenceStart ||
    !/^[ \t]+$/u.test(text.slice(t.end, next.start)) ||
    previous?.shape === 'number'
  );
}

/**
 * Finds the runs of capitalised words that may be names, with the words inside names that are
 * not capitalised ("of", "&", "bin", "van der") and legal suffixes.
 */
function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!nameLike(first) || first.capsLine || isDate(text, tokens, first)) {
      i += 1;
      continue;
    }
    const run: Token[] = [first];
    let j = i;
    while (j + 1 < tokens.length) {
      const current = tokens[j] as Token;
      const next = tokens[j + 1] as Token;
      if (hyphenChain(text, current, next, tokens[j + 2])) {
        run.push(next, tokens[j + 2] as Token);
        j += 2;
        continue;
      }
      // "People's Progressive Alliance", "U.S. Attorney's Office": a possessive inside the name of
      // an organisation, which a head word a little further on shows.
      // (Not "the Treasury's Office of …": a head word alone is a name already.)
      if (
        current.possessive &&
        /^['’]s $/u.test(text.slice(current.end, next.start)) &&
        !(run.length === 1 && hasHead(run))
      ) {
        const ahead = tokens.slice(j + 1, j + 4);
        const headAt = ahead.findIndex(
          (t) => ORGANIZATION_HEADS.has(t.key) || PUBLIC_BODY_HEADS.has(t.key),
        );
        if (
          headAt >= 0 &&
          ahead
            .slice(0, headAt + 1)
            .every((t, n) => isCap(t) && (n === 0 || linked(text, ahead[n - 1] as Token, t)))
        ) {
          run.push(...ahead.slice(0, headAt + 1));
          j += headAt + 1;
          continue;
        }
      }
      if (!linked(text, current, next)) {
        // "Hengli Commodities (HK) Limited", "Beacon Lettings (Midlands) Ltd": a bracketed word
        // before a legal suffix.
        const after = tokens[j + 2];
        if (
          isCap(next) &&
          after &&
          isSuffix(after) &&
          text.slice(current.end, next.start) === ' (' &&
          text.slice(next.end, after.start) === ') '
        ) {
          run.push(next, after);
          j += 2;
          continue;
        }
        break;
      }
      // Nothing joins a name after its legal suffix ("Aquaform Pools Ltd | of Guildford").
      if (run.length > 1 && isSuffix(current) && current.shape !== 'lower') {
        if (!(isSuffix(next) || next.shape === 'caps')) break;
      }
      if (
        (isCap(next) && !NOT_NAMES.has(next.key)) ||
        (CAPITAL_ONLY_SUFFIXES.has(next.text) && run.length > 1)
      ) {
        run.push(next);
        j += 1;
        continue;
      }
      if (next.shape === 'title' && NOT_NAMES.has(next.key) && next.key !== 'the') break;
      // Lower-case words inside a name: "Ministry of Health", "Faisal bin Nasser",
      // "Whitcombe & Ferris", "Administration for the Prevention of …".
      let k = j + 1;
      const inner: Token[] = [];
      while (k < tokens.length && inner.length < 3) {
        const c = tokens[k] as Token;
        const following = tokens[k + 1];
        if (!following || !linked(text, tokens[k - 1] as Token, c) || !linked(text, c, following))
          break;
        if (!(NAME_CONNECTORS.has(c.key) || NAME_PARTICLES.has(c.key))) break;
        if (isCap(c) && c.key !== '&') break;
        inner.push(c);
        k += 1;
      }
      const after = tokens[k];
      if (inner.length === 0 || !after || !isCap(after) || NOT_NAMES.has(after.key)) break;
      const keys = inner.map((c) => c.key);
      if (keys.includes('and') && keys.includes('the')) break;
      const particles = keys.every(
        (c) => NAME_PARTICLES.has(c) && !['of', 'for', 'on'].includes(c),
      );
      const prepositional = keys.some((c) => ['of', 'for', 'on', 'the'].includes(c));
      if (prepositional && !mayJoinWithPreposition(run, keys)) break;
      if (!particles && !prepositional && !keys.includes('and') && !keys.includes('&')) break;
      run.push(...inner, after);
      j = k;
    }
    // "Recovery and Resilience Facility" stays whole, to be left out as a whole.
    const whole = NON_ENTITY_HEADS.has((run[run.length - 1] as Token).key);
    for (const part of whole ? [run] : splitAtAnd(run)) runs.push(newRun(part));
    i = j + 1;
  }
  return runs;
}

function newRun(tokens: Token[]): Run {
  return {
    tokens,
    start: (tokens[0] as Token).start,
    end: (tokens[tokens.length - 1] as Token).end,
    titled: false,
    suffix: false,
    doubtful: false,
    confidence: 0,
  };
}

/**
 * Whether "of", "for", "on" may join the words before it to a name after it: after a head word
 * ("Ministry of Transport", "Bank of England") or a single place-like word ("Gulf of Guinea",
 * "Isle of Man"), but not after a person's name ("Rachel Tan of Drew & Napier").
 */
function mayJoinWithPreposition(left: Token[], connectors: string[]): boolean {
  if (hasHead(left)) return true;
  // "Gulf of Guinea", "Isle of Man", but "the Atacama Region | of Chile".
  if (left.length === 1 && (PLACE_HEADS.has(left[0]!.key) || PLACE_LEADS.has(left[0]!.key)))
    return true;
  if (left.length !== 1 || connectors.includes('the')) return false;
  const only = left[0] as Token;
  const sense = senseOf(only.text);
  return !sense.givenName && !isTitle(only) && !sense.lastName;
}

/**
 * "and" joins two names ("Ghana and Togo", "Zenith Bank and Access Holdings") more often than it
 * sits inside one ("Securities and Exchange Commission"): it stays inside only when the words
 * before it have no head word of their own and the words after it do.
 */
function splitAtAnd(tokens: Token[]): Token[][] {
  const at = tokens.findIndex((t) => t.key === 'and');
  if (at < 0) return [tokens];
  const left = tokens.slice(0, at);
  const right = tokens.slice(at + 1);
  const lastOfLeft = left[left.length - 1];
  const leftIsName =
    (left.length >= 2 && lastOfLeft !== undefined && hasHead([lastOfLeft])) ||
    left.some((t) => {
      const s = senseOf(t.text);
      return s.place || s.givenName;
    });
  if (left.length > 0 && left.length <= 3 && !leftIsName && hasHead(right)) return [tokens];
  // "Ministry of Maritime Affairs and Insular Policy", "Bureau of Industry and Security": a head
  // word and "of" before, no head word after.
  const headThenOf = left.some(
    (t, n) => n + 1 < left.length && hasHead([t]) && ['of', 'for', 'on'].includes(left[n + 1]!.key),
  );
  if (headThenOf && right.length <= 2 && !hasHead(right)) return [tokens];
  return [left, ...splitAtAnd(right)].filter((part) => part.length > 0);
}

/**
 * Cuts titles off the front of a run ("Transport Minister Grace Oduya", "Dr. Leitner"); a title
 * further in leaves the words before it a name of their own ("FBI | Special Agent | Tanya Brooks").
 */
function stripTitles(run: Run, tokens: Token[], text: string): { run: Run | null; before?: Run } {
  let list = run.tokens;
  const before = tokens[(list[0] as Token).index - 1];
  // "Minister Oduya", "Dr. Leitner"; not "Programme Director, East Africa".
  let titled =
    before !== undefined &&
    isTitle(before) &&
    isCap(before) &&
    /^\.?[ \t\u00a0]+$/u.test(text.slice(before.end, (list[0] as Token).start));
  let lastTitle = -1;
  for (let k = 0; k < list.length - 1; k += 1) {
    const t = list[k] as Token;
    if (isTitle(t)) lastTitle = k;
    else if (!TITLE_QUALIFIERS.has(t.key) && !(t.key === 'of' && lastTitle >= 0)) break;
  }
  // A title further in ("FBI Special Agent Tanya Brooks") when the run names no organisation.
  let prefix: Token[] = [];
  if (lastTitle < 0 && !hasHead(list)) {
    for (let k = list.length - 2; k >= 1; k -= 1) {
      const t = list[k] as Token;
      if (isTitle(t) && !NAME_PARTICLES.has(t.key)) {
        lastTitle = k;
        let from = k;
        while (from > 0 && (TITLE_QUALIFIERS.has(list[from - 1]!.key) || isTitle(list[from - 1]!)))
          from -= 1;
        prefix = list.slice(0, from);
        break;
      }
    }
  }
  if (lastTitle >= 0) {
    // "General Data Protection Regulation", "General Counsel": a title-like word before a common
    // word is no title.
    const rest = list[lastTitle + 1] as Token;
    if (!PERSON_ROLES.has(rest.key) && !lexiconTagsOf(rest).includes('Actor')) {
      list = list.slice(lastTitle + 1);
      titled = true;
    }
  }
  const loose = (t: Token | undefined) =>
    t !== undefined && (NAME_CONNECTORS.has(t.key) || t.key === '&') && !isCap(t);
  while (list.length > 0 && loose(list[0])) list = list.slice(1);
  while (list.length > 0 && loose(list[list.length - 1])) list = list.slice(0, -1);
  const ahead = prefix.length > 0 && prefix.some(isCap) ? newRun(prefix) : undefined;
  if (list.length === 0) return ahead ? { run: null, before: ahead } : { run: null };
  const result = { ...newRun(list), titled };
  return ahead ? { run: result, before: ahead } : { run: result };
}

/** Words after a name that make it a place ("Beijing-based", "Norway-registered"). */
const HYPHEN_PLACE =
  /^-(?:based|registered|born|headquartered|listed|owned|flagged|made|born|born|area|bound)\b/u;

/** Appositive nouns that make an organisation a company. */
const COMPANY_ROLES = new Set(
  'company firm distributor integrator operator contractor supplier subsidiary startup start-up manufacturer maker dealer retailer brand conglomerate multinational giant insurer lender consultancy shipowner carrier forwarder builder developer utility chain publisher label studio'.split(
    ' ',
  ),
);
const PUBLIC_ROLES = new Set(
  'agency ministry regulator authority office bureau department commission court council body'.split(
    ' ',
  ),
);

/** Reads the sentence around a run for evidence of its type. */
class Evidence {
  person = 0;
  organization = 0;
  location = 0;
  orgType: EntityType = 'organization';
  notName = false;

  add(group: Group, weight: number, orgType?: EntityType): void {
    this[group] += weight;
    if (group === 'organization' && orgType && weight >= 1) this.orgType = orgType;
  }

  best(): { group: Group; score: number } | undefined {
    const list: [Group, number][] = [
      ['person', this.person],
      ['organization', this.organization],
      ['location', this.location],
    ];
    list.sort((a, b) => b[1] - a[1]);
    const [group, score] = list[0] as [Group, number];
    if (score <= 0) return undefined;
    return { group, score };
  }
}

function typeOfGroup(group: Group, orgType: EntityType): EntityType {
  return group === 'person' ? 'person' : group === 'location' ? 'location' : orgType;
}

function groupOfType(type: EntityType): Group | undefined {
  if (type === 'person') return 'person';
  if (type === 'location') return 'location';
  if (type === 'organization' || type === 'company' || type === 'public-body')
    return 'organization';
  return undefined;
}

/** A word of our own lists (head words, roles, titles): a common word when alone. */
function vocabulary(t: Token): boolean {
  const k = t.key;
  return (
    PUBLIC_BODY_HEADS.has(k) ||
    ORGANIZATION_HEADS.has(k) ||
    COMPANY_HEADS.has(k) ||
    PLACE_HEADS.has(k) ||
    PERSON_ROLES.has(k) ||
    ORGANIZATION_ROLES.has(k) ||
    TITLES.has(k) ||
    NOT_NAMES.has(k)
  );
}

/** The words of a text, as the name finder sees them, and what it learns from them. */
class TextReading {
  readonly tokens: Token[];
  /** Lower-case words of the text: a capitalised word also seen in lower case is a common word. */
  readonly lowerWords = new Set<string>();

  constructor(
    readonly text: string,
    tokens?: Token[],
  ) {
    this.tokens = tokens ?? tokenize(text);
    for (const t of this.tokens) if (t.shape === 'lower') this.lowerWords.add(t.key);
  }

  at(index: number): Token | undefined {
    return this.tokens[index];
  }

  gap(left: Token, right: Token): string {
    return this.text.slice(left.end, right.start);
  }

  /** Whether a word is common English here: the dictionaries say so, or the text writes it lower case. */
  common(t: Token): boolean {
    const sense = senseOf(t.text);
    if (sense.common || sense.demonym || vocabulary(t)) return true;
    return this.lowerWords.has(t.key) || looksCommon(t.text);
  }
}

/**
 * Finds names in texts; remembers what it learnt (full names, short forms, acronyms) so that the
 * next text read with it (the next message of a chat) benefits. One per source.
 */
export class NameFinder {
  private readonly memory = new Map<string, Remembered>();
  private readonly known = new Map<string, EntityType>();

  /**
   * @param knownNames the case's entities: their names type the same words when found.
   * @param participants people writing in a chat: their names are persons'.
   */
  constructor(knownNames: readonly KnownName[] = [], participants: readonly string[] = []) {
    for (const k of knownNames) {
      const key = keyOfName(k.name);
      if (key) {
        this.known.set(key, k.type);
        this.indexFirstWord(key);
      }
    }
    for (const name of participants) this.addParticipant(name);
  }

  /** A person writing in the chat: "Tom", "Amal Haddad" (not phone numbers). */
  addParticipant(name: string): void {
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(w));
    if (words.length === 0) return;
    this.remember(words.join(' '), 'person', 2.5);
    if (words.length > 1) {
      this.remember(words[0] as string, 'person', 2);
      this.remember(words[words.length - 1] as string, 'person', 2);
    }
  }

  private remember(
    name: string,
    type: EntityType,
    confidence: number,
    kind?: Remembered['kind'],
  ): void {
    const key = keyOfName(name);
    if (!key) return;
    const had = this.memory.get(key);
    const wins =
      !had ||
      (kind === 'surname' && had.kind === 'prefix') ||
      (!(kind === 'prefix' && had.kind === 'surname') && had.confidence < confidence);
    if (wins) {
      this.memory.set(key, kind ? { type, confidence, kind } : { type, confidence });
      this.indexFirstWord(key);
    }
  }

  /** First words of remembered names, and the most words a name starting with each has. */
  private readonly firstWords = new Map<string, number>();

  private indexFirstWord(key: string): void {
    const words = key.split(' ');
    const first = words[0] as string;
    this.firstWords.set(first, Math.max(this.firstWords.get(first) ?? 0, words.length));
  }

  private recall(key: string): Remembered | undefined {
    const known = this.known.get(key);
    if (known) return { type: known, confidence: 4 };
    return this.memory.get(key);
  }

  /**
   * Suggests persons, organisations and places named in `text`. Offsets are into `text`. Never
   * throws on odd input.
   */
  find(text: string): FoundName[] {
    if (!/\p{L}/u.test(text)) return [];
    const tokens = tokenize(text);
    // Most chat messages have no capitalised word after their first and no name the chat has
    // met: nothing more to read.
    if (
      !tokens.some(
        (t, n) =>
          (t.shape !== 'lower' &&
            t.shape !== 'number' &&
            t.shape !== 'symbol' &&
            (n > 0 || tokens.length === 1 || !NOT_NAMES.has(t.key))) ||
          (t.shape === 'lower' && this.firstWords.has(t.key)),
      )
    )
      return [];
    const reading = new TextReading(text, tokens);
    this.currentText = text;
    const runs: Run[] = [];
    this.learnCapsLines(reading);
    for (const found of findRuns(reading.tokens, text)) {
      const raw = this.dropNonEntities(found);
      if (!raw) continue;
      const stripped = stripTitles(raw, reading.tokens, text);
      if (stripped.before) {
        this.classify(stripped.before, reading);
        runs.push(stripped.before);
      }
      const run = stripped.run;
      if (!run) {
        // A title alone may still be someone's name ("Bishop left the county"), if the text
        // names them in full elsewhere; looked at again with the text's names below.
        if (raw.tokens.length === 1) runs.push({ ...raw, doubtful: true });
        continue;
      }
      this.extendWithSuffix(run, reading);
      this.trimSentenceStart(run, reading);
      if (run.tokens.length === 0) continue;
      this.classify(run, reading);
      runs.push(run);
    }
    // What the text says about its own names: full names, short forms and acronyms.
    for (const run of runs) if (run.type && !run.doubtful) this.learn(run, reading);
    const types = runs.map((run) => {
      const remembered = this.recall(keyOf(run.tokens));
      if (remembered && (!run.type || run.doubtful || remembered.confidence > run.confidence))
        return remembered.type;
      if (run.doubtful) return undefined;
      // Left undecided: a single unknown word starting a sentence, or a guess.
      if (
        (!run.type &&
          run.tokens.length === 1 &&
          (run.tokens[0] as Token).sentenceStart &&
          !reading.common(run.tokens[0] as Token)) ||
        run.guessed
      )
        return this.askCompromise(run, reading);
      return run.type;
    });
    // Names listed together are of one kind: "in West Bromwich, Oldbury and Tipton".
    for (let pass = 0; pass < 2; pass += 1) {
      runs.forEach((run, n) => {
        if ((types[n] && !run.guessed) || run.doubtful) return;
        for (const m of [n - 1, n + 1]) {
          const other = runs[m];
          const type = types[m];
          if (!other || !type || type === 'person' || other.guessed) continue;
          const [left, right] = m < n ? [other, run] : [run, other];
          if (
            /^(?:,[ \t]+|[ \t]+(?:and|or|&)[ \t]+|,[ \t]+(?:and|or)[ \t]+)$/u.test(
              text.slice(left.end, right.start),
            )
          ) {
            types[n] = type;
            return;
          }
        }
      });
    }
    const found: FoundName[] = [];
    const taken: [number, number][] = [];
    runs.forEach((run, n) => {
      const type = types[n];
      if (!type) return;
      found.push(this.result(run, type, text));
      taken.push([run.start, run.end]);
    });
    // Names the text writes in capitals (headlines) or in lower case (chats): only those the
    // text or the case names elsewhere, or that the dictionaries know as places.
    for (const extra of this.namesOutsideRuns(reading, taken)) found.push(extra);
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * Runs that are not names of entities: laws and prizes ("UK Bribery Act" keeps "UK" if it is a
   * place), a legal suffix or a word such as "OK" or "USD" alone.
   */
  private currentText = '';

  private textAfterRun(run: Run): string {
    return this.currentText.slice(run.end, run.end + 4);
  }

  private dropNonEntities(run: Run): Run | null {
    const first = run.tokens[0] as Token;
    const last = run.tokens[run.tokens.length - 1] as Token;
    if (run.tokens.length > 1 && NON_ENTITY_HEADS.has(last.key)) {
      const sense = senseOf(first.text);
      if ((sense.place && !sense.common) || PLACE_ACRONYMS.has(bare(first))) return newRun([first]);
      return null;
    }
    // "VX-400", "A320": product codes.
    if (/^-?\p{N}/u.test(this.textAfterRun(run))) return null;
    if (run.tokens.length === 1) {
      if (/\p{N}/u.test(first.text)) return null; // "Q3", "G7"
      if (NOT_ACRONYMS.has(bare(first)) && first.shape === 'caps') return null;
      if (isSuffix(first)) return null;
      if (
        first.shape === 'caps' &&
        /^(?:\p{Lu}\.){2,}$/u.test(first.text) &&
        !PLACE_ACRONYMS.has(bare(first))
      )
        return null; // initials: "I.V.R."
    }
    return run;
  }

  /**
   * Headlines in capitals name companies by their legal suffix ("ANDES COPPER HOLDINGS PLC"):
   * learnt first, so that "ANDES COPPER" in the text is known.
   */
  private learnCapsLines(reading: TextReading): void {
    const { tokens } = reading;
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i] as Token;
      if (!t.capsLine || t.shape !== 'caps' || !isSuffix(t)) continue;
      let k = i;
      while (k > 0) {
        const p = tokens[k - 1] as Token;
        if (
          p.line !== t.line ||
          p.shape !== 'caps' ||
          NOT_NAMES.has(p.key) ||
          !/^[ \t]+$/u.test(reading.gap(p, tokens[k] as Token))
        )
          break;
        k -= 1;
      }
      if (k < i) {
        const core = tokens.slice(k, i).filter((c) => !isSuffix(c));
        this.remember(
          tokens
            .slice(k, i + 1)
            .map((c) => c.text)
            .join(' '),
          'company',
          3,
        );
        for (let n = core.length; n >= 1; n -= 1)
          if (n > 1 || !senseOf(core[0]!.text).common)
            this.remember(
              core
                .slice(0, n)
                .map((c) => c.text)
                .join(' '),
              'company',
              2.5,
            );
      }
    }
  }

  private result(run: Run, type: EntityType, text: string): FoundName {
    // "Karolina W.": an initial keeps its full stop.
    const last = run.tokens[run.tokens.length - 1] as Token;
    if (
      type === 'person' &&
      run.tokens.length > 1 &&
      /^\p{Lu}$/u.test(last.text) &&
      text[run.end] === '.' &&
      run.end === last.end
    )
      run = { ...run, end: run.end + 1 };
    return {
      start: run.start,
      end: run.end,
      text: text.slice(run.start, run.end),
      type,
      origin: 'ner',
    };
  }

  /** "Medikon Trade d.o.o.", "Halvorsen Ltd.": a suffix after the capitals, with its stops. */
  private extendWithSuffix(run: Run, reading: TextReading): void {
    const last = run.tokens[run.tokens.length - 1] as Token;
    const tail = SUFFIX_TAIL.exec(reading.text.slice(run.end, run.end + 24));
    if (tail && run.tokens.some(isCap)) {
      run.end += tail[0].length;
      run.suffix = true;
      return;
    }
    if (run.tokens.length > 1 && isSuffix(last)) {
      run.suffix = true;
      // "Halvorsen Ltd.", "Zhiyuan Vision Technology Co., Ltd.": the stop belongs to the suffix.
      if (
        !last.text.endsWith('.') &&
        reading.text[run.end] === '.' &&
        (last.abbreviation ||
          /^(ltd|inc|corp|co|kft|zrt|nyrt|pte|pty|bhd|ltda|lda)$/.test(bare(last)))
      )
        run.end += 1;
    }
  }

  /**
   * A capitalised word starting a sentence is capitalised anyway: it is left out when it is a
   * common word ("Internal Slack messages", "Pharmaceutical giant …"), unless it begins a name
   * that the words after it continue ("Will Fisher").
   */
  private trimSentenceStart(run: Run, reading: TextReading): void {
    const first = run.tokens[0] as Token;
    if (!first.sentenceStart) return;
    const sense = senseOf(first.text);
    const known = this.recall(first.key) ?? this.recall(keyOf(run.tokens));
    if (run.tokens.length === 1) {
      if (
        !known &&
        (reading.common(first) || isTitle(first)) &&
        !sense.place &&
        !(sense.givenName && !sense.common)
      )
        run.doubtful = true;
      return;
    }
    // A dateline in capitals: "NEW YORK —".
    if (
      run.tokens.every((t) => t.shape === 'caps') &&
      /^(?:,[^—–\n]{0,30})?[ \t]+[—–][ \t]/u.test(reading.text.slice(run.end, run.end + 40))
    )
      return;
    if (
      known ||
      sense.givenName ||
      sense.familyFirst ||
      sense.place ||
      hasHead(run.tokens.slice(1, 2))
    )
      return;
    if (run.suffix || hasHead(run.tokens)) {
      // "Invoices Medikon Ltd." is rare; "Pinecrest Logistics Inc." is not: keep the run whole
      // unless its first word is a plain common word before a name.
      if (!(
        reading.common(first) &&
        senseOf(first.text).common &&
        (run.tokens.length > 2 || !run.suffix)
      ))
        return;
    }
    if (!reading.common(first)) return;
    run.tokens = run.tokens.slice(1);
    run.trimmed = true;
    // "Board of Directors": what follows a common word and "of" is no name of its own.
    if (run.tokens.length > 0 && !isCap(run.tokens[0] as Token)) run.tokens = [];
    if (run.tokens.length > 0) run.start = (run.tokens[0] as Token).start;
    // "General Counsel": a role word left alone is no name unless the text names it.
    if (
      run.tokens.length === 1 &&
      vocabulary(run.tokens[0] as Token) &&
      !this.recall((run.tokens[0] as Token).key)
    )
      run.doubtful = true;
  }

  /** Weighs the evidence for a run's type. */
  private classify(run: Run, reading: TextReading): void {
    const tokens = run.tokens;
    const first = tokens[0] as Token;
    const last = tokens[tokens.length - 1] as Token;
    const keys = tokens.map((t) => t.key);
    const evidence = new Evidence();
    const set = (type: EntityType, confidence: number) => {
      run.type = type;
      run.confidence = confidence;
    };
    const remembered = this.recall(keyOf(tokens));
    if (remembered && remembered.confidence >= 4) return set(remembered.type, 4);

    // The words themselves.
    if (run.suffix) return set('company', 3);
    const capsWords = keys.filter((_, n) => isCap(tokens[n] as Token));
    if (capsWords.some((w) => PUBLIC_BODY_HEADS.has(w))) {
      // "Bradford County Commission" is a body, "Santa Fe River" a place: the last head decides.
      return set('public-body', 3);
    }
    if (keys.includes('&') && tokens.length > 2) return set('company', 3);
    if (capsWords.some((w) => ORGANIZATION_HEADS.has(w))) return set('organization', 3);
    const givenFirst = senseOf(first.text).givenName;
    // "Brickell Avenue", "Santa Fe River"; but "Derek Lane" is a person.
    if (tokens.length > 1 && PLACE_HEADS.has(last.key) && isCap(tokens[tokens.length - 2] as Token))
      evidence.add('location', givenFirst && SURNAME_LIKE_PLACE_HEADS.has(last.key) ? 1 : 3);
    if (tokens.length > 1 && PLACE_LEADS.has(first.key)) evidence.add('location', 3);
    if (tokens.length > 1 && PLACE_PREFIXES.has(first.key)) evidence.add('location', 1.5);
    // "Stoke-on-Trent", "Aix-en-Provence".
    if (tokens.some((t, n) => n > 0 && t.shape === 'lower' && reading.text[t.start - 1] === '-'))
      evidence.add('location', 2);
    if (tokens.length > 1 && capsWords.some((w) => COMPANY_HEADS.has(w)))
      evidence.add('organization', 3, 'company');
    if (run.titled || (!run.trimmed && this.titledBefore(run, reading))) evidence.add('person', 3);
    if (tokens.length === 1 && HYPHEN_PLACE.test(reading.text.slice(run.end, run.end + 20)))
      evidence.add('location', 3);

    // Dictionaries.
    const senses = tokens.map((t) => senseOf(t.text));
    const firstSense = senses[0]!;
    const namey = tokens.filter(isCap);
    if (namey.length >= 2 && namey.length <= 5) {
      if (firstSense.givenName && !firstSense.place) evidence.add('person', 2);
      else if (firstSense.familyFirst) evidence.add('person', 2);
      else if (/^\p{Lu}$/u.test(first.text) && first.abbreviation) evidence.add('person', 2); // "J. van der Berg"
      if (senses.slice(1).some((s) => s.lastName)) evidence.add('person', 1);
      if (keys.some((k) => NAME_PARTICLES.has(k) && !['de', 'la', 'del', 'y', 'e'].includes(k)))
        evidence.add('person', 0.5);
      // "Karolina W.": a given name and an initial.
      if (namey.length === 2 && /^\p{Lu}$/u.test(last.text) && firstSense.givenName)
        evidence.add('person', 1);
    }
    if (tokens.every((t) => KNOWN_ORGANIZATIONS.has(t.key))) evidence.add('organization', 3);
    const wholeTags =
      tokens.length > 1 ? lexiconTags(tokens.map((t) => t.text.toLowerCase()).join(' ')) : [];
    if (wholeTags.some((t) => ['City', 'Country', 'Region', 'Place'].includes(t)))
      evidence.add('location', 2.5);
    if (tokens.length === 1) {
      if (firstSense.place) evidence.add('location', 1.5);
      if (firstSense.organization) evidence.add('organization', 2);
      if (firstSense.givenName && !firstSense.common) evidence.add('person', 1.5);
      if (firstSense.lastName && !firstSense.common) evidence.add('person', 1);
      if (firstSense.demonym) evidence.notName = true;
    } else if (
      senses.every((s) => s.place) ||
      (senses.slice(0, -1).every((s) => s.place) && PLACE_HEADS.has(last.key))
    ) {
      evidence.add('location', 2);
    }
    // "U.S.", "UK", "BVI"; other acronyms name organisations ("OFAC", "APML").
    // "OFAC", "GDDKiA", "KvK".
    const acronym =
      tokens.length === 1 &&
      /^[\p{Lu}&.][\p{L}&.]{1,7}$/u.test(first.text) &&
      /\p{Lu}.*\p{Lu}/u.test(first.text) &&
      (first.text.replace(/[^\p{Lu}]/gu, '').length * 2 >= first.text.length ||
        first.text.length <= 4);
    const dotted = first.text.includes('.');
    if (acronym) {
      const k = bare(first);
      if (PLACE_ACRONYMS.has(k) || firstSense.place) evidence.add('location', 2.5);
      else if (k === 'eu') evidence.add('organization', 2.5, 'public-body');
      else if (!NOT_ACRONYMS.has(k) && !dotted && k.length <= 6) evidence.add('organization', 2);
    }

    this.readContext(run, reading, evidence);

    if (remembered) {
      const group = groupOfType(remembered.type);
      if (group) evidence.add(group, remembered.confidence, remembered.type);
    }
    if (evidence.notName && evidence.person + evidence.organization + evidence.location < 2) {
      run.type = undefined;
      return;
    }
    // Capitalised words with no other evidence: two or three that look like names are most often
    // a person's ("Dale Summers"); one alone is left unsuggested unless the text names it again.
    if (!evidence.best()) {
      if (
        namey.length >= 2 &&
        namey.length <= 4 &&
        tokens.every(
          (t, n) => !senses[n]!.common || (isCap(t) && !reading.lowerWords.has(t.key)),
        ) &&
        !acronym
      ) {
        evidence.add('person', 1);
        run.guessed = true;
      }
    }
    const best = evidence.best();
    if (!best) return;
    set(typeOfGroup(best.group, evidence.orgType), Math.min(best.score, 3.5));
  }

  private titledBefore(run: Run, reading: TextReading): boolean {
    const before = reading.at((run.tokens[0] as Token).index - 1);
    if (!before || !isTitle(before) || !(isCap(before) || before.key === 'mr')) return false;
    return /^\.?[ \t\u00a0]+$/u.test(reading.gap(before, run.tokens[0] as Token));
  }

  /** Evidence from the words around a run. */
  private readContext(run: Run, reading: TextReading, evidence: Evidence): void {
    const { text } = reading;
    const first = run.tokens[0] as Token;
    const lastToken = run.tokens[run.tokens.length - 1] as Token;
    const before = reading.at(first.index - 1);
    const before2 = reading.at(first.index - 2);
    const after = reading.at(lastToken.index + 1);
    const after2 = reading.at(lastToken.index + 2);
    const textAfter = text.slice(run.end, run.end + 60);
    const gapBefore = before ? text.slice(before.end, first.start) : '';
    const sameLine = (t: Token | undefined) => t !== undefined && t.line === first.line;
    const single = run.tokens.length === 1;
    const hasHeads = hasHead(run.tokens);

    // A dateline: "LONDON —", "MONTERREY, Mexico —".
    const lineStart =
      first.index === 0 || (reading.at(first.index - 1) as Token).line !== first.line;
    if (
      lineStart &&
      run.tokens.every((t) => t.shape === 'caps') &&
      /^(?:,[^—–\n]{0,30})?[ \t]+[—–][ \t]/u.test(textAfter)
    )
      evidence.add('location', 3);
    // A name before an email address: "Khalid Al-Mansouri <k.almansouri@…>".
    if (/^[ \t]*<[^>\s]+@[^>\s]+>/u.test(textAfter)) {
      if (hasHeads) evidence.add('organization', 2);
      else evidence.add('person', 3);
    }
    // "Dear Khalid,", "Hi Tom", "thanks Priya".
    if (before && sameLine(before) && GREETINGS.has(before.key) && /^[ \t]+$/u.test(gapBefore))
      evidence.add('person', 2.5);
    // A line that holds only a name, after a sign-off ("Best regards,\nKhalid Al-Mansouri").
    const lineText = this.lineOf(text, first.start);
    if (lineText.trim().replace(/,$/, '') === text.slice(run.start, run.end)) {
      const previousLine = this.lineOf(
        text,
        Math.max(0, text.lastIndexOf('\n', first.start - 1) - 1),
      );
      if (
        /^(?:>\s*)?(?:best|kind|warm|many|with best)?\s*(?:regards|wishes|thanks|rgds|cheers|best|sincerely|yours)[,.!]?\s*$/iu.test(
          previousLine.trim(),
        )
      )
        evidence.add(hasHeads ? 'organization' : 'person', 2.5);
      else if (/,\s*$/u.test(lineText) && !hasHeads) evidence.add('person', 1.5); // "Ravi,"
    }

    // Appositive after: "Petrović, a former official," / "Medikon, a Belgrade distributor".
    const fronted =
      before !== undefined &&
      first.sentenceStart === false &&
      before.sentenceStart &&
      /^(?:in|at|from|for|after|before|since|during|on|by|with|to|like)$/u.test(before.key);
    const appositive = /^,[ \t]+([^,.;:()\n]{1,80})/u.exec(textAfter);
    if (appositive && !fronted) this.readAppositive(appositive[1] as string, hasHeads, evidence);
    // "Holloway, 52," — an age.
    if (/^,[ \t]+\d{2},/u.test(textAfter)) evidence.add('person', 3);
    // ", who" is said of people; ", which" of anything else.
    if (/^,?[ \t]+who\b/u.test(textAfter)) evidence.add('person', 1.5);
    if (/^,[ \t]+which\b/u.test(textAfter)) evidence.add('organization', 0.5);

    // A speech verb after: "Kostić said", "Medikon did not answer".
    if (after && sameLine(after)) {
      const gapAfter = text.slice(run.end, after.start);
      if (/^[ \t]+$/u.test(gapAfter) && SPEECH_VERBS.has(after.key))
        evidence.add(hasHeads ? 'organization' : 'person', single ? 1 : 1.5);
      if (
        /^[ \t]+$/u.test(gapAfter) &&
        (after.key === 'has' ||
          after.key === 'had' ||
          after.key === 'did' ||
          after.key === 'was') &&
        after2 &&
        SPEECH_VERBS.has(after2.key)
      )
        evidence.add(hasHeads ? 'organization' : 'person', 0.5);
    }
    // Possessive with what only organisations have: "Medikon's parent company", "Zhiyuan's shares".
    if (
      lastToken.possessive &&
      after &&
      /^(?:shares|website|headquarters|subsidiary|subsidiaries|parent|employees|customers|clients|products|board|accounts|founder|ceo|registered|shareholders|directors|auditors|turnover|revenue|profits)$/u.test(
        after.key,
      )
    )
      evidence.add('organization', 1.5);
    if (
      lastToken.possessive &&
      after &&
      /^(?:wife|husband|son|daughter|brother|sister|father|mother|nephew|niece|cousin|lawyer|lawyers|family|home|cars|car|career|campaign|opponents|driver|assistant)$/u.test(
        after.key,
      )
    )
      evidence.add('person', 1.5);

    if (!before || !sameLine(before) || first.sentenceStart) return;
    const b = before.key;
    // "according to X", "told X", "said X" (after a quotation).
    if ((b === 'to' && before2?.key === 'according') || b === 'told')
      evidence.add(hasHeads ? 'organization' : 'person', 1);
    if (
      (b === 'said' || b === 'says') &&
      /^[ \t]+$/u.test(gapBefore) &&
      before2 &&
      /[”"'’,]\s*$/u.test(text.slice(before2.end, before.start))
    )
      evidence.add('person', 2);
    // "the Treasury", "the Nowa Pomorska list": people are rarely "the" anything.
    if (b === 'the' && /^[ \t]+$/u.test(gapBefore)) {
      const next = after && after.line === lastToken.line ? after : undefined;
      const modifier =
        next !== undefined &&
        next.shape === 'lower' &&
        /^[ \t]+$/u.test(text.slice(run.end, next.start)) &&
        !SPEECH_VERBS.has(next.key) &&
        !/^(?:is|was|has|had|have|are|were|will|would|could|can|did|does|and|or|in|on|of|to|for|at|with|by|from|as|that|which|who|also)$/u.test(
          next.key,
        );
      const plainWord = single && reading.common(first);
      if (!modifier && !plainWord) evidence.add('organization', 1);
      else if (modifier && !single) evidence.add('organization', 0.5);
    }
    // "the businessman Tunde Bakare", "its founder, Jelena Marković-Hadžić", "a spokesman for the
    // agency, Nenad Kostić": a role noun shortly before, with nothing capitalised between.
    for (let k = first.index - 1, n = 0; k >= 0 && n < 6; k -= 1, n += 1) {
      const t = reading.at(k) as Token;
      if (t.line !== first.line || isCap(t) || (reading.at(k + 1) as Token).sentenceStart) break;
      if (
        PERSON_ROLES.has(t.key) &&
        /^,?[ \t]+$/u.test(text.slice(t.end, (reading.at(k + 1) as Token).start))
      ) {
        // Right before ("the businessman Tunde Bakare"), or further back with a comma before the
        // name ("a spokesman for the agency, Nenad Kostić"); not "the chief of a Texas company".
        const adjacent = k === first.index - 1;
        if (!hasHeads && (adjacent || /,[ \t]+$/u.test(gapBefore)))
          evidence.add('person', adjacent ? 2 : 1.5);
        break;
      }
      if (
        k === first.index - 1 &&
        ORGANIZATION_ROLES.has(t.key) &&
        !['office', 'agency'].includes(t.key)
      ) {
        evidence.add(
          'organization',
          2,
          COMPANY_ROLES.has(t.key)
            ? 'company'
            : PUBLIC_ROLES.has(t.key)
              ? 'public-body'
              : 'organization',
        );
        break;
      }
      if (/[.;:!?]/u.test(text.slice(t.end, (reading.at(k + 1) as Token).start))) break;
    }
    // Prepositions: "in Zemun" is a place; "at Harrow Pierce" after a person, a company.
    if (
      [
        'in',
        'near',
        'across',
        'outside',
        'inside',
        'to',
        'into',
        'from',
        'at',
        'via',
        'towards',
        'toward',
      ].includes(b)
    ) {
      const s = senseOf(first.text);
      const personLike = s.givenName || s.familyFirst;
      if (!personLike) {
        if (
          [
            'in',
            'near',
            'across',
            'outside',
            'inside',
            'into',
            'via',
            'towards',
            'toward',
          ].includes(b)
        )
          evidence.add('location', 1);
        else if (b === 'at' || b === 'from') {
          // "a partner at Fieldfisher", "working at Zalando", but "lands at Amman"
          const plural =
            before2 && /s$/u.test(before2.key) && PERSON_ROLES.has(before2.key.slice(0, -1));
          const role =
            before2 &&
            (PERSON_ROLES.has(before2.key) ||
              ['works', 'worked', 'working', 'job'].includes(before2.key) ||
              (plural && !single));
          if (role || (before2 && isCap(before2))) evidence.add('organization', 1);
          else evidence.add('location', 0.75);
        } else evidence.add('location', 0.5);
      }
    }
    if (
      ['for', 'joined', 'left', 'with'].includes(b) &&
      before2 &&
      [
        'works',
        'worked',
        'working',
        'spokesman',
        'spokeswoman',
        'spokesperson',
        'lawyer',
        'lawyers',
      ].includes(before2.key)
    )
      evidence.add('organization', 1.5);
    if (b === 'of' && before2 && PLACE_NOUNS.has(before2.key)) evidence.add('location', 2);
    if (
      [
        'visited',
        'visiting',
        'visit',
        'arrived',
        'flew',
        'travelled',
        'traveled',
        'moved',
      ].includes(b)
    )
      evidence.add('location', 0.75);
    if (
      b === 'of' &&
      before2 &&
      [
        'president',
        'director',
        'chairman',
        'owner',
        'founder',
        'executive',
        'ceo',
        'head',
        'shareholder',
        'member',
        'members',
        'employee',
        'employees',
        'partner',
        'subsidiary',
        'board',
        'shares',
        'spokesman',
        'spokeswoman',
      ].includes(before2.key)
    )
      evidence.add('organization', 1.5);
  }

  /**
   * An appositive after a name says what it is: "a former official", "the company's lawyer",
   * "a Belgrade distributor", "spokesman for the agency". It starts with a determiner or the role
   * itself; the first role noun decides, before any verb, relative pronoun or other name.
   */
  private readAppositive(phrase: string, hasHeads: boolean, evidence: Evidence): void {
    const words = phrase.split(/[ \t]+/u).slice(0, 7);
    const opener = plain(words[0] ?? '');
    const determiners =
      /^(?:a|an|the|its|his|her|their|our|one|then|now|former|formerly|another|both|also|until|currently)$/u;
    if (!determiners.test(opener) && !PERSON_ROLES.has(opener) && !ORGANIZATION_ROLES.has(opener))
      return;
    for (const raw of words) {
      if (/['’]s$/u.test(raw)) continue; // "the council's chief executive": the council is not it
      const word = plain(raw);
      if (
        /^(?:who|whose|which|that|where|when|said|says|is|was|has|had|and|but|declined|did|does|will|would|according|told|in|at|with|from|to)$/u.test(
          word,
        )
      )
        return;
      if (/^\p{Lu}/u.test(raw) && !raw.includes('-')) {
        const sense = senseOf(raw);
        if (!sense.place && !sense.demonym) return; // another name: "In Singapore, the Personal…"
        continue;
      }
      if (PERSON_ROLES.has(word)) {
        if (!hasHeads) evidence.add('person', 2.5);
        return;
      }
      if (ORGANIZATION_ROLES.has(word)) {
        evidence.add(
          'organization',
          2.5,
          COMPANY_ROLES.has(word)
            ? 'company'
            : PUBLIC_ROLES.has(word)
              ? 'public-body'
              : 'organization',
        );
        return;
      }
    }
  }

  private lineOf(text: string, at: number): string {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    return text.slice(start, end < 0 ? text.length : end);
  }

  /**
   * What compromise's tagger, run on this one sentence, says of a run that nothing else decided:
   * a word no dictionary knows at the start of a sentence ("Medikon did not answer"), or
   * capitalised words typed only by the last resort. compromise reads the sentence's grammar
   * (a subject before a verb, a name after "by") where our evidence has nothing to say.
   */
  private askCompromise(run: Run, reading: TextReading): EntityType | undefined {
    const first = run.tokens[0] as Token;
    const last = run.tokens[run.tokens.length - 1] as Token;
    const tags = sentenceTags(reading.text, first.start, first.end);
    const lastTags =
      run.tokens.length > 1 ? sentenceTags(reading.text, last.start, last.end) : tags;
    if (!tags || !lastTags) return run.type;
    const has = (tag: string) => tags.has(tag) || lastTags.has(tag);
    if (has('Person') || has('FirstName') || has('LastName')) return 'person';
    if (has('Organization')) return run.type && run.type !== 'person' ? run.type : 'organization';
    if (has('Place') && !run.guessed) return 'location';
    if (run.guessed) return run.type;
    return undefined;
  }

  /** Remembers a typed run's name and its short forms. */
  private learn(run: Run, reading: TextReading): void {
    if (!run.type || run.confidence < 1) return;
    const tokens = run.tokens;
    const words = tokens.map((t) => t.text);
    // One word on the strength of a dictionary or a preposition says less than a full name does.
    const acronymLike = tokens.length === 1 && /\p{Lu}.*\p{Lu}/u.test(words[0] as string);
    this.remember(
      words.join(' '),
      run.type,
      tokens.length > 1 || acronymLike || run.confidence >= 3
        ? run.confidence
        : run.confidence - 0.75,
      acronymLike ? 'acronym' : undefined,
    );
    // An acronym in brackets or after "known as" stands for the name before it.
    const knownAs = /^,? (?:known as|called|hereafter) ["“]?(\p{Lu}[\p{L}\p{M}&-]+)/u.exec(
      reading.text.slice(run.end, run.end + 40),
    );
    if (knownAs) this.remember(knownAs[1] as string, run.type, run.confidence);
    const acronym = /^(?:,? \(["“]?|,? (?:known as|or|hereafter) ["“]?)([\p{Lu}&]{2,8})\b/u.exec(
      reading.text.slice(run.end, run.end + 32),
    );
    if (acronym && run.type !== 'person' && run.type !== 'location')
      this.remember(acronym[1] as string, run.type, run.confidence);
    // ("MSR"), ("Cominorte"): a defined short name in quotes and brackets.
    const defined = /^ \(["“]([\p{Lu}][\p{L}&-]+)["”]\)/u.exec(
      reading.text.slice(run.end, run.end + 40),
    );
    if (defined) this.remember(defined[1] as string, run.type, run.confidence);
    if (tokens.length < 2) return;
    if (run.type === 'person') {
      const names = tokens.filter(isCap);
      const lastWord = names[names.length - 1];
      const firstWord = names[0];
      if (lastWord && !/^\p{Lu}$/u.test(lastWord.text))
        this.remember(lastWord.text, 'person', run.confidence - 0.5, 'surname');
      if (firstWord && !/^\p{Lu}$/u.test(firstWord.text))
        this.remember(
          firstWord.text,
          'person',
          run.confidence - (senseOf(firstWord.text).familyFirst ? 0.5 : 0.6),
        );
      // "van der Berg", "Le Brocq", "bin Nasser Al-Qasimi", "Garza Treviño".
      for (let k = 1; k < tokens.length - 1; k += 1) {
        const t = tokens[k] as Token;
        if (NAME_PARTICLES.has(t.key) || (k === tokens.length - 2 && isCap(t) && names.length >= 3))
          this.remember(words.slice(k).join(' '), 'person', run.confidence - 0.5);
      }
      // A hyphenated family name: "Marković-Hadžić" → "Marković" too.
      if (lastWord && reading.text.slice(lastWord.start - 1, lastWord.start) === '-') {
        const before = tokens[tokens.indexOf(lastWord) - 1];
        if (before) this.remember(before.text, 'person', run.confidence - 1);
      }
    } else if (run.type === 'company' || run.type === 'organization') {
      const core =
        run.suffix && isSuffix(tokens[tokens.length - 1] as Token) ? tokens.slice(0, -1) : tokens;
      // "Clearwater" of "Clearwater Relief" names the charity; "Singapore" of "Singapore
      // Airlines" still names the country.
      const firstIsPlace = senseOf((tokens[0] as Token).text).majorPlace;
      for (let n = core.length - 1; n >= 1; n -= 1) {
        const part = core.slice(0, n);
        const lastOfPart = part[part.length - 1] as Token;
        if (!isCap(lastOfPart)) continue;
        if (n === 1 && firstIsPlace) continue;
        if (
          n === 1 &&
          (ORGANIZATION_HEADS.has(part[0]!.key) ||
            PUBLIC_BODY_HEADS.has(part[0]!.key) ||
            COMPANY_HEADS.has(part[0]!.key) ||
            (senseOf(part[0]!.text).common && !run.suffix))
        )
          continue;
        this.remember(part.map((t) => t.text).join(' '), run.type, run.confidence - 0.5, 'prefix');
      }
      if (run.suffix && core.length >= 1)
        this.remember(core.map((t) => t.text).join(' '), run.type, run.confidence - 0.25);
    }
  }

  /**
   * Names outside capitalised runs: in headlines written in capitals ("HOW GULFSTAR MOVED THE
   * OIL") and in lower case in chats ("ask karim"). Only names the text, the chat or the case
   * names elsewhere count, and places the dictionaries know (in headlines).
   */
  private *namesOutsideRuns(reading: TextReading, taken: [number, number][]): Generator<FoundName> {
    const { tokens, text } = reading;
    const isTaken = (t: Token) => taken.some(([s, e]) => t.start < e && t.end > s);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i] as Token;
      const candidate = (t.capsLine && t.shape === 'caps') || t.shape === 'lower';
      if (!candidate || isTaken(t) || (NOT_NAMES.has(t.key) && t.shape !== 'lower')) {
        i += 1;
        continue;
      }
      // Longest name the memory knows, up to five words.
      let matched = 0;
      let type: EntityType | undefined;
      const longest = this.firstWords.get(t.key.replace(/\./g, '')) ?? 0;
      for (let n = Math.min(5, longest, tokens.length - i); n >= 1; n -= 1) {
        const part = tokens.slice(i, i + n);
        if (part.some((p) => p.shape !== t.shape || p.line !== t.line || isTaken(p))) continue;
        if (
          n > 1 &&
          part.some((p, k) => k > 0 && !/^[ \t-]+$/u.test(reading.gap(part[k - 1] as Token, p)))
        )
          continue;
        const remembered = this.recall(keyOf(part));
        if (!remembered || remembered.confidence < 1.5) continue;
        if (t.shape === 'lower') {
          // In lower case a name must not be a common word ("will", "hope", "office"): one word
          // alone only a person's name or an acronym ("karim", "krs"), not a word of our lists.
          if (
            part.some(
              (p) => vocabulary(p) || (senseOf(p.text).common && !senseOf(p.text).givenName),
            )
          )
            continue;
          if (n === 1 && (t.key.length < 3 || senseOf(t.text).common || looksCommon(t.text)))
            continue;
          // An organisation's one-word name only when no dictionary knows the word ("veltro").
          if (
            n === 1 &&
            remembered.type !== 'person' &&
            remembered.kind !== 'acronym' &&
            (lexiconTags(t.key).length > 0 || remembered.confidence < 2)
          )
            continue;
          if (n > 1 && remembered.confidence < 2) continue;
        }
        matched = n;
        type = remembered.type;
        break;
      }
      if (!matched && t.capsLine && t.shape === 'caps') {
        // A place the dictionaries know, or a dateline ("NOVI SAD —", "LAGOS —").
        const sense = senseOf(t.text);
        const firstOnLine = i === 0 || (tokens[i - 1] as Token).line !== t.line;
        const dateline =
          firstOnLine && /^(?:[ \t]+\p{Lu}+)*[ \t]*[—–-][ \t]/u.test(text.slice(t.end, t.end + 30));
        if (sense.place && !sense.common) {
          matched = 1;
          type = 'location';
        } else if (dateline) {
          let n = 1;
          while (
            tokens[i + n] &&
            (tokens[i + n] as Token).shape === 'caps' &&
            (tokens[i + n] as Token).line === t.line &&
            /^[ \t]+$/u.test(reading.gap(tokens[i + n - 1] as Token, tokens[i + n] as Token))
          )
            n += 1;
          matched = n;
          // A heading in capitals before a dash names its sender as often as a place: "PORT
          // AUTHORITY — INTERNAL MEMO" is a public body, by its head word.
          const head = (tokens[i + n - 1] as Token).key;
          type = PUBLIC_BODY_HEADS.has(head)
            ? 'public-body'
            : ORGANIZATION_HEADS.has(head)
              ? 'organization'
              : COMPANY_HEADS.has(head)
                ? 'company'
                : 'location';
        } else {
          // "ANDES COPPER HOLDINGS PLC": capitals up to a legal suffix.
          let n = 1;
          while (
            tokens[i + n] &&
            (tokens[i + n] as Token).shape === 'caps' &&
            (tokens[i + n] as Token).line === t.line &&
            !isSuffix(tokens[i + n - 1] as Token)
          )
            n += 1;
          const endToken = tokens[i + n - 1] as Token;
          if (n >= 2 && isSuffix(endToken) && !NOT_NAMES.has(t.key)) {
            matched = n;
            type = 'company';
          }
        }
      }
      if (matched && type) {
        const last = tokens[i + matched - 1] as Token;
        let end = last.end;
        if (isSuffix(last) && text[end] === '.' && last.abbreviation) end += 1;
        yield { start: t.start, end, text: text.slice(t.start, end), type, origin: 'ner' };
        i += matched;
      } else i += 1;
    }
  }
}

/**
 * Suggests persons, organisations and places named in `text`. Offsets are into `text`.
 * Never throws on odd input: text that reads as no names yields none.
 */
export function findNamedEntities(
  text: string,
  knownNames: readonly KnownName[] = [],
): FoundName[] {
  return new NameFinder(knownNames).find(text);
}
