import nlp from 'compromise';
import type { EntityType } from '../../schemas/records';
import { foldTerm } from '../textFold';
import type { FoundName } from './types';

/**
 * Named-entity recognition for persons, organisations and places, for suggestions.
 *
 * compromise tags the words (proper noun, first name, honorific, place, organisation…) but on its
 * own it misses many names. So the names here are runs of capitalised words, cut and typed with
 * rules that follow how news reporting names things:
 * - titles before a name are left out and make it a person ("Finance Minister Grace Oduya");
 * - a possessive 's is left out ("Kanter's" → "Kanter");
 * - a capitalised word before a hyphen is a name of its own ("Beijing-based" → "Beijing");
 * - company suffixes ("Ltd.", "Inc.", "LLP", "AS") make a company and stay in the name with their
 *   full stop; head words ("Ministry", "Commission", "Authority") make a government body and
 *   others ("Bank", "Centre", "International") an organisation, with "of", "and", "for", "on"
 *   and "&" allowed inside ("Ministry of Transport", "Whitcombe & Ferris LLP");
 * - a short form stands for a name seen in full in the same text ("Kanter" after "Elizabeth
 *   Kanter", "Halvorsen" after "Halvorsen Maritime Ltd."), and an acronym in brackets after a
 *   name stands for it ("… Commission (SEC)");
 * - the case's known entities give their types to the names they carry.
 */

/** A name the case already knows, with its type, to type the same words when found again. */
export interface KnownName {
  name: string;
  type: EntityType;
}

interface Token {
  start: number;
  end: number;
  text: string;
  tags: Set<string>;
  /** Punctuation and spaces after the word, as compromise reports them. */
  post: string;
  pre: string;
  sentenceStart: boolean;
  possessive: boolean;
}

const PERSON_TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister ' +
    'senator sen rep representative governor gov mayor judge justice general gen colonel col ' +
    'captain capt lieutenant sergeant officer chancellor secretary ambassador commissioner ' +
    'chairman chairwoman chair ceo cfo coo director king queen prince princess sheikh emir ' +
    'pope bishop rabbi imam father sister brother mp mep deputy inspector detective superintendent ' +
    'chief executive founder spokesman spokeswoman spokesperson attorney agent'
  ).split(' '),
);

/** Words that, first in a run and followed by a title, are part of the title ("Finance Minister"). */
const TITLE_QUALIFIERS = new Set(
  (
    'finance foreign interior defence defense transport health justice trade energy education ' +
    'home labour labor environment agriculture state former acting deputy vice chief prime ' +
    'attorney federal interim'
  ).split(' '),
);

const COMPANY_SUFFIXES = new Set(
  (
    'ltd ltd. limited inc inc. incorporated llc llp lp plc corp corp. corporation co co. ' +
    'gmbh ag sa s.a. sas sarl nv bv pty pte spa s.p.a. oy oyj ab as asa aps kk srl sl se kg ' +
    'holdings zrt nyrt kft bt sro s.r.o. a.s. doo d.o.o. ooo zao oao pjsc jsc ojsc bhd sdn ' +
    'tbk pvt ltda lda sp'
  ).split(' '),
);
/** Suffixes abbreviated with a full stop, which then belongs to the name ("Ltd."). */
const DOTTED_SUFFIXES = new Set([
  'ltd',
  'inc',
  'corp',
  'co',
  'bros',
  'pty',
  'zrt',
  'kft',
  'nyrt',
  'bt',
  'bhd',
  'ltda',
  'lda',
]);

/** Suffixes written in capitals only, because in lower case they are common words. */
const CAPITAL_ONLY_SUFFIXES = new Set([
  'AS',
  'AB',
  'SA',
  'AG',
  'NV',
  'BV',
  'OY',
  'SL',
  'SE',
  'KG',
  'BT',
  'SP',
]);

