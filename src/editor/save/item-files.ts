/**
 * Which files a save may write, by path: the rules of an item's folder as Keystatic sees it.
 */
import { yamlOfItem, type ItemRef } from '../../lib/editorial/item-paths.ts';
import type { Update } from './update-request.ts';

/** A body: `body/<lang>.md` of a folder item. */
export const isBody = (path: string) => /\/body\/(zh|ug|en)\.md$/.test(path);

/**
 * Our bodies show pictures kept beside the item (`![…](../photo.jpg)`). Keystatic's Markdown
 * editor cannot hold them: it reads the picture as `body/<lang>/../photo.jpg`, asks to delete
 * that path on every save, and writes an edited body with the picture turned into text. When
 * the body itself is not being written (nobody edited it), the deletion is Keystatic's misreading
 * and is dropped; when it is, the save would lose the picture and is refused.
 */
export const BODY_IMAGE = /\/body\/(zh|ug|en)\/\.\.\/[^/]+$/;

export function bodyImagesMisread(update: Update): 'none' | 'untouched' | 'edited' {
  const langs = update.deletions.map((path) => BODY_IMAGE.exec(path)?.[1]).filter((lang) => lang !== undefined);
  if (langs.length === 0) return 'none';
  const written = (lang: string) => update.additions.some((a) => a.path.endsWith(`/body/${lang}.md`));
  return langs.some(written) ? 'edited' : 'untouched';
}

/**
 * The files an item may hold: its YAML, its bodies, pictures beside it and downloads under
 * `files/`. Everything in `files/` is published under the portal's own address, so a page or a
 * script uploaded there would run as the portal: only the kinds the portal publishes are taken.
 */
const PICTURE = /^[a-z0-9][a-z0-9._-]*\.(jpe?g|png|webp|avif|gif)$/;
const DOWNLOAD = /^files\/[a-z0-9][a-z0-9._-]*\.(pdf|docx|xlsx|doc|xls|zip|ofd)$/;
export function isPublishableFile(ref: ItemRef, path: string): boolean {
  const yaml = yamlOfItem(ref);
  if (path === yaml) return true;
  if (!yaml.endsWith('/index.yaml')) return false;
  const inFolder = path.slice(yaml.length - 'index.yaml'.length);
  return /^body\/(zh|ug|en)\.md$/.test(inFolder) || PICTURE.test(inFolder) || DOWNLOAD.test(inFolder);
}
