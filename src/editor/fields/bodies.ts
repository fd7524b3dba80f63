/**
 * The three Markdown bodies of a folder item, `body/zh.md`, `body/ug.md` and `body/en.md`:
 * Keystatic writes every content field other than the collection's `contentField` to
 * `<field path><extension>`, so an object of three content fields gives exactly our files.
 * A missing body is read as empty and an empty one is deleted by the server on save.
 */
import { fields, type ContentFormField } from '@keystatic/core';
import { uyghurContent } from './right-to-left.ts';

/**
 * A body nobody edited is written back as it was read. Keystatic's Markdown writer does not
 * reproduce our files (loose lists become tight, bare e-mail addresses become links, tables are
 * padded, a picture beside the item becomes text), so without this every save of an item would
 * rewrite all its bodies. The editor keeps the value it parsed until the text is changed.
 */
export function keepUntouched<P extends {} | null, V extends P, R>(field: ContentFormField<P, V, R>): ContentFormField<P, V, R> {
  const read = new WeakMap<object, Uint8Array>();
  return {
    ...field,
    parse(value, args) {
      const parsed = field.parse(value, args);
      if (parsed && typeof parsed === 'object' && args.content) read.set(parsed, args.content);
      return parsed;
    },
    serialize(value, extra) {
      const out = field.serialize(value, extra);
      const original = value && typeof value === 'object' ? read.get(value) : undefined;
      return original ? { ...out, content: original } : out;
    },
  };
}

const body = (label: string) => keepUntouched(fields.mdx({ label, extension: 'md' }));

export const bodies = () =>
  fields.object(
    {
      zh: body('正文（中文）'),
      ug: uyghurContent(body('تېكىست（维吾尔文正文）')),
      en: body('Body（英文正文）'),
    },
    { label: '正文' },
  );