const PUBLIC_BODY_WORDS = new Set(
  (
    'ministry department agency bureau commission authority office council police court ' +
    'parliament senate congress assembly presidency registrar directorate inspectorate ' +
    'administration customs army navy treasury government cabinet tribunal prosecutor ' +
    'prosecutors judiciary municipality ombudsman regulator gendarmerie coastguard'
  ).split(' '),
);

const ORGANIZATION_WORDS = new Set(
  (
    'university institute foundation association union party alliance committee federation ' +
    'organisation organization society trust fund centre center club league network international ' +
    'media news times post press herald journal broadcasting television radio church mosque ' +
    'school college hospital movement front coalition consortium institution nations project ' +
    'programme program initiative watch monitor observatory council'
  ).split(' '),
);

/** Words that make a name a company's ("Arcadia Ventures", "Goldman Sachs" aside). */
const COMPANY_WORDS = new Set(
  (
    'bank group company partners capital shipping logistics airlines airways motors energy ' +
    'ventures trading holdings investments industries technologies systems solutions enterprises ' +
    'consulting consultants labs pharma pharmaceuticals resources mining petroleum oil gas digital ' +
    'securities insurance properties realty construction telecom telecoms exchange maritime ' +
    'infrastructure engineering manufacturing foods brewery airline bau grupo groupe gruppo ' +
    'banco banque banca société societe gesellschaft companhia compañía'
  ).split(' '),
);

/** Well-known news organisations, often named alone ("told Reuters"). */
const KNOWN_ORGANIZATIONS = new Set(
  (
    'reuters bloomberg afp ap bbc cnn nato interpol unodc unicef unesco who imf opec oecd icij ' +
    'occrp nasdaq nyse'
  ).split(' '),
);

const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'on',
  '&',
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'ibn',
  'da',
  'di',
  'del',
  'dos',
  'the',
]);
const PERSON_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'ibn',
  'da',
  'di',
  'del',
  'dos',
  'la',
  'le',
  'du',
]);

/** Capitalised words that are not names, whatever compromise thinks of them. */
const NOT_NAMES = new Set(
  (
    'i the a an this that these those it its he she they we you his her their our my your ' +
    'mr mrs ms dr but and or if when while after before as at in on of for from by with ' +
    'asked additional editing reporting according however meanwhile yesterday today tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december spring summer autumn winter ' +
    'investigators opposition records emails documents officials'
  ).split(' '),
);

