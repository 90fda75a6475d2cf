import nlp from 'compromise';

/**
 * The word lists the name finder reasons with, written for Casefile: small and general, about how
 * news, emails and chats name people, organisations and places. Every list holds lower-case words
 * folded to plain letters ("tomas" for "Tomás"); look words up with {@link plain}.
 *
 * compromise's own lexicon (first names, places, common words) is read as one more signal, through
 * {@link lexiconTags}: a dictionary look-up, much cheaper than running its tagger.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Lower case without accents: the key every list here uses. */
export function plain(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: most words are plain ASCII already.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i');
}

/** Titles and honorifics before a name ("Minister", "Mr.", "Cllr", "Sheikh"). */
export const TITLES = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur herr frau
  president vice prime minister premier senator sen rep representative congressman congresswoman
  governor gov mayor judge justice general gen colonel col major captain capt lieutenant lt
  sergeant sgt officer commander admiral chancellor secretary ambassador envoy commissioner
  chairman chairwoman chairperson chair ceo cfo coo cto director king queen prince princess
  sheikh sheikha emir sultan pope cardinal bishop archbishop rabbi imam reverend rev father sister
  brother mp mep deputy inspector detective superintendent chief founder cofounder spokesman
  spokeswoman spokesperson attorney agent councillor cllr councilman councilwoman councilor
  alderman assemblyman assemblywoman magistrate prosecutor auditor comptroller treasurer
  registrar ombudsman consul dean rector
`);

/** Words that join a title before a name ("Finance Minister", "Deputy Mayor", "Chief Executive"). */
export const TITLE_QUALIFIERS = words(`
  finance foreign interior defence defense transport health justice trade energy education home
  labour labor environment agriculture state former acting deputy vice chief prime attorney
  federal interim executive financial operating technology managing general senior junior
  shipping maritime economy economic culture tourism industry mining interior county city
  provincial regional assistant associate special commercial police customs tax treasury
`);

/**
 * Legal suffixes of companies, written as they are folded and without their full stops
 * ("S.A." → "sa"). Two-word ones ("sp. z o.o.", "S.A. de C.V.") are read by the tokens that make
 * them up.
 */
export const COMPANY_SUFFIXES = words(`
  ltd limited inc incorporated llc llp lp plc corp corporation co gmbh ag ug kg sa sas sarl
  nv bv pty pte spa srl sl se oy oyj ab as asa aps a/s kk zrt nyrt kft bt sro doo dd ad
  ooo zao oao pao pjsc jsc ojsc bhd sdn tbk pvt ltda lda fze fzco fzc fzllc dmcc wll spzoo
  eood ood sp cv sapi sab
`);

/** Suffixes written in capitals, because in lower case they are common words ("AS", "SE"). */
export const CAPITAL_ONLY_SUFFIXES = new Set([
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
  'AD',
  'DD',
  'SAS',
  'SPA',
]);

/** Head words of government bodies ("Ministry of Health", "Anti-Corruption Agency"). */
export const PUBLIC_BODY_HEADS = words(`
  ministry ministries department agency bureau commission authority office council police court
  parliament senate congress assembly presidency registrar directorate inspectorate secretariat
  administration customs army navy treasury government cabinet tribunal prosecutor prosecutors
  judiciary municipality ombudsman regulator gendarmerie coastguard division superintendency
  commissioner ministerio ministere ministerium secretaria prefecture procuracy kremlin
  legislature comptroller mayoralty governorate embassy consulate service board
`);

/** Head words of organisations that are neither companies nor government ("University"). */
export const ORGANIZATION_HEADS = words(`
  university institute institution foundation fundacion fundacao stiftung association union party
  alliance committee federation organisation organization society trust fund centre center club
  league network international media news times post press herald journal courier gazette
  tribune broadcasting television radio church diocese mosque temple school college academy
  hospital clinic movement front coalition consortium nations project programme program
  initiative watch monitor observatory corps lab laboratory council congress synod charity relief
  aid mission chamber forum democrats republicans socialists conservatives liberals greens
