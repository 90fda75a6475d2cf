// Generates realistic chat exports for benchmarks and load tests: WhatsApp text exports in the
// Android and iOS layouts of several locales, and the same conversation as Telegram Desktop JSON
// and signal-export Markdown. Plain JavaScript with no dependencies, deterministic for a seed, so it
// runs in Node and in a page alike.
//
//   import { generateWhatsAppExport } from './generators/whatsapp.mjs';
//   const { text, fileName, messageCount } = generateWhatsAppExport({ messages: 100_000, layout: 'ios-de', seed: 7 });

/** Small fast PRNG (mulberry32): the same seed gives the same export everywhere. */
export function randomFor(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common English chat words, most frequent first: drawn with a Zipf-like weight (1 / (rank + 3)), so
// short function words dominate as they do in real chats.
const WORDS = (
  'i you the to a and it is that in of me my we for be on so no have just not do are ' +
  'this what but lol ok yes with can at was will get all your if know like its go u ' +
  'up now out good one about there too when how they im got then see time dont well ' +
  'think today back she he here going come want tomorrow need sure still thanks call ' +
  'really home did would let right yeah because work later day make tonight love had ' +
  'been take some them from say never why thats where last much people meeting more ' +
  'maybe send tell something night week sorry money before after again first check ' +
  'nothing already told done office email phone message soon said minister contract ' +
  'payment transfer account bank invoice company director board deal offshore report ' +
  'documents meeting lawyer police press story source file deadline budget council ' +
  'harbour port shipment container customs license permit tender approval signature ' +
  'friday monday weekend morning afternoon evening hour minutes address car airport ' +
  'hotel dinner lunch coffee office building floor door keys password laptop printer ' +
  'delete careful nobody secret quiet worried trust promise understand remember forget'
).split(' ');

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dmitri',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jamal',
  'Katarzyna',
  'Luis',
  'Mei',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sami',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zoë',
  'Åsa',
  'Björn',
  'Chiara',
  'Deniz',
  'Émile',
];
const LAST = [
  'García',
  'Okafor',
  'Novak',
  'Schmidt',
  'Rossi',
  'Haddad',
  'Kowalski',
  'Nguyen',
  'Silva',
  'Müller',
  'Andersson',
  'Papadopoulos',
  'Yılmaz',
  'Dubois',
  'Smith',
  'Ivanova',
];
// Names a chat about an investigation mentions: people (full, short, with titles, in lower case),
// companies with suffixes, public bodies, places. Used only when `mentions` is above 0.
const MENTIONS = [
  'Grace Oduya',
  'Oduya',
  'Minister Oduya',
  'Halvorsen Maritime Ltd.',
  'Halvorsen',
  'the Ministry of Transport',
  'Lagos',
  'Elizabeth Kanter',
  'Kanter',
  'the EFCC',
  'Zenith Bank',
  'Mr. Bakare',
  'Abuja',
  'Nordhavn Shipping AS',
  'Reuters',
  'Dr. Eze',
  'karim',
  'the Anti-Corruption Agency',
  'Novi Sad',
  'Medikon',
  'Petrović',
  'Vienna',
  'Alpenmed Handels GmbH',
  'Zhang',
  'Lim Wei Jie',
];
const EMOJI = ['😂', '👍', '🙏', '❤️', '😅', '🔥', '😮', '👀', '🤔', '✅', '👩🏻‍⚖️', '🇪🇺'];
const DOMAINS = ['example.org', 'news.example.com', 'docs.example.net', 'files.example.com'];

function pickWeighted(random, n) {
  // Inverse-CDF of a 1/rank distribution over n items, computed once per n.
  const cdf = cdfCache.get(n) ?? buildCdf(n);
  const r = random();
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const cdfCache = new Map();
function buildCdf(n) {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) total += 1 / (i + 4);
  let acc = 0;
  for (let i = 0; i < n; i += 1) {
    acc += 1 / (i + 4) / total;
    cdf[i] = acc;
  }
  cdfCache.set(n, cdf);
  return cdf;
}