const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'across',
  'outside',
  'inside',
]);

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) || /^[\p{Lu}\d][\p{Lu}\d&.-]+$/u.test(word);
}

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  const doc = nlp(text);
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as {
    terms: {
      text: string;
      tags: string[];
      pre: string;
      post: string;
      offset: { start: number; length: number };
    }[];
  }[];
  for (const sentence of sentences) {
    sentence.terms.forEach((term, index) => {
      if (!term.offset || term.offset.length === 0) return;
      let start = term.offset.start;
      let end = start + term.offset.length;
      let raw = text.slice(start, end);
      // compromise keeps quotes and brackets out of the term; be sure of it.
      while (raw && /^[“"'‘([]/u.test(raw)) {
        start += 1;
        raw = raw.slice(1);
      }
      let possessive = false;
      const poss = /['’]s?$/u.exec(raw);
      if (poss && raw.length > poss[0].length) {
        end -= poss[0].length;
        raw = raw.slice(0, -poss[0].length);
        possessive = true;
      }
      if (!raw) return;
      tokens.push({
        start: start + offset,
        end: end + offset,
        text: raw,
        tags: new Set(term.tags),
        post: term.post,
        pre: term.pre,
        sentenceStart: index === 0 || (/^[“"'‘]/u.test(term.pre) && index === 0),
        possessive,
      });
    });
  }
  return tokens;
}

interface Run {
  tokens: Token[];
  start: number;
  end: number;
  /** A title stood right before the name. */
  titled: boolean;
  type?: EntityType | undefined;
  /** How sure the type is: 2 from a rule, 1 from a guess. */
  confidence: number;
}

const lower = (t: Token) => t.text.toLowerCase();

function isNameWord(token: Token): boolean {
  if (!isCapitalised(token.text)) return false;
  const l = lower(token);
  if (NOT_NAMES.has(l) && !token.tags.has('Person')) return false;
  const acronym = /^[\p{Lu}&]{2,8}$/u.test(token.text);
  if (!acronym && (token.tags.has('Date') || token.tags.has('Month') || token.tags.has('WeekDay')))
    return false;
  if (token.tags.has('Pronoun')) return false;
  if (/^\d/.test(token.text)) return false;
  if (token.sentenceStart) {
    // A sentence's first word is capitalised anyway: it is a name only if it looks like one.
    const proper =
      token.tags.has('ProperNoun') ||
      token.tags.has('Person') ||
      token.tags.has('Place') ||
      token.tags.has('Organization') ||
      token.tags.has('Acronym') ||
      token.possessive ||
      (!/\p{Ll}/u.test(token.text.slice(1)) === false && !hasCommonTag(token));
    return proper;
  }
  return true;
}

function hasCommonTag(token: Token): boolean {
  for (const tag of [
    'Determiner',
    'Preposition',
    'Conjunction',
    'Pronoun',
    'Adverb',
    'Verb',
    'Adjective',
    'Expression',
    'QuestionWord',
    'Actor',
  ]) {
    if (token.tags.has(tag)) return true;
  }
  return false;
}

function isTitle(token: Token): boolean {
  return PERSON_TITLES.has(lower(token).replace(/\.$/, '')) || token.tags.has('Honorific');
}

function companySuffix(token: Token): boolean {
  const l = lower(token);
  if (CAPITAL_ONLY_SUFFIXES.has(token.text)) return true;
  if (CAPITAL_ONLY_SUFFIXES.has(token.text.toUpperCase())) return false;
  return COMPANY_SUFFIXES.has(l) || COMPANY_SUFFIXES.has(`${l}.`);
}

function startsRun(token: Token): boolean {
  return isNameWord(token);
}

function continuesRun(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    !NOT_NAMES.has(lower(token)) &&
    (/^[\p{Lu}&]{2,8}$/u.test(token.text) || !token.tags.has('Date')) &&
    !token.tags.has('Month') &&
    !token.tags.has('WeekDay')
  );
}

/** Whether a token and the next one belong together: only spaces between, or "Mr." before it. */
function linked(token: Token, text: string, next: Token): boolean {
  if (token.possessive) return false;
  const gap = text.slice(token.end, next.start);
  // "Kovács-Bíró", "Anti-Fraud", "K-Monitor": capitalised parts of one hyphenated name.
  if (gap === '-' && /^\p{Lu}/u.test(next.text)) return true;
  if (/^[ \t\u00a0]+$/u.test(gap)) return true;
  return /^\.[ \t\u00a0]+$/u.test(gap) && isTitle(token);
}

/** Finds the runs of capitalised words that may be names. */
function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!startsRun(first)) {
      i += 1;
      continue;
    }
    const run: Token[] = [first];
    let j = i;
    while (j + 1 < tokens.length) {
      const current = tokens[j] as Token;
      const next = tokens[j + 1] as Token;
      // "People's Progressive Alliance": a possessive inside the name of an organisation.
      const possessiveInside =
        current.possessive &&
        run.length === 1 &&
        text.slice(current.end, current.end + 3).startsWith("'s ") &&
        continuesRun(next) &&
        tokens
          .slice(j + 1, j + 5)
          .some((t) => ORGANIZATION_WORDS.has(lower(t)) || PUBLIC_BODY_WORDS.has(lower(t)));
      if (!linked(current, text, next) && !possessiveInside) break;
      if (continuesRun(next) || CAPITAL_ONLY_SUFFIXES.has(next.text)) {
        run.push(next);
        j += 1;
        continue;
      }
      // Connectors inside a name: "Ministry of Transport", "Office of the Attorney General",
      // "Whitcombe & Ferris".
      let k = j + 1;
      const connectors: Token[] = [];
      while (
        k < tokens.length &&
        connectors.length < 2 &&
        CONNECTORS.has(lower(tokens[k] as Token))
      ) {
        const c = tokens[k] as Token;
        const following = tokens[k + 1];
        if (!following || !linked(c, text, following)) break;
        if (/^\p{Lu}/u.test(c.text) && c.text !== '&') break;
        connectors.push(c);
        k += 1;
      }
      const after = tokens[k];
      const prepositional = connectors.some((c) => ['of', 'for', 'on'].includes(lower(c)));
      if (
        connectors.length > 0 &&
        after &&
        continuesRun(after) &&
        (!prepositional || mayJoinWithPreposition(run))
      ) {
        run.push(...connectors, after);
        j = k;
        continue;
      }
      break;
    }
    for (const part of splitAtAnd(run)) {
      runs.push({
        tokens: part,
        start: (part[0] as Token).start,
        end: (part[part.length - 1] as Token).end,
        titled: false,
        confidence: 0,
      });
    }
    i = j + 1;
  }
  return runs;
}

