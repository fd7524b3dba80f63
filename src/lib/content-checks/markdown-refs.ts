/** A link or image found in Markdown (or in a YAML string), with its line. */
export interface Ref { kind: 'link' | 'image'; text: string; href: string; line: number }

// [text](href "title") and ![alt](src "title"); <href> in angle brackets allowed.
const INLINE = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
// [label]: href
const DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
// Raw HTML: <a href="…">, <img src="…" alt="…">
const HTML_ATTR = /<(a|img)\b([^>]*)>/gi;
// A portal path written out in running text: /zh/…, /files/…
const BARE_PATH = /(?:^|[\s(（"'“《])(\/(?:zh|ug|en|files)\/[^\s)）"'”》<>，。、；]*)/g;

/** The links and images of a Markdown text. */
export function markdownRefs(text: string): Ref[] {
  const refs: Ref[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    for (const m of line.matchAll(INLINE)) refs.push({ kind: m[1] ? 'image' : 'link', text: m[2]!, href: m[3]!, line: n + 1 });
    const def = DEFINITION.exec(line);
    if (def) refs.push({ kind: 'link', text: '', href: def[1]!, line: n + 1 });
    for (const m of line.matchAll(HTML_ATTR)) {
      const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(m[2]!);
      const isImage = m[1]!.toLowerCase() === 'img';
      const target = attr(isImage ? 'src' : 'href');
      if (!target) continue;
      const alt = attr('alt');
      refs.push({ kind: isImage ? 'image' : 'link', text: isImage ? (alt?.[2] ?? alt?.[3] ?? '') : '', href: target[2] ?? target[3] ?? '', line: n + 1 });
    }
  }
  return refs;
}

/** Links in a YAML string: Markdown links, and portal paths written out. */
export function textRefs(text: string): Ref[] {
  const refs = markdownRefs(text).filter((r) => r.kind === 'link');
  const linked = new Set(refs.map((r) => r.href));
  for (const m of text.matchAll(BARE_PATH)) if (!linked.has(m[1]!)) refs.push({ kind: 'link', text: '', href: m[1]!, line: 1 });
  return refs;
}