`);

/** Words that make a name a company's ("Arcadia Ventures", "Nasr Logistics"). */
export const COMPANY_HEADS = words(`
  bank group company partners capital shipping logistics airlines airways motors energy ventures
  trading holdings holding investments industries technologies technology tech systems solutions
  enterprises consulting consultants consultancy advisory labs pharma pharmaceuticals resources
  mining petroleum oil gas digital securities insurance properties property realty construction
  telecom telecoms exchange maritime infrastructure engineering manufacturing foods brewery
  airline bau grupo groupe gruppo banco banque banca societe gesellschaft companhia compania
  minera trade commodities terminals services estates lettings storage development developments
  drilling chartering fiduciary appraisal surveys inspection chemicals steel metals motors
  entertainment studios records publishing pictures software networks health partners associates
  brothers bros sons supplies supply equipment imports exports import export transport freight
  lines cruises hotels resorts mines infra vision
`);

/** Last words that make a name a place ("Brickell Avenue", "Santa Fe River", "Marshall Islands"). */
export const PLACE_HEADS = words(`
  street st road rd avenue ave lane boulevard blvd square plaza river lake mountain mountains
  mount hill hills island islands isle bay gulf sea ocean coast peninsula valley county province
  region state desert strait canal harbour harbor airport station park bridge beach heights
  springs falls forest delta basin gorge cape straits archipelago oblast krai canton voivodeship
  prefecture district zone calle rue via strasse platz city town
`);

/** First words that make a name a place ("Lake Sampson", "Mount Kenya", "Gulf of Guinea"). */
export const PLACE_LEADS = words(
  `lake mount gulf bay isle cape port fort lago rio mont calle rue via avenida plaza piazza jalan`,
);

/** Place heads that are also family names ("Derek Lane", "Emma Hill"): weaker after a given name. */
export const SURNAME_LIKE_PLACE_HEADS = words(
  `lane hill park street ford forest beach bridge bay wood field brook`,
);

/** First words that often begin a place's name ("Santa Rosa", "San Pedro", "Saint-Denis"). */
export const PLACE_PREFIXES = words(
  `santa san sao saint sankt st los las el north south east west new upper lower greater eastern western northern southern central`,
);

/**
 * Organisations named alone in news, often after "told" or "according to", that look like
 * anything else: news agencies and international bodies.
 */
export const KNOWN_ORGANIZATIONS = words(`
  reuters bloomberg afp ap bbc cnn aljazeera nato interpol europol unodc unicef unesco unhcr who
  imf opec oecd wto icij occrp nasdaq nyse fifa uefa eurostat frontex
`);

/** Months that are also given names ("April Rivers"), unlike "March": names only in a full name. */
export const MONTH_NAMES = words(`april june august`);

/** Last words of the names of things that are not entities here: laws, prizes, operations. */
export const NON_ENTITY_HEADS = words(`
  act acts law laws regulation regulations directive treaty convention code bill amendment
  agreement accord protocol facility prize award awards cup war crisis scandal affair operation
  index doctrine plan strategy summit conference festival olympics games
`);

/** Nouns of places: "the port of Kavala", "the city of Monterrey". */
export const PLACE_NOUNS = words(`
  port city town village region province island capital suburb district state county
  municipality neighbourhood neighborhood republic kingdom emirate area outskirts coast
`);

/**
 * Countries, continents and large regions, and the adjectives of countries (which are not
 * entities). compromise's dictionary misses some ("Britain", "British").
 */
export const COUNTRIES = words(`
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
  bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
  botswana brazil britain brunei bulgaria burkina burundi cambodia cameroon canada chad chile
  china colombia congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
  england eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
  ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
  iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan
  laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
  malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
  montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria
  macedonia norway oman pakistan palestine panama paraguay peru philippines poland portugal
  qatar romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia
  slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
  thailand togo tonga tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan vanuatu
  venezuela vietnam wales yemen zambia zimbabwe
  europe asia africa america americas oceania antarctica arctic balkans caribbean scandinavia
  siberia caucasus levant maghreb
`);

/** Adjectives of countries, regions and peoples: "Serbian initials", "Mexican law". */
export const DEMONYMS = words(`
  afghan albanian algerian american angolan argentine argentinian armenian australian austrian
  azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british
  bulgarian cambodian cameroonian canadian chilean chinese colombian congolese croatian cuban
  cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian ethiopian
  european filipino finnish french georgian german ghanaian greek guatemalan haitian honduran
  hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican
  japanese jordanian kazakh kenyan korean kosovar kuwaiti latvian lebanese liberian libyan
  lithuanian macedonian malagasy malaysian malian maltese mexican moldovan mongolian
  montenegrin moroccan mozambican namibian nepalese nigerian nigerien norwegian omani pakistani
  palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan
  saudi scottish senegalese serbian singaporean slovak slovenian somali spanish sudanese
  swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish ugandan ukrainian
  uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean african asian arab
  arabic latin balkan caribbean nordic scandinavian western eastern northern southern
  russians americans europeans africans asians
