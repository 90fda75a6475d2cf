/**
 * A Slack workspace export (the `.zip` an admin downloads), given as its unzipped entries:
 * `channels.json` (public channels), `groups.json` (private channels), `dms.json` and `mpims.json`
 * (direct messages), `users.json`, and one folder per conversation holding a `YYYY-MM-DD.json`
 * file per day. Each message's `ts` is seconds since 1970 (absolute): sentAt is written in UTC.
 * Slack exports never contain the shared files themselves, only their names and links.
 */
import { errorMessage } from '../errorMessage';
import {
  arr,
  attachmentKindOf,
  fileNameOf,
  isObject,
  isoFromEpochMs,
  linkReplies,
  num,
  plural,
  str,
  examples,
  type JsonObject,
} from './common';
import type {
  ChatParseResult,
  ParsedAttachment,
  ParsedChat,
  ParsedConversation,
  ParsedMessage,
} from './types';

const ASSUMPTION =
  'Slack records each message’s time as an absolute moment (ts, seconds since 1970); the times here ' +
  'are in UTC, and the stated time is that raw value.';

/** Subtypes for things no person wrote. A bot's message is not one of them. */
const SYSTEM_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'group_join',
  'group_leave',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'bot_add',
  'bot_remove',
  'app_conversation_join',
  'pinned_item',
  'unpinned_item',
  'reminder_add',
  'tombstone',
  'sh_room_created',
  'huddle_thread',
  'joiner_notification_for_inviter',
  'channel_canvas_updated',
]);

const LIST_FILES = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const;

