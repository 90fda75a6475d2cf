import { describe, expect, it } from 'vitest';
import { findNamedEntities, NameFinder } from './ner';
import { suggestNames, matcherFor } from './index';

const names = (text: string) => findNamedEntities(text).map((f) => [f.text, f.type]);

describe('findNamedEntities', () => {
  it('leaves titles and possessives out and types by suffix and head word', () => {
    expect(
      names(
        "Finance Minister Grace Oduya met Halvorsen Ltd. officials. Oduya's aide called the Ministry of Transport.",
      ),
    ).toEqual([
      ['Grace Oduya', 'person'],
      ['Halvorsen Ltd.', 'company'],
      ['Oduya', 'person'],
      ['Ministry of Transport', 'public-body'],
    ]);
  });

  it('finds short forms, places before a hyphen and acronyms in brackets', () => {
    const found = names(
      'Elizabeth Kanter runs a Beijing-based fund. Kanter told the Securities and Exchange Commission (SEC) that the SEC was wrong.',
    );
    expect(found).toContainEqual(['Kanter', 'person']);
    expect(found).toContainEqual(['Beijing', 'location']);
    expect(found).toContainEqual(['Securities and Exchange Commission', 'public-body']);
    expect(found.filter(([text]) => text === 'SEC')).toHaveLength(2);
  });

  it('splits names joined by "and" and keeps a person apart from the firm after "of"', () => {
    expect(names('Rachel Tan of Drew & Napier visited Ghana and Togo.')).toEqual([
      ['Rachel Tan', 'person'],
      ['Drew & Napier', 'company'],
      ['Ghana', 'location'],
      ['Togo', 'location'],
    ]);
  });

  it('keeps legal suffixes in the name, with their stops, whatever their form', () => {
    expect(
      names(
        'Medikon Trade d.o.o. paid Zhiyuan Vision Technology Co., Ltd. and Hengli Commodities (HK) Limited. ' +
          'Marisol Shipping S.A. owns Midland Property Investments plc, as does Nordic Port Partners A/S.',
      ),
    ).toEqual([
      ['Medikon Trade d.o.o.', 'company'],
      ['Zhiyuan Vision Technology Co., Ltd.', 'company'],
      ['Hengli Commodities (HK) Limited', 'company'],
      ['Marisol Shipping S.A.', 'company'],
      ['Midland Property Investments plc', 'company'],
      ['Nordic Port Partners A/S', 'company'],
    ]);
  });

  it('ends a company name at its suffix, and reads a caps headline company by its suffix', () => {
    expect(names('The contractor, Aquaform Pools Ltd of Guildford, built it.')[0]).toEqual([
      'Aquaform Pools Ltd',
      'company',
    ]);
    expect(names('ANDES COPPER HOLDINGS PLC\nMEMO\nThe board of ANDES COPPER met.')).toEqual([
      ['ANDES COPPER HOLDINGS PLC', 'company'],
      ['ANDES COPPER', 'company'],
    ]);
  });

  it('types by head words: bodies, organisations, places, and a person whose name ends like a street', () => {
    expect(
      names(
        'The Anti-Corruption Agency and the Ministry of Maritime Affairs and Insular Policy wrote to the ' +
          'Fruška Gora General Hospital about Brickell Avenue, the Marshall Islands and Stoke-on-Trent. ' +
          'Her brother-in-law, Derek Lane, did not.',
      ),
    ).toEqual([
      ['Anti-Corruption Agency', 'public-body'],
      ['Ministry of Maritime Affairs and Insular Policy', 'public-body'],
      ['Fruška Gora General Hospital', 'organization'],
      ['Brickell Avenue', 'location'],
      ['Marshall Islands', 'location'],
      ['Stoke-on-Trent', 'location'],
      ['Derek Lane', 'person'],
    ]);
  });

  it('joins a possessive inside an organisation’s name, not a body named on its own', () => {
    expect(
      names("He sued the U.S. Attorney's Office and the People's Progressive Alliance."),
    ).toEqual([
      ["U.S. Attorney's Office", 'public-body'],
      ["People's Progressive Alliance", 'organization'],
    ]);
    expect(names("They told the Treasury's Office of Financial Sanctions Implementation.")).toEqual(
      [
        ['Treasury', 'public-body'],
        ['Office of Financial Sanctions Implementation', 'public-body'],
      ],
    );
  });

  it('reads appositives, ages and role nouns around a name', () => {
    expect(
      names(
        'The shares went to Orsolya Vasko, a former official, and to Kordun Rex, a Belgrade distributor. ' +
          'Harlow Quint, 52, was arrested. A spokesman for the agency, Nenad Kostić, and the businessman ' +
          'Tunde Bakare declined to comment.',
      ),
    ).toEqual([
      ['Orsolya Vasko', 'person'],
      ['Kordun Rex', 'company'],
      ['Belgrade', 'location'],
      ['Harlow Quint', 'person'],
      ['Nenad Kostić', 'person'],
      ['Tunde Bakare', 'person'],
    ]);
  });

  it('does not read a place fronting a sentence as having an appositive', () => {
    expect(names('In Singapore, the Personal Data Protection Commission said so.')).toEqual([
      ['Singapore', 'location'],
      ['Personal Data Protection Commission', 'public-body'],
    ]);
  });

  it('finds names in email headers, greetings and signatures', () => {
    expect(
      names(
        'From: Khalid Al-Mansouri <k.almansouri@gulfstar.example>\nDear Ravi,\nThanks.\nBest regards,\nOlena Savchuk',
      ),
    ).toEqual([
      ['Khalid Al-Mansouri', 'person'],
      ['Ravi', 'person'],
      ['Olena Savchuk', 'person'],
    ]);
  });

  it('needs more than a capital at the start of a sentence', () => {
    expect(
      names(
        'Pharmaceutical giant Johnson & Johnson declined. Internal Slack messages leaked. Prosecutors in ' +
          'Novi Sad agreed.\nTO: Board of Directors\nOffice hours are over.',
      ),
    ).toEqual([
      ['Johnson & Johnson', 'company'],
      ['Novi Sad', 'location'],
    ]);
  });

  it('takes a family name for the person over the company named after the family', () => {
    const found = names(
      'Petros Lemonidis holds a stake through Lemonidis Maritime Holdings Ltd. Lemonidis did not reply.',
    );
    expect(found[found.length - 1]).toEqual(['Lemonidis', 'person']);
  });

  it('learns short forms of organisations, names in brackets and after "known as"', () => {
    const found = names(
      'Money went to Clearwater Relief and Minera Santa Rosa SpA ("MSR"). Clearwater said MSR paid the ' +
        'Norwegian Data Protection Authority, known as Datatilsynet. Datatilsynet disagreed.',
    );
    expect(found).toContainEqual(['Clearwater', 'organization']);
    expect(found.filter(([text]) => text === 'MSR')).toEqual([
      ['MSR', 'company'],
      ['MSR', 'company'],
    ]);
    expect(found.filter(([text]) => text === 'Datatilsynet')).toEqual([
      ['Datatilsynet', 'public-body'],
      ['Datatilsynet', 'public-body'],
    ]);
  });

  it('reads headlines in capitals only for names the text knows, and datelines', () => {
    expect(
      names('NOVI SAD — Zhiyuan Vision Ltd. sold cameras.\nWHO WROTE THE TENDER\nHOW ZHIYUAN WON'),
    ).toEqual([
      ['NOVI SAD', 'location'],
      ['Zhiyuan Vision Ltd.', 'company'],
      ['ZHIYUAN', 'company'],
    ]);
    // A heading before a dash that ends in a head word names a body, not a place.
    expect(names('PORT AUTHORITY — INTERNAL MEMO\nRef. PA/2020/114')).toEqual([
      ['PORT AUTHORITY', 'public-body'],
    ]);
  });

  it('leaves out laws, product codes, figures, nationalities and initials', () => {
    expect(
      names(
        'Under the UK Bribery Act the VX-400 bearing, Q3 figures in USD and Serbian initials matter. OK.\nI.V.R.',
      ),
    ).toEqual([['UK', 'location']]);
  });

  it('types names listed with a typed name alike, and months only in full names', () => {
    expect(
      names('Flats in West Bromwich, Oldbury and Tipton were let in June. April Rivers said so.'),
    ).toEqual([
      ['West Bromwich', 'location'],
      ['Oldbury', 'location'],
      ['Tipton', 'location'],
      ['April Rivers', 'person'],
    ]);
  });

  it('reads acronyms written in mixed case, and a title alone only with a full name', () => {
    expect(names('She was at GDDKiA and the KvK before.')).toEqual([
      ['GDDKiA', 'organization'],
      ['KvK', 'organization'],
    ]);
    expect(names('General Counsel wrote. Grace Bishop signed. Bishop left.')).toEqual([
      ['Grace Bishop', 'person'],
      ['Bishop', 'person'],
    ]);
  });

  it('types names the case knows, whatever the text says', () => {
    expect(
      findNamedEntities('Talks with Harrow Pierce went on.', [
        { name: 'Harrow Pierce', type: 'company' },
      ]).map((f) => [f.text, f.type]),
    ).toEqual([['Harrow Pierce', 'company']]);
  });

  it('survives text with no names, emoji, RTL and CJK', () => {
    expect(names('')).toEqual([]);
    expect(names('ok 👍 see you at 5')).toEqual([]);
    expect(() => findNamedEntities('قال محمد اليوم 他在北京工作 \u200b\u00a0')).not.toThrow();
  });
});