`);

/** Acronyms and short names of places ("U.S.", "UK"). */
export const PLACE_ACRONYMS = words(`us usa uk uae gb drc prc roc ksa nyc la dc hk bvi`);

/**
 * Nouns that say what a person is, in an appositive ("Dragana Petrović, a former official") or
 * before the name ("the businessman Tunde Bakare").
 */
export const PERSON_ROLES = words(`
  lawyer attorney solicitor barrister businessman businesswoman economist engineer director
  manager official adviser advisor spokesman spokeswoman spokesperson partner founder cofounder
  owner chairman chairwoman researcher analyst teacher nurse doctor physician radiologist surgeon
  councillor councilor mother father son daughter brother sister wife husband nephew niece cousin
  uncle aunt deputy minister secretary consultant developer candidate member head chief executive
  officer accountant auditor driver chauffeur journalist reporter editor professor student farmer
  magnate tycoon shipowner citizen resident neighbour neighbor leader representative agent broker
  trader banker investor entrepreneur employee colleague friend activist campaigner politician
  lawmaker legislator mayor governor senator judge prosecutor investigator detective officer
  inspector commissioner diplomat ambassador captain pilot sailor seafarer worker labourer
  contractor supplier dealer landlord tenant mp mep economist historian scientist professor
  academic expert specialist veteran priest pastor imam rabbi bishop nun monk widow widower
  grandson granddaughter grandfather grandmother boyfriend girlfriend fiance fiancee assistant
  aide staffer clerk receptionist architect designer programmer coder hacker blogger author
  writer novelist poet artist singer actor actress player coach athlete footballer counsel
`);

/** Nouns that say what an organisation is ("Medikon, a Belgrade distributor"). */
export const ORGANIZATION_ROLES = words(`
  company firm group charity organisation organization ngo agency bank fund consultancy
  distributor integrator operator contractor supplier subsidiary startup start-up watchdog
  foundation trust network association union coalition party lab institute university outlet
  newspaper broadcaster website regulator authority ministry body venture consortium manufacturer
  maker dealer exchange platform insurer lender conglomerate multinational giant brand retailer
  chain publisher agency office bureau department commission court council shipowner carrier
  forwarder integrator developer builder utility nonprofit non-profit think-tank thinktank
  cooperative partnership practice studio label club team app
`);

/** Verbs of speech and reporting after a name ("Kostić said", "Medikon declined to comment"). */
export const SPEECH_VERBS = words(`
  said says told added wrote writes replied declined denied confirmed stated argued explained
  warned asked noted insisted admitted acknowledged claimed responded recalled estimated
  alleged announced testified tweeted posted emailed texted commented disputed rejected
  maintained suggested continued
`);

/** Greetings and sign-offs around a name in letters and emails ("Dear Khalid", "Best, Ravi"). */
export const GREETINGS = words(
  `dear hi hello hey thanks thank cheers regards rgds best bests yours sincerely warmly`,
);

/** Particles inside personal names ("Faisal bin Nasser", "van der Berg", "de la Cruz"). */
export const NAME_PARTICLES = words(`
  de del della der den di da dos das du la le van von bin ibn bint al el abu umm ben ter ten zu
  y e
