/**
 * The three Markdown bodies of a folder item, `body/zh.md`, `body/ug.md` and `body/en.md`:
 * Keystatic writes every content field other than the collection's `contentField` to
 * `<field path><extension>`, so an object of three content fields gives exactly our files.
 * A missing body is read as empty and an empty one is deleted by the server on save.
 */
import { fields } from '@keystatic/core';
import { uyghurContent } from './right-to-left.ts';

export const bodies = () =>
  fields.object(
    {
      zh: fields.mdx({ label: '正文（中文）', extension: 'md' }),
      ug: uyghurContent(fields.mdx({ label: 'تېكىست（维吾尔文正文）', extension: 'md' })),
      en: fields.mdx({ label: 'Body（英文正文）', extension: 'md' }),
    },
    { label: '正文' },
  );
