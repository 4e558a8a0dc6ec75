// Markdown built from document text must stay text: no links, images, HTML or command: URIs.
import type { Span } from '../core/types';

/** Escapes text so Markdown renders it literally (including autolink-looking schemes and bare domains). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+\-.!|~"'&:=@$%]/g, '\\$&')
    .replace(/\r?\n|\r/g, ' ');
}

/** How long a name (a speaker, a source as written) may be wherever it is shown: an extractor can take a whole run of capitalised words. */
export const NAME_MAX = 80;

/** Shortens long passages for display; counts code points so surrogate pairs are never split. */
export function clip(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
}

/**
 * Escaped Markdown of a passage with the given spans in bold, whitespace folded and cut to about
 * `max` characters around the first emphasised word.
 */
export function emphasise(text: string, spans: readonly Span[], max = 240): string {
  const first = spans[0]?.start ?? 0;
  let from = Math.max(0, Math.min(first - 40, text.length - max));
  let to = Math.min(text.length, from + max);
  if (from > 0) from = snap(text, from, 1);
  if (to < text.length) to = snap(text, to, -1);
  let out = from > 0 ? '… ' : '';
  let at = from;
  for (const s of spans) {
    if (s.end <= at || s.start >= to) continue;
    const start = Math.max(s.start, at);
    const end = Math.min(s.end, to);
    out += flat(text.slice(at, start)) + `**${flat(text.slice(start, end))}**`;
    at = end;
  }
  out += flat(text.slice(at, to)) + (to < text.length ? ' …' : '');
  return out.trim();
}

const flat = (s: string) => escapeMarkdown(s.replace(/\s+/g, ' '));

// Moves a cut to a word boundary so no word (and no surrogate pair) is split.
function snap(text: string, at: number, dir: 1 | -1): number {
  let i = at;
  while (i > 0 && i < text.length && !/\s/.test(text[i])) i += dir;
  return i;
}

const SAFE_URI = /^[A-Za-z0-9\-._~:/%@,;=+]*$/;

/** A link target that only ever opens a file at a line: null for any other scheme; every character Markdown reads is encoded. */
export function fileLink(uri: string, line: number): string | null {
  if (!/^(file|untitled):/i.test(uri)) return null;
  // Most document URIs are already encoded (as editors send them): nothing to do character by character.
  if (SAFE_URI.test(uri)) return `${uri}#L${line + 1}`;
  const utf8 = new TextEncoder();
  const safe = Array.from(uri, (c) =>
    /[A-Za-z0-9\-._~:/%@,;=+]/.test(c) ? c : [...utf8.encode(c)].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  ).join('');
  return `${safe}#L${line + 1}`;
}