function hasHead(tokens: Token[]): boolean {
  return tokens.some(
    (t) =>
      ORGANIZATION_WORDS.has(lower(t)) ||
      PUBLIC_BODY_WORDS.has(lower(t)) ||
      COMPANY_WORDS.has(lower(t)) ||
      companySuffix(t),
  );
}

/**
 * Whether "of", "for" or "on" may join the words before it to a name after it: after a head word
 * ("Ministry of Transport", "Bank of England") or a single place-like word ("Gulf of Guinea"),
 * but not after a person's name ("Rachel Tan of Drew & Napier").
 */
function mayJoinWithPreposition(left: Token[]): boolean {
  if (hasHead(left)) return true;
  if (left.length !== 1) return false;
  const only = left[0] as Token;
  return !only.tags.has('Person') && !only.tags.has('FirstName') && !isTitle(only);
}

/**
 * "and" joins two names ("Ghana and Togo", "Zenith Bank and Access Holdings") more often than it
 * sits inside one ("Securities and Exchange Commission"): it stays inside only when the words
 * before it have no head word of their own and the words after it do.
 */
function splitAtAnd(tokens: Token[]): Token[][] {
  const at = tokens.findIndex((t) => lower(t) === 'and');
  if (at < 0) return [tokens];
  const left = tokens.slice(0, at);
  const right = tokens.slice(at + 1);
  const lastOfLeft = left[left.length - 1];
  const leftIsName =
    (left.length >= 2 && lastOfLeft !== undefined && hasHead([lastOfLeft])) ||
    left.some((t) => t.tags.has('Place') || t.tags.has('Person'));
  if (left.length > 0 && left.length <= 2 && !leftIsName && hasHead(right)) return [tokens];
  return [left, ...splitAtAnd(right)].filter((part) => part.length > 0);
}

/** Cuts titles off the front of a run; returns null when nothing is left. */
function stripTitles(run: Run, previous: Token | undefined): Run | null {
  let tokens = run.tokens;
  let titled = previous !== undefined && isTitle(previous);
  // Leading titles and their qualifiers: "Transport Minister", "Prime Minister", "Mr.", "Dr.".
  let lastTitle = -1;
  for (let k = 0; k < tokens.length - 1; k += 1) {
    const t = tokens[k] as Token;
    if (isTitle(t)) lastTitle = k;
    else if (!TITLE_QUALIFIERS.has(lower(t))) break;
  }
  // A title further in ("FBI Special Agent Tanya Brooks") when the run names no organisation.
  if (lastTitle < 0 && !hasHead(tokens)) {
    for (let k = tokens.length - 2; k >= 1; k -= 1) {
      if (isTitle(tokens[k] as Token)) {
        lastTitle = k;
        break;
      }
    }
  }
  if (lastTitle >= 0) {
    tokens = tokens.slice(lastTitle + 1);
    titled = true;
  }
  // Lower-case connectors left at either end ("the", "of") are not part of a name.
  const loose = (t: Token | undefined) =>
    t !== undefined && CONNECTORS.has(lower(t)) && !/^\p{Lu}/u.test(t.text);
  while (tokens.length > 0 && loose(tokens[0])) tokens = tokens.slice(1);
  while (tokens.length > 0 && loose(tokens[tokens.length - 1])) tokens = tokens.slice(0, -1);
  if (tokens.length === 0 || tokens.every(isTitle)) return null;
  return {
    ...run,
    tokens,
    start: (tokens[0] as Token).start,
    end: (tokens[tokens.length - 1] as Token).end,
    titled,
  };
}