describe('NameFinder over a chat', () => {
  it('knows participants and earlier messages, in lower case too, but not common words', () => {
    const finder = new NameFinder();
    finder.addParticipant('Tom');
    finder.addParticipant('Will Baker');
    const read = (text: string) => finder.find(text).map((f) => [f.text, f.type]);
    expect(read('the auditors from Harrow Pierce Ltd land tonight')).toEqual([
      ['Harrow Pierce Ltd', 'company'],
    ]);
    expect(read('tom can you call harrow pierce')).toEqual([
      ['tom', 'person'],
      ['harrow pierce', 'company'],
    ]);
    expect(read('will are you here? the office is closed')).toEqual([]);
  });

  it('reads nothing in a message with no capital and no name it has met', () => {
    expect(new NameFinder().find('ok see you at the office tomorrow')).toEqual([]);
  });
});

describe('suggestNames', () => {
  it('prefers known entities over patterns and NER, and leaves ignored terms out', () => {
    const matcher = matcherFor([
      { id: 'k', name: 'Elizabeth Kanter', aliases: ['E. Kanter'], type: 'person' },
    ]);
    const found = suggestNames('Elizabeth Kanter (e.kanter@acme.com) met Tunde Bakare in Lagos.', {
      matcher,
      typeOf: () => 'person',
      ner: true,
      ignored: new Set(['lagos']),
    });
    expect(found.map((f) => [f.text, f.origin])).toEqual([
      ['Elizabeth Kanter', 'known-entity'],
      ['e.kanter@acme.com', 'pattern'],
      ['Tunde Bakare', 'ner'],
    ]);
    expect(found[0]?.entityIds).toEqual(['k']);
  });

  it('suggests a longer name around a known alias whole, keeping the known entity as a choice', () => {
    const matcher = matcherFor([
      { id: 'k', name: 'Elizabeth Kanter', aliases: ['Kanter'], type: 'person' },
    ]);
    const found = suggestNames('Liz Kanter signed. Kanter sent it.', {
      matcher,
      typeOf: () => 'person',
      ner: true,
    });
    expect(found.map((f) => [f.text, f.origin, f.entityIds])).toEqual([
      ['Liz Kanter', 'ner', ['k']],
      ['Kanter', 'known-entity', ['k']],
    ]);
  });
});