/** Whether a list of zip entry paths looks like a Slack workspace export. */
export function looksLikeSlackEntries(paths: Iterable<string>): boolean {
  const all = [...paths];
  const prefix = findRootPrefix(all);
  let users = false;
  let list = false;
  let day = false;
  for (const path of all) {
    const name = relative(path, prefix);
    if (name === 'users.json') users = true;
    else if ((LIST_FILES as readonly string[]).includes(name)) list = true;
    else if (/^[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(name)) day = true;
  }
  return (users || list) && day;
}

function relative(path: string, prefix: string): string {
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Some tools zip the export inside one top folder: the folder that holds users/channels.json. */
function findRootPrefix(paths: readonly string[]): string {
  let best: string | undefined;
  for (const p of paths) {
    if (p.startsWith('__MACOSX/')) continue;
    const m = /^(.*\/)?(?:users|channels|groups|dms|mpims)\.json$/.exec(p);
    if (m && (best === undefined || (m[1] ?? '').length < best.length)) best = m[1] ?? '';
  }
  return best ?? '';
}

interface ConversationInfo {
  id?: string;
  name: string;
  folder: string;
  members: string[];
  kind: 'channel' | 'private channel' | 'group DM' | 'DM';
}

/** People by user id: the name to show and the display name. */
type Users = Map<string, { name: string; handle?: string }>;

/**
 * Reads a Slack export from its unzipped entries (path → decoded text). Entries that are not
 * JSON, or not Slack's, are skipped with a warning. Never throws.
 */
export function parseSlack(entries: ReadonlyMap<string, string>): ChatParseResult {
  try {
    return parseSlackUnsafe(entries);
  } catch (error) {
    return {
      ok: false,
      reason: `The Slack export could not be read: ${errorMessage(error)}`,
    };
  }
}

function parseSlackUnsafe(entries: ReadonlyMap<string, string>): ChatParseResult {
  const paths = [...entries.keys()].filter((p) => !p.startsWith('__MACOSX/'));
  const rootPrefix = findRootPrefix(paths);
  const stripRoot = (path: string) => relative(path, rootPrefix);
  const warnings: string[] = [];
  const unreadable: string[] = [];

  const readJson = (name: string): unknown => {
    const text = entries.get(rootPrefix + name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      unreadable.push(name);
      return undefined;
    }
  };

  const users: Users = new Map();
  for (const u of arr(readJson('users.json')).filter(isObject)) addUser(users, u);

  const infos: ConversationInfo[] = [];
  const byFolder = new Map<string, ConversationInfo>();
  const addInfo = (info: ConversationInfo) => {
    if (byFolder.has(info.folder)) return;
    byFolder.set(info.folder, info);
    infos.push(info);
  };
  const listed: Record<(typeof LIST_FILES)[number], ConversationInfo['kind']> = {
    'channels.json': 'channel',
    'groups.json': 'private channel',
    'mpims.json': 'group DM',
    'dms.json': 'DM',
  };
  for (const file of LIST_FILES) {
    for (const c of arr(readJson(file)).filter(isObject)) {
      const id = str(c.id);
      const name = str(c.name);
      const members = arr(c.members)
        .map(str)
        .filter((m): m is string => m !== undefined);
      const kind = listed[file];
      // Slack names DM folders by the conversation id, channel folders by the channel name.
      const folder = kind === 'DM' ? (id ?? name) : (name ?? id);
      if (folder === undefined) continue;
      const shown =
        kind === 'DM' || kind === 'group DM'
          ? `${kind === 'DM' ? 'DM' : 'Group DM'}: ${members.map((m) => users.get(m)?.name ?? m).join(', ') || (name ?? folder)}`
          : `#${name ?? folder}`;
      const info: ConversationInfo = { name: shown, folder, members, kind };
      if (id !== undefined) info.id = id;
      addInfo(info);
    }
  }

  // Day files, grouped by folder.
  const days = new Map<string, string[]>();
  for (const path of paths) {
    const rel = stripRoot(path);
    const m = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/.exec(rel);
    if (!m) continue;
    const folder = m[1]!;
    let list = days.get(folder);
    if (!list) days.set(folder, (list = []));
    list.push(rel);
  }
  const unlisted: string[] = [];
  for (const folder of days.keys()) {
    if (!byFolder.has(folder)) {
      unlisted.push(folder);
      addInfo({ name: `#${folder}`, folder, members: [], kind: 'channel' });
    }
  }

  const conversations: ParsedConversation[] = [];
  let notMessages = 0;
  for (const info of infos) {
    const files = (days.get(info.folder) ?? []).sort();
    const raws: JsonObject[] = [];
    for (const file of files) {
      const value = readJson(file);
      if (value === undefined) continue;
      if (!Array.isArray(value)) {
        unreadable.push(file);
        continue;
      }
      for (const item of value) {
        if (isObject(item) && item.ts !== undefined) raws.push(item);
        else notMessages += 1;
      }
    }
    // Day files are in time order already; sort stably in case a tool merged them.
    const keyed = raws.map((raw, index) => ({ raw, index, t: num(raw.ts) ?? 0 }));
    keyed.sort((x, y) => x.t - y.t || x.index - y.index);
    const messages = keyed.map(({ raw }, seq) => readMessage(raw, seq, users));
    const participants: string[] = [];
    const seen = new Set<string>();
    for (const id of info.members) {
      const name = users.get(id)?.name ?? id;
      if (!seen.has(name)) {
        seen.add(name);
        participants.push(name);
      }
    }
    for (const m of messages) {
      // People only: integrations post as bots without a user.
      const bot = m.extra?.bot === true && !/^[UW]/.test(m.senderId ?? '');
      if (m.sender !== undefined && !m.system && !bot && !seen.has(m.sender)) {
        seen.add(m.sender);
        participants.push(m.sender);
      }
    }
    const conversation: ParsedConversation = { name: info.name, participants, messages };
    if (info.id !== undefined) conversation.exportId = info.id;
    linkReplies(conversation);
    conversations.push(conversation);
  }

  if (users.size === 0) {
    warnings.push('The export has no users.json: senders are shown by their Slack user ids.');
  }
  if (unlisted.length > 0) {
    warnings.push(
      `${plural(unlisted.length, 'folder')} of messages ${unlisted.length === 1 ? 'is' : 'are'} not in channels.json, groups.json, mpims.json or dms.json (${examples(unlisted)}); ${unlisted.length === 1 ? 'it was' : 'they were'} read as channels named after the folder.`,
    );
  }
  if (unreadable.length > 0) {
    warnings.push(
      `${plural(unreadable.length, 'file')} could not be read as Slack JSON and ${unreadable.length === 1 ? 'was' : 'were'} skipped (${examples(unreadable)}).`,
    );
  }
  if (notMessages > 0) {
    warnings.push(
      `${plural(notMessages, 'entry', 'entries')} in day files ${notMessages === 1 ? 'was' : 'were'} not a message and ${notMessages === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  if (conversations.length === 0) {
    return {
      ok: false,
      reason: 'This Slack export has no conversations: no channel folder with day files was found.',
    };
  }

  const chat: ParsedChat = {
    format: 'slack-export',
    conversations,
    timeZone: { zone: 'UTC', assumption: ASSUMPTION },
    warnings,
  };
  return { ok: true, chat };
}

/**
 * Reads one loose Slack day file (a JSON array of messages, outside its export): one conversation
 * named after the file, senders by user id unless the messages carry their profiles.
 */
export function parseSlackMessages(conversationName: string, value: unknown): ChatParseResult {
  if (!looksLikeSlackMessages(value)) {
    return { ok: false, reason: 'This JSON is not a list of Slack messages.' };
  }
  const users: Users = new Map();
  const messages = (value as unknown[])
    .filter(isObject)
    .map((raw, seq) => readMessage(raw, seq, users));
  const conversation: ParsedConversation = {
    name: conversationName,
    participants: [...new Set(messages.filter((m) => !m.system && m.sender).map((m) => m.sender!))],
    messages,
  };
  linkReplies(conversation);
  return {
    ok: true,
    chat: {
      format: 'slack-export',
      conversations: [conversation],
      timeZone: { zone: 'UTC', assumption: ASSUMPTION },
      warnings: [
        'This is one day file of a Slack export, without users.json: senders without a profile in the file are shown by their Slack user ids. Import the whole export .zip to get names.',
      ],
    },
  };
}

/** Whether a parsed JSON value is a list of Slack messages (a day file). */
export function looksLikeSlackMessages(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first = value.find(isObject);
  return (
    !!first &&
    first.type === 'message' &&
    typeof first.ts === 'string' &&
    /^\d+\.\d+$/.test(first.ts)
  );
}

/**
 * "1614596400.000200" → "2021-03-01T11:00:00Z". The digits after the dot keep messages of the same
 * second apart (they are not a fraction to round), so only their first three are read, as ms.
 */
function isoFromSlackTs(ts: string): string | undefined {
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(ts);
  if (!m) return undefined;
  const ms = Number(m[1]) * 1000 + Number((m[2] ?? '').slice(0, 3).padEnd(3, '0'));
  return isoFromEpochMs(ms);
}

function addUser(users: Users, u: JsonObject): void {
  const id = str(u.id);
  if (id === undefined) return;
  const profile = isObject(u.profile) ? u.profile : {};
  const real = str(profile.real_name) ?? str(u.real_name);
  const display = str(profile.display_name) ?? str(u.name);
  const name = real ?? display ?? id;
  const entry: { name: string; handle?: string } = { name };
  if (display !== undefined) entry.handle = display;
  users.set(id, entry);
}

function nameOf(users: Users, id: string): string {
  return users.get(id)?.name ?? id;
}

function readMessage(raw: JsonObject, seq: number, users: Users): ParsedMessage {
  const ts = str(raw.ts) ?? '';
  const subtype = str(raw.subtype);
  const extra: Record<string, unknown> = {};
  const links: { text: string; href: string }[] = [];

  // Profiles carried by the message fill in users missing from users.json.
  const userId = str(raw.user);
  if (userId !== undefined && !users.has(userId) && isObject(raw.user_profile)) {
    addUser(users, { id: userId, profile: raw.user_profile, name: raw.user_profile.name });
  }

  let text = slackText(str(raw.text) ?? '', users, links);
  // Bots (integrations) often say everything in legacy attachments.
  const legacy = arr(raw.attachments).filter(isObject);
  if (legacy.length > 0) {
    const parts = legacy.map((a) => {
      const pieces = [str(a.pretext), str(a.title), str(a.text)].filter(
        (p): p is string => p !== undefined,
      );
      const said = pieces.length > 0 ? pieces.join('\n') : (str(a.fallback) ?? '');
      return slackText(said, users, links);
    });
    const said = parts.filter((p) => p.length > 0).join('\n\n');
    if (text.trim() === '' && said.length > 0) text = said;
    else if (said.length > 0) extra.attachmentText = said;
    const titleLinks = legacy
      .map((a) => str(a.title_link) ?? str(a.from_url))
      .filter((u): u is string => u !== undefined);
    for (const href of titleLinks) links.push({ text: href, href });
  }

  const message: ParsedMessage = {
    seq,
    exportId: ts,
    sentAtStated: ts,
    text,
    system: subtype !== undefined && SYSTEM_SUBTYPES.has(subtype),
    attachments: [],
  };
  const iso = isoFromSlackTs(ts);
  if (iso !== undefined) message.sentAt = iso;

  if (userId !== undefined) {
    message.senderId = userId;
    message.sender = nameOf(users, userId);
  } else {
    const bot =
      str(raw.username) ?? (isObject(raw.bot_profile) ? str(raw.bot_profile.name) : undefined);
    if (bot !== undefined) message.sender = bot;
    const botId = str(raw.bot_id);
    if (botId !== undefined) {
      message.senderId = botId;
      if (message.sender === undefined) message.sender = `bot ${botId}`;
    }
  }
  if (subtype === 'bot_message' || raw.bot_id !== undefined) extra.bot = true;
  if (subtype !== undefined) extra.subtype = subtype;

  const threadTs = str(raw.thread_ts);
  if (threadTs !== undefined && threadTs !== ts) {
    message.replyToExportId = threadTs;
  }
  if (threadTs !== undefined) extra.threadTs = threadTs;
  const replyCount = num(raw.reply_count);
  if (replyCount !== undefined) extra.replyCount = replyCount;

  if (isObject(raw.edited)) {
    message.edited = true;
    const editedTs = str(raw.edited.ts);
    if (editedTs !== undefined) message.editedAtStated = editedTs;
  }

  const files = [...arr(raw.files), ...(isObject(raw.file) ? [raw.file] : [])].filter(isObject);
  const seenFiles = new Set<string>();
  for (const f of files) {
    const id = str(f.id) ?? '';
    if (id && seenFiles.has(id)) continue;
    seenFiles.add(id);
    if (f.mode === 'tombstone' || f.mode === 'hidden_by_limit') {
      message.attachments.push({
        name: str(f.name) ?? 'file (deleted)',
        kind: 'file',
        omitted: true,
      });
      continue;
    }
    const name = str(f.name) ?? str(f.title) ?? (id || 'file');
    const attachment: ParsedAttachment = {
      name: fileNameOf(name),
      kind: attachmentKindOf(name, str(f.mimetype)),
      // The export links to Slack's servers; the file itself is not in it.
      omitted: true,
    };
    message.attachments.push(attachment);
    // The permalink has no access token (url_private links may carry one: never kept).
    const permalink = str(f.permalink);
    if (permalink !== undefined) links.push({ text: name, href: permalink });
  }
  if (subtype === 'file_comment' && isObject(raw.comment)) {
    const commenter = str(raw.comment.user);
    if (commenter !== undefined) {
      message.senderId = commenter;
      message.sender = nameOf(users, commenter);
    }
  }

  const reactions = arr(raw.reactions).filter(isObject);
  if (reactions.length > 0) {
    extra.reactions = reactions.map((r) => ({
      emoji: str(r.name) ?? '',
      count: num(r.count) ?? arr(r.users).length,
      by: arr(r.users)
        .map(str)
        .filter((u): u is string => u !== undefined)
        .map((u) => nameOf(users, u)),
    }));
  }
  const inviter = str(raw.inviter);
  if (inviter !== undefined) extra.invitedBy = nameOf(users, inviter);
  if (links.length > 0) extra.links = links;
  if (Object.keys(extra).length > 0) message.extra = extra;
  return message;
}

/**
 * Slack's message markup to plain text: `<@U123>` → `@Name`, `<#C1|general>` → `#general`,
 * `<!here>` → `@here`, `<url|label>` → `label` (the link kept in `links`), `&lt;` → `<`.
 */
export function slackText(
  text: string,
  users: Users,
  links?: { text: string; href: string }[],
): string {
  if (text.indexOf('<') === -1 && text.indexOf('&') === -1) return text;
  const replaced = text.replace(/<([^<>\n]*)>/g, (all, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? undefined : inner.slice(bar + 1);
    const first = target.charAt(0);
    if (first === '@') {
      const id = target.slice(1);
      return `@${label ?? nameOf(users, id)}`;
    }
    if (first === '#') return `#${label ?? target.slice(1)}`;
    if (first === '!') {
      const word = target.slice(1);
      if (word.startsWith('subteam^')) return label ?? '@group';
      if (word.startsWith('date^')) return label ?? word;
      return `@${label ?? word}`;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      const shown = unescapeEntities(label ?? target.replace(/^(?:mailto|tel):/, ''));
      if (links) links.push({ text: shown, href: unescapeEntities(target) });
      return shown;
    }
    return all;
  });
  return unescapeEntities(replaced);
}

function unescapeEntities(text: string): string {
  return text.indexOf('&') === -1
    ? text
    : text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