const HYPHEN_PLACE = /^-(?:based|registered|born|headquartered|listed|owned|flagged|made|born)\b/u;

/**
 * Types a run. Confidence: 3 from a rule about the words themselves (a suffix, a head word, a
 * title, a known entity), 2 from compromise's tags, 1 from a guess.
 */
function classify(
  run: Run,
  previous: Token | undefined,
  known: Map<string, EntityType>,
  text: string,
): void {
  const words = run.tokens.map(lower);
  const last = run.tokens[run.tokens.length - 1] as Token;
  const set = (type: EntityType | undefined, confidence: number) => {
    run.type = type;
    run.confidence = confidence;
  };
  const knownType = known.get(foldTerm(run.tokens.map((t) => t.text).join(' ')));
  if (knownType) return set(knownType, 3);
  if (run.tokens.length > 1 && companySuffix(last)) return set('company', 3);
  if (words.some((w) => PUBLIC_BODY_WORDS.has(w))) return set('public-body', 3);
  // "Whitcombe & Ferris", "Procter & Gamble": an ampersand between names is a firm.
  if (words.includes('&')) return set('company', 3);
  if (
    words.some((w) => ORGANIZATION_WORDS.has(w)) ||
    words.every((w) => KNOWN_ORGANIZATIONS.has(w))
  )
    return set('organization', 3);
  if (run.tokens.length > 1 && words.some((w) => COMPANY_WORDS.has(w))) return set('company', 3);
  if (run.titled) return set('person', 3);
  if (run.tokens.length === 1 && HYPHEN_PLACE.test(text.slice(run.end, run.end + 20)))
    return set('location', 3);
  const tagged = (tag: string) => run.tokens.some((t) => t.tags.has(tag));
  const allTagged = (tag: string) => run.tokens.every((t) => t.tags.has(tag));
  // An acronym ("OLAF", "UNODC") is an organisation, unless it is a place ("USA").
  if (run.tokens.length === 1 && /^[\p{Lu}&]{3,8}$/u.test(last.text) && !tagged('Place'))
    return set('organization', 2);
  if (
    previous &&
    previous.tags.has('Actor') &&
    !previous.tags.has('ProperNoun') &&
    !tagged('Place')
  )
    return set('person', 2);
  if ((run.tokens[0] as Token).tags.has('FirstName') || (tagged('Person') && !tagged('Place')))
    return set('person', 2);
  if (tagged('Place') || tagged('Country') || tagged('City') || tagged('Region'))
    return set('location', 2);
  if (tagged('Organization') && run.tokens.length > 1) return set('organization', 2);
  if (previous && PLACE_PREPOSITIONS.has(lower(previous)) && run.tokens.length <= 2)
    return set('location', 1);
  if (run.tokens.length === 1 && /^[\p{Lu}&]{2,6}$/u.test(last.text)) return set('organization', 1);
  if (run.tokens.length >= 2 && run.tokens.length <= 4 && allTagged('ProperNoun'))
    return set('person', 1);
  if (run.tokens.length >= 2 && run.tokens.length <= 3 && run.tokens.every((t) => !hasCommonTag(t)))
    return set('person', 1);
  return set(undefined, 0);
}

/** Splits a text into paragraphs (compromise is quicker on smaller pieces). */
function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\n]+/g;
  for (const match of text.matchAll(re)) {
    if (match[0].trim()) out.push({ start: match.index, text: match[0] });
  }
  return out;
}