`);

/** Lower-case words allowed inside an organisation's name ("Ministry of Health", "Bank for ..."). */
export const NAME_CONNECTORS = words(`of for on and & the de du des la le del y e für und`);

/**
 * Given names, folded, from many languages; compromise knows many English ones already. A first
 * word in this list makes a capitalised pair a person's name ("Dragana Petrović").
 */
export const GIVEN_NAMES = words(`
  james john robert michael william david richard joseph thomas charles christopher daniel matthew
  anthony mark donald steven paul andrew joshua kevin brian george timothy edward jason jeffrey
  ryan jacob gary nicholas eric jonathan stephen justin scott benjamin samuel gregory alexander
  frank patrick peter henry walter harry jack oliver jonas tobias hannah sophie emma olivia grace
  rachel rebecca sarah laura helen claire catherine kate katherine victoria charlotte lucy emily
  amy jessica jennifer elizabeth mary margaret susan karen sandra nancy lisa anna ann anne
  jane julia julie diana teresa theresa rose joy april destiny hope faith wesley chase rob bob
  bill will tom tim ben sam joe dan nick chris jim mike ted ed ian sean dale derek wes greg
  mohammed mohammad muhammad mohamed ahmed ahmad ali omar umar khalid hassan hussein husain
  ibrahim youssef yusuf yousef mustafa abdullah abdul karim kareem samir tariq faisal nasser
  nasir saleh salim salem hamza bilal jamal walid rami fadi ziad majid hamad rashid said saeed
  younes yunus amal fatima fatma aisha ayesha layla leila mariam maryam nour noura hiba rania
  salma yasmin zainab huda dina lina amira hana reem nadia nadine rana
  aleksandar aleksandra milan milos dragan dragana goran zoran nenad nikola marko marija jelena
  ivana branislav bojan dejan sasa zeljko vladimir dmitri dmitry sergei sergey alexei aleksei
  andrei andriy ivan igor oleg pavel mikhail nikolai yuri boris arkady olga tatiana natalia
  natalya svetlana irina yulia ekaterina yekaterina anastasia olena oksana petro taras bohdan
  mykola piotr pawel tomasz marek jan krzysztof andrzej agnieszka katarzyna karolina malgorzata
  ewa magdalena jakub lukasz wojciech jiri petr tomas zuzana lenka miroslav
  jose luis juan carlos jorge miguel alejandro diego fernando ricardo rodrigo andres ignacio
  felipe javier francisco pablo sergio raul ramon aurelio maria lucia carmen isabel paula
  patricia monica adriana mercedes elena ines beatriz marisol guadalupe joao pedro tiago
  gonzalo santiago mateo valentina camila sofia ximena alejandra fernanda gabriela
  tunde adebayo oluwaseun chinedu emeka ngozi chioma amara kwame kofi ama akosua yaw abena
  wanjiru wanjiku njeri kamau otieno odhiambo achieng jomo ousmane mamadou aminata fatou
  moussa abdoulaye ibrahima kwabena thabo sipho nomvula
  arjun ravi priya rahul amit anil sunil vijay rajesh suresh ramesh deepak sanjay pooja anjali
  neha sunita lakshmi kavita meera divya arun kiran raj vikram aditya ananya
  mehmet ahmet emre burak cem murat elif zeynep ayse emine hakan serkan kemal oguz
  petros dimitra dimitris kostas konstantinos nikos yannis giorgos eleni stavros andreas christos
  vasilis katerina
  lars sven soren anders erik nils bjorn ingrid astrid sigrid friedrich klaus jurgen hans
  wolfgang stefan claudia sabine ursula johanna margit pieter joost willem francois pierre jean
  jacques louis antoine chloe camille giulia giuseppe giovanni luca marco matteo francesca
  chiara alessandro
  akos zoltan laszlo istvan gabor orsolya katalin zsofia
  hiroshi takashi kenji yuki haruto sakura yuko akira keiko
`);

/**
 * Family names written first in Chinese, Korean and Vietnamese use ("Zhao Dong", "Lim Wei Jie"):
 * first in a capitalised pair, they make it a person's name. Words that are also common English
 * words ("he", "do", "so") are left out.
 */
export const FAMILY_NAMES_FIRST = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin gao luo zheng liang xie
  song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang du cheng wei su ding
  ren shen yao lim tan lee ng wong chan chow leung lau kim park choi jung kang cho yoon jang
  nguyen tran pham hoang phan vu dang bui ngo duong
`);

/**
 * Capitalised words that are not names however they stand: function words, months and days,
 * and words that start sentences and headlines.
 */
export const NOT_NAMES = words(`
  i the a an this that these those it its he she they we you his her their our my your him them
  us me mr mrs ms dr but and or nor if when while after before as at in on of for from by with
  to into onto over under about above below between through during without within via per
  asked according however meanwhile yesterday today tomorrow tonight
  monday tuesday wednesday thursday friday saturday sunday january february march may july
  september october november december spring summer autumn winter directors trustees governors
  shareholders
  not no yes ok okay please thanks thank hi hello dear re fw fwd cc bcc subject from to sent date
  attachment attachments confidential urgent memorandum memo summary background note notes
  also all any each every some many most more much other another such what which who whom whose
  why how where there here then than so too very just only even still yet already again once
  one two three four five six seven eight nine ten
  is are was were be been being am do does did done have has had can could would shall
  should may might must let lets
`);