function sentence(random, words) {
  const out = [];
  for (let i = 0; i < words; i += 1) {
    let w = WORDS[pickWeighted(random, WORDS.length)];
    if (i === 0 && random() < 0.6) w = w[0].toUpperCase() + w.slice(1);
    out.push(w);
  }
  let s = out.join(' ');
  const r = random();
  if (r < 0.25) s += '?';
  else if (r < 0.45) s += '.';
  else if (r < 0.5) s += '!';
  if (random() < 0.08) s += ` ${EMOJI[Math.floor(random() * EMOJI.length)]}`;
  if (random() < 0.02)
    s += ` https://${DOMAINS[Math.floor(random() * DOMAINS.length)]}/${Math.floor(random() * 1e6)}`;
  return s;
}

/** A message length in words: mostly short, sometimes long (roughly log-normal, mean ≈ 8). */
function wordCount(random) {
  const u = Math.max(random(), 1e-9);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(1, Math.min(120, Math.round(Math.exp(1.7 + 0.8 * normal))));
}

/**
 * An abstract conversation: who said what when, with events, attachments, edits and deletions.
 * Rendered into each layout by the functions below.
 */
export function generateConversation({
  messages = 1000,
  seed = 1,
  participants = 12,
  mentions = 0,
} = {}) {
  const random = randomFor(seed);
  const people = [];
  for (let i = 0; i < participants; i += 1) {
    const r = random();
    if (r < 0.08) people.push(`+44 7700 9${String(Math.floor(random() * 1e5)).padStart(5, '0')}`);
    else if (r < 0.12) people.push(`${FIRST[i % FIRST.length]} ${EMOJI[i % EMOJI.length]}`);
    else people.push(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(random() * LAST.length)]}`);
  }
  let time = Date.UTC(2019, 0, 7, 8, 0, 0) + Math.floor(random() * 86_400_000);
  const list = [];
  let photo = 0;
  list.push({ kind: 'encryption', time });
  for (let i = 1; i < messages; i += 1) {
    // Bursts of quick replies, and quiet nights.
    const gap =
      random() < 0.7
        ? random() * 90_000
        : random() < 0.9
          ? random() * 1_800_000
          : random() * 28_800_000;
    time += Math.floor(gap);
    const hour = new Date(time).getUTCHours();
    if (hour < 7 && random() < 0.8) time += (7 - hour) * 3_600_000;
    const sender = people[pickWeighted(random, people.length)];
    const r = random();
    if (r < 0.004) {
      const other = people[Math.floor(random() * people.length)];
      list.push({ kind: 'system', time, text: `${sender} added ${other}` });
    } else if (r < 0.006) {
      list.push({ kind: 'system', time, text: `${sender} left` });
    } else if (r < 0.007) {
      list.push({
        kind: 'system',
        time,
        text: `${sender} changed the subject from "Team" to "Team: ${sentence(random, 2)}"`,
      });
    } else if (r < 0.047) {
      photo += 1;
      const kinds = ['PHOTO', 'PHOTO', 'PHOTO', 'VIDEO', 'AUDIO', 'STICKER'];
      const media = kinds[Math.floor(random() * kinds.length)];
      list.push({
        kind: 'attachment',
        time,
        sender,
        media,
        n: photo,
        caption: random() < 0.3 ? sentence(random, wordCount(random)) : '',
      });
    } else if (r < 0.062) {
      list.push({ kind: 'omitted', time, sender });
    } else if (r < 0.067) {
      list.push({ kind: 'deleted', time, sender });
    } else {
      const lines = [sentence(random, wordCount(random))];
      // With `mentions`, that share of messages names someone or something (the random numbers
      // are drawn only then, so exports without mentions stay as they were).
      if (mentions > 0 && random() < mentions) {
        const words = lines[0].split(' ');
        const name =
          random() < 0.2
            ? people[Math.floor(random() * people.length)].split(' ')[0]
            : MENTIONS[Math.floor(random() * MENTIONS.length)];
        words.splice(1 + Math.floor(random() * words.length), 0, name);
        lines[0] = words.join(' ');
      }
      if (random() < 0.08) {
        const extra = 1 + Math.floor(random() * 3);
        for (let k = 0; k < extra; k += 1)
          lines.push(random() < 0.15 ? '' : sentence(random, wordCount(random)));
      }
      list.push({ kind: 'text', time, sender, lines, edited: random() < 0.01 });
    }
  }
  return { people, messages: list };
}

const p2 = (n) => String(n).padStart(2, '0');

/** The layouts {@link renderWhatsApp} writes, as exports of these locales write them. */
export const WHATSAPP_LAYOUTS = {
  'android-us': {
    ios: false,
    stamp: (d) => `${d.m}/${d.d}/${d.yy}, ${d.h12}:${p2(d.mi)}\u202F${d.ampm} - `,
  },
  'android-eu': {
    ios: false,
    stamp: (d) => `${p2(d.d)}/${p2(d.m)}/${d.yyyy}, ${p2(d.h)}:${p2(d.mi)} - `,
  },
  'android-es': {
    ios: false,
    stamp: (d) =>
      `${d.d}/${d.m}/${d.yy}, ${d.h12}:${p2(d.mi)}\u00A0${d.ampm === 'AM' ? 'a.\u00A0m.' : 'p.\u00A0m.'} - `,
  },
  'ios-de': {
    ios: true,
    stamp: (d) => `[${p2(d.d)}.${p2(d.m)}.${d.yy}, ${p2(d.h)}:${p2(d.mi)}:${p2(d.s)}] `,
  },
  'ios-us': {
    ios: true,
    stamp: (d) => `[${d.m}/${d.d}/${d.yy}, ${d.h12}:${p2(d.mi)}:${p2(d.s)}\u202F${d.ampm}] `,
  },
};

function parts(time) {
  const t = new Date(time);
  const h = t.getUTCHours();
  return {
    yyyy: t.getUTCFullYear(),
    yy: p2(t.getUTCFullYear() % 100),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h,
    h12: h % 12 === 0 ? 12 : h % 12,
    ampm: h < 12 ? 'AM' : 'PM',
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

function isoLocal(time) {
  return new Date(time).toISOString().slice(0, 19);
}

/** A conversation as a WhatsApp text export in one of {@link WHATSAPP_LAYOUTS}. */
export function renderWhatsApp(conversation, layout = 'android-eu') {
  const spec = WHATSAPP_LAYOUTS[layout];
  if (!spec) throw new Error(`Unknown layout ${layout}`);
  const lrm = spec.ios ? '\u200E' : '';
  const out = [];
  const attachments = [];
  for (const m of conversation.messages) {
    const d = parts(m.time);
    const stamp = spec.stamp(d);
    switch (m.kind) {
      case 'encryption':
        out.push(
          `${lrm}${stamp}${lrm}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.`,
        );
        break;
      case 'system':
        out.push(`${lrm}${stamp}${lrm}${m.text}`);
        break;
      case 'attachment': {
        const ext = { PHOTO: 'jpg', VIDEO: 'mp4', AUDIO: 'opus', STICKER: 'webp' }[m.media];
        let name;
        if (spec.ios) {
          name = `${String(m.n).padStart(8, '0')}-${m.media}-${d.yyyy}-${p2(d.m)}-${p2(d.d)}-${p2(d.h)}-${p2(d.mi)}-${p2(d.s)}.${ext}`;
          out.push(
            `${lrm}${stamp}${m.sender}: ${lrm}<attached: ${name}>${m.caption ? `\n${m.caption}` : ''}`,
          );
        } else {
          const prefix = { PHOTO: 'IMG', VIDEO: 'VID', AUDIO: 'PTT', STICKER: 'STK' }[m.media];
          name = `${prefix}-${d.yyyy}${p2(d.m)}${p2(d.d)}-WA${String(m.n % 10000).padStart(4, '0')}.${ext}`;
          out.push(
            `${stamp}${m.sender}: ${name} (file attached)${m.caption ? `\n${m.caption}` : ''}`,
          );
        }
        attachments.push(name);
        break;
      }
      case 'omitted':
        out.push(
          spec.ios
            ? `${lrm}${stamp}${m.sender}: ${lrm}image omitted`
            : `${stamp}${m.sender}: <Media omitted>`,
        );
        break;
      case 'deleted':
        out.push(
          spec.ios
            ? `${lrm}${stamp}${m.sender}: ${lrm}This message was deleted.`
            : `${stamp}${m.sender}: This message was deleted`,
        );
        break;
      default: {
        const text = m.lines.join('\n');
        out.push(
          `${stamp}${m.sender}: ${text}${m.edited ? (spec.ios ? ` ${lrm}<This message was edited>` : ' <This message was edited>') : ''}`,
        );
      }
    }
  }
  const newline = spec.ios ? '\r\n' : '\n';
  return { text: out.join(newline) + newline, attachments };
}

/**
 * A WhatsApp export of `messages` messages in `layout`: its text, the file name WhatsApp gives it,
 * and the attachment names it mentions.
 */
export function generateWhatsAppExport({
  messages = 100_000,
  layout = 'android-eu',
  seed = 1,
  participants = 12,
  mentions = 0,
} = {}) {
  const conversation = generateConversation({ messages, seed, participants, mentions });
  const { text, attachments } = renderWhatsApp(conversation, layout);
  const spec = WHATSAPP_LAYOUTS[layout];
  return {
    text,
    fileName: spec.ios ? '_chat.txt' : 'WhatsApp Chat with Harbour project.txt',
    messageCount: conversation.messages.length,
    attachments,
    people: conversation.people,
  };
}

/** The same conversation as Telegram Desktop JSON (result.json of one chat). */
export function renderTelegramJson(conversation) {
  const ids = new Map(conversation.people.map((p, i) => [p, `user${1000 + i}`]));
  const messages = conversation.messages.map((m, i) => {
    const base = {
      id: i + 1,
      date: isoLocal(m.time),
      date_unixtime: String(Math.floor(m.time / 1000)),
    };
    if (m.kind === 'encryption' || m.kind === 'system') {
      return {
        ...base,
        type: 'service',
        actor: conversation.people[0],
        actor_id: ids.get(conversation.people[0]),
        action: 'invite_members',
        members: [conversation.people[1]],
        text: '',
      };
    }
    const from = { from: m.sender, from_id: ids.get(m.sender) };
    if (m.kind === 'attachment')
      return {
        ...base,
        type: 'message',
        ...from,
        photo: `photos/photo_${m.n}@x.jpg`,
        text: m.caption,
      };
    if (m.kind === 'omitted')
      return {
        ...base,
        type: 'message',
        ...from,
        photo: '(File not included. Change data exporting settings to download.)',
        text: '',
      };
    if (m.kind === 'deleted') return { ...base, type: 'message', ...from, text: '' };
    const text = m.lines.join('\n');
    return {
      ...base,
      type: 'message',
      ...from,
      ...(m.edited ? { edited: isoLocal(m.time + 60_000) } : {}),
      text:
        i % 7 === 0
          ? [{ type: 'bold', text: text.split(' ')[0] }, text.slice(text.split(' ')[0].length)]
          : text,
    };
  });
  return JSON.stringify(
    { name: 'Harbour project', type: 'private_group', id: 4242, messages },
    null,
    1,
  );
}

/** The same conversation as signal-export's chat.md. */
export function renderSignalMarkdown(conversation) {
  const out = [];
  for (const m of conversation.messages) {
    if (m.kind === 'encryption' || m.kind === 'system') continue;
    const t = new Date(m.time).toISOString();
    const stamp = `[${t.slice(0, 10)} ${t.slice(11, 19)}]`;
    let body;
    if (m.kind === 'attachment') body = `![photo_${m.n}.jpg](./media/photo_${m.n}.jpg)  `;
    else if (m.kind === 'omitted' || m.kind === 'deleted') body = '(This message was deleted)';
    else body = `${m.lines.join('\n')}  `;
    out.push(`${stamp} ${m.sender}: ${body}\n`);
  }
  return out.join('\n');
}