/**
 * Suggests persons, organisations and places named in `text`. Offsets are into `text`.
 * Never throws on odd input: text compromise cannot read yields no names.
 */
export function findNamedEntities(
  text: string,
  knownNames: readonly KnownName[] = [],
): FoundName[] {
  /** Names seen in this text or known to the case, with their type and how sure that is. */
  const memory = new Map<string, { type: EntityType; confidence: number }>();
  const remember = (name: string, type: EntityType, confidence: number) => {
    const key = foldTerm(name);
    if (!key) return;
    const had = memory.get(key);
    if (!had || had.confidence < confidence) memory.set(key, { type, confidence });
  };
  const known = new Map<string, EntityType>();
  for (const k of knownNames) known.set(foldTerm(k.name), k.type);

  const runs: Run[] = [];
  for (const paragraph of paragraphs(text)) {
    let tokens: Token[];
    try {
      tokens = tokenize(paragraph.text, paragraph.start);
    } catch {
      continue;
    }
    const byStart = new Map(tokens.map((t, index) => [t.start, index]));
    for (const raw of findRuns(tokens, text)) {
      const index = byStart.get(raw.start) ?? 0;
      const run = stripTitles(raw, index > 0 ? tokens[index - 1] : undefined);
      if (!run) continue;
      const startIndex = byStart.get(run.start) ?? 0;
      classify(run, startIndex > 0 ? tokens[startIndex - 1] : undefined, known, text);
      const last = run.tokens[run.tokens.length - 1] as Token;
      // A suffix abbreviated with a full stop keeps it ("Ltd.").
      if (DOTTED_SUFFIXES.has(lower(last)) && text[run.end] === '.') run.end += 1;
      // An acronym in brackets right after an organisation stands for it.
      const acronym = /^(?: \(|,? (?:known as|or) )([\p{Lu}&]{2,8})\b/u.exec(
        text.slice(run.end, run.end + 24),
      );
      if (acronym && run.type && run.type !== 'person' && run.type !== 'location')
        remember(acronym[1] as string, run.type, run.confidence);
      runs.push(run);
    }
  }

  // What the text itself says about short forms: the last and first word of a person's name,
  // a company's name without its suffix and its first word, a place seen before.
  for (const run of runs) {
    if (!run.type || run.confidence < 1) continue;
    const words = run.tokens.map((t) => t.text);
    remember(words.join(' '), run.type, run.confidence);
    if (run.tokens.length < 2) continue;
    if (run.type === 'person') {
      remember(words[words.length - 1] as string, 'person', run.confidence - 0.5);
      remember(words[0] as string, 'person', run.confidence - 0.6);
      if (
        words.length > 2 &&
        PERSON_PARTICLES.has((words[words.length - 2] as string).toLowerCase())
      )
        remember(words.slice(-2).join(' '), 'person', run.confidence);
    } else if (run.type === 'company' || run.type === 'organization') {
      const core = companySuffix(run.tokens[run.tokens.length - 1] as Token)
        ? words.slice(0, -1)
        : words;
      const firstIsPlace = (run.tokens[0] as Token).tags.has('Place');
      for (let n = core.length; n >= 1; n -= 1) {
        if (n === 1 && firstIsPlace) continue;
        const short = core.slice(0, n).join(' ');
        const single = short.toLowerCase();
        if (
          n === 1 &&
          (ORGANIZATION_WORDS.has(single) ||
            PUBLIC_BODY_WORDS.has(single) ||
            COMPANY_WORDS.has(single))
        )
          continue;
        remember(short, run.type, run.confidence - 0.5);
      }
    }
  }

  const found: FoundName[] = [];
  for (const run of runs) {
    const words = run.tokens.map((t) => t.text).join(' ');
    const remembered = memory.get(foldTerm(words));
    let type = run.type;
    if (remembered && (!type || remembered.confidence > run.confidence)) type = remembered.type;
    if (!type) continue;
    found.push({
      start: run.start,
      end: run.end,
      text: text.slice(run.start, run.end),
      type,
      origin: 'ner',
    });
  }
  return found;
}
