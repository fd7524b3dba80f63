import { posix } from 'node:path';
import { markdownRefs } from './markdown-refs.ts';
import { editionsOf, type ContentSet, type Finding } from './types.ts';

/**
 * Images have alt text in every edition that exists (WCAG 1.1.1, in all three languages):
 * - a cover `image` needs `<lang>.imageAlt` in zh and in each ug/en edition present, and the
 *   file beside index.yaml;
 * - a leader's `photo` takes its alt from the edition's `name` ("photo of …", LeaderList), which
 *   the schema already requires; only the file is checked;
 * - a picture in a body (`![alt](../name.jpg)` or `<img>`) needs non-empty alt in that body, and
 *   its file in the item's folder (relative to body/, as the build resolves it).
 */
export function checkImages(set: ContentSet): Finding[] {
  const findings: Finding[] = [];
  for (const item of set.items) {
    for (const field of ['image', 'photo']) {
      const src = item.data[field];
      if (typeof src !== 'string') continue;
      const name = posix.normalize(src);
      if (!item.files.has(name)) findings.push({ file: item.file, field, message: `${src} is not beside index.yaml` });
      if (field !== 'image') continue;
      for (const lang of editionsOf(item.data)) {
        const alt = (item.data[lang] as Record<string, unknown>).imageAlt;
        if (typeof alt !== 'string' || !alt.trim()) findings.push({ file: item.file, field: `${lang}.imageAlt`, message: `the ${lang} edition has no alt text for ${src}` });
      }
    }
    for (const body of item.bodies) {
      for (const ref of markdownRefs(body.text).filter((r) => r.kind === 'image')) {
        if (!ref.text.trim()) findings.push({ file: body.file, field: `line ${ref.line}`, message: `image ${ref.href} has no alt text` });
        if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(ref.href)) continue;
        const inFolder = posix.normalize(posix.join('body', ref.href));
        if (inFolder.startsWith('..') || !item.files.has(inFolder)) findings.push({ file: body.file, field: `line ${ref.line}`, message: `image ${ref.href} is not in the item's folder` });
      }
    }
  }
  return findings;
}