/** Words that in capitals are not acronyms of organisations ("OK", "CEO", "AM"). */
export const NOT_ACRONYMS = words(`
  ok i a am pm ceo cfo coo cto ceos vp md hr it pr gps usd eur gbp aed cny rmb tv ai id pdf faq
  asap fyi btw lol omg diy etc rip ps nb cv pm am ngo ngos sms mms pin atm vat gdp ipo rsvp
  eta tba tbc tbd aka re fw fwd cc bcc ok no not urgent and or the of to for in on at by is
  ii iii iv vi vii viii ix xi xii jr sr
`);

/** compromise's dictionary: word → its tags (a look-up, not its tagger). */
let lexicon: Record<string, string | string[]> | undefined;

/** The tags compromise's dictionary gives a lower-case word, or an empty list. */
export function lexiconTags(lowerWord: string): readonly string[] {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const tags = lexicon[lowerWord];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place', 'Continent']);
const COMMON_TAGS = new Set([
  'Verb',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Modal',
  'Copula',
  'Adjective',
  'Comparative',
  'Superlative',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Possessive',
  'Reflexive',
  'QuestionWord',
  'Expression',
  'Singular',
  'Plural',
  'Uncountable',
  'Noun',
  'Actor',
  'Unit',
  'Currency',
  'Month',
  'WeekDay',
  'Date',
  'Duration',
  'Cardinal',
  'Ordinal',
  'TextValue',
  'Negative',
  'Condition',
  'Imperative',
  'Demonym',
  'Emoticon',
]);

/** What the dictionaries say of a word. */
export interface WordSense {
  /** A given name (ours or compromise's). */
  givenName: boolean;
  /** A family name written first (Chinese, Korean, Vietnamese). */
  familyFirst: boolean;
  /** A family name compromise knows. */
  lastName: boolean;
  /** A place compromise or our list knows (city, country, region, any place). */
  place: boolean;
  /** A country, a city or a region: a place first, whatever else it names. */
  majorPlace: boolean;
  /** An organisation compromise knows. */
  organization: boolean;
  /** A common word of English (a verb, an adjective, a noun, a function word…). */
  common: boolean;
  /** A nationality or language adjective ("Serbian", "Danish"). */
  demonym: boolean;
}

const senseCache = new Map<string, WordSense>();

/** What the dictionaries say of a word (any case). */
export function senseOf(word: string): WordSense {
  const key = plain(word);
  let sense = senseCache.get(key);
  if (sense) return sense;
  const lower = word.toLowerCase();
  const tags = lower === key ? lexiconTags(key) : [...lexiconTags(lower), ...lexiconTags(key)];
  let place = false;
  let organization = false;
  let common = false;
  let demonym = false;
  for (const tag of tags) {
    if (PLACE_TAGS.has(tag)) place = true;
    else if (tag === 'Organization' || tag === 'SportsTeam') organization = true;
    if (COMMON_TAGS.has(tag)) common = true;
    if (tag === 'Demonym') demonym = true;
  }
  sense = {
    givenName: GIVEN_NAMES.has(key) || tags.some((t) => GIVEN_TAGS.has(t)),
    familyFirst: FAMILY_NAMES_FIRST.has(key),
    lastName: tags.includes('LastName'),
    place: place || COUNTRIES.has(key),
    majorPlace:
      COUNTRIES.has(key) || tags.some((t) => t === 'City' || t === 'Country' || t === 'Region'),
    organization,
    common: common || NOT_NAMES.has(key),
    demonym: demonym || DEMONYMS.has(key),
  };
  if (senseCache.size < 100_000) senseCache.set(key, sense);
  return sense;
}

/**
 * Whether a word looks like a common English word by its ending ("investigators", "invoices",
 * "reviewed", "quickly"): such a word at the start of a sentence is not a name.
 */
export function looksCommon(word: string): boolean {
  const w = plain(word);
  if (w.length < 5) return false;
  if (w.length >= 7 && /(?:nal|ral|cal|ial|tal)$/.test(w)) return true; // internal, federal
  return /(?:ing|ed|ly|tion|tions|sion|sions|ment|ments|ness|ity|ities|ous|ive|ives|ful|less|able|ible|ers|ors|ists|ians|ances|ences|ics|ies|ism|isms|ship|hood|ward|wise|ates|izes|ises)$/.test(
    w,
  );
}
