import type { FoundName } from './types';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const HANDLE =
  /(?<![\p{L}\p{N}_@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}_@])/gu;
const PHONE = /(?<![\p{L}\p{N}+(/])(?:\+|00|\()?\d[\d\u00a0 ().\-/]{5,20}\d(?![\p{L}\p{N}])/gu;
const ISO_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/** Trailing punctuation that ends a sentence rather than a URL. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?'")\]}>]/.test(url[end - 1] as string)) {
    const ch = url[end - 1];
    // A closing bracket stays when the URL opened one ("…/Foo_(bar)").
    if (
      ch === ')' &&
      (url.slice(0, end).match(/\(/g)?.length ?? 0) >= (url.slice(0, end).match(/\)/g)?.length ?? 0)
    )
      break;
    end -= 1;
  }
  return url.slice(0, end);
}

/** Whether a run of digits and separators reads as a phone number rather than an amount or date. */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (ISO_DATE.test(candidate.trim())) return false;
  const international = /^(\+|00|\()/.test(candidate);
  // Amounts ("40,000") have no place here: commas are not part of the pattern. A plain run of
  // digits is a phone number only when long enough to be one.
  const separated = /[\s().\-/\u00a0]/.test(candidate);
  if (!international && !separated) return digits.length >= 10;
  // Grouped like a date or a time span ("2020-04-14", "10.05.2021") is not a phone.
  if (/^\d{1,4}([-/.])\d{1,2}\1\d{1,4}$/.test(candidate)) return false;
  // A year, a slash and a number is a file or letter reference ("2020/114"), not a phone
  // ("030/1234567" is one).
  if (/^(?:19|20)\d\d\/\d+$/.test(candidate)) return false;
  return true;
}

/** Email addresses, URLs, @handles and phone numbers, as suggestions. */
export function findPatterns(text: string): FoundName[] {
  const found: FoundName[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (start: number, value: string, type: FoundName['type']) => {
    const end = start + value.length;
    if (value.length === 0 || overlaps(start, end)) return;
    taken.push([start, end]);
    found.push({ start, end, text: value, type, origin: 'pattern' });
  };
  for (const match of text.matchAll(EMAIL)) add(match.index, match[0], 'email');
  for (const match of text.matchAll(URL)) add(match.index, trimUrl(match[0]), 'other');
  for (const match of text.matchAll(HANDLE)) add(match.index, match[0], 'account');
  for (const match of text.matchAll(PHONE)) {
    const value = match[0].replace(/[\s\u00a0.\-/(]+$/, '');
    if (looksLikePhone(value)) add(match.index, value, 'phone');
  }
  return found.sort((a, b) => a.start - b.start);
}
