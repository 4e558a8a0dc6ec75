// Markdown built from document text must stay text: no links, images, HTML or command: URIs.

/** Escapes text so Markdown renders it literally (including autolink-looking schemes). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+\-.!|~"'&:=]/g, (c) => '\\' + c)
    .replace(/\r?\n|\r/g, ' ');
}

/** Shortens long passages for display; counts code points so surrogate pairs are never split. */
export function clip(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
}
