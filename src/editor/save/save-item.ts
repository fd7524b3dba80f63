/**
 * A save from the CMS: Keystatic's update request, checked and put right before Keystatic's own
 * handler writes it into the drafts tree. The steps:
 *   1. read the request: the files to write and to delete;
 *   2. find the one item they all belong to;
 *   3. check the editor may change the item, with the department it has on disk and the one
 *      the posted file gives it (nobody moves an item into or out of their department);
 *   4. put the item's YAML in canonical form, with Uyghur normalised, and check it against the
 *      content model;
 *   5. put the bodies' tables back in our form and normalise the Uyghur body; an empty body is
 *      no body: delete it (a save that would lose a body's picture is refused first);
 *   6. refuse it when someone else saved the item since this editor's page read it;
 *   7. write through Keystatic's handler;
 *   8. record the item as this editor's draft, and what the editor now has of it.
 * Keystatic shows the text of a refusal to the editor, so refusals say what to do, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEPARTMENT_COLLECTIONS, departmentInYaml, itemKey, itemOfPath, yamlOfItem, type CollectionName, type ItemRef } from '../../lib/editorial/item-paths.ts';
import { canEditContent, type Staff } from '../../lib/staff/roles.ts';
import { normalizeUyghur } from '../../lib/uyghur-normalize.ts';
import { recordSave } from '../../server/editorial/items.ts';
import type { Store } from '../../server/store/store.ts';
import { COLLECTION_LAYOUTS, contentModel, type ModelCollection } from '../../content/model/index.ts';
import { plainHelpers } from '../../content/model/helpers.ts';
import { canonicalItem } from './canonical-item.ts';
import { BODY_IMAGE, bodyImagesMisread, isBody, isPublishableFile } from './item-files.ts';
import { ourMarkdownStyle } from './markdown-style.ts';
import { unknownKeys } from './tidy.ts';
import { blobSha, type SeenVersions } from './seen-versions.ts';
import { readUpdate, updateBody, type FileWrite, type Update } from './update-request.ts';
import { asSiteReadsIt } from './yaml-style.ts';

export interface SaveContext {
  staff: Staff;
  store: Store;
  /** The drafts tree: the folder that holds the `content/` the CMS writes. */
  draftsRoot: string;
  /** Keystatic's API handler, which does the writing. */
  keystatic: (request: Request) => Promise<Response>;
  /** The editor's sign-in session and the versions of files each session has read. */
  session?: { id: string; seen: SeenVersions };
}

const model = contentModel(plainHelpers);
const modelName = (collection: string) => (Object.keys(COLLECTION_LAYOUTS) as ModelCollection[]).find((name) => COLLECTION_LAYOUTS[name].dir === collection)!;

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

const refusal = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** See src/editor/save/item-files.ts: Keystatic would turn the body's pictures into text. */
const BODY_IMAGES =
  '保存被拒绝：此条目的正文引用了条目文件夹中的图片（如 ../photo.jpg），内容编辑器目前会把这样的图片改成文字。为免图片丢失，本次保存已取消；请联系信息中心修改此条目的正文。';

/** Handles `POST /api/keystatic/update`. */
export async function saveFromKeystatic(request: Request, ctx: SaveContext): Promise<Response> {
  const posted = readUpdate(await request.json().catch(() => null));
  if (!posted) return refusal(400, '保存被拒绝：请求格式不正确。');

  const misread = bodyImagesMisread(posted);
  if (misread === 'edited') return refusal(422, BODY_IMAGES);
  const update = misread === 'untouched' ? { ...posted, deletions: posted.deletions.filter((path) => !BODY_IMAGE.test(path)) } : posted;
  const ref = oneItem(update);
  if (!ref) return refusal(400, '保存被拒绝：一次只能保存一个条目，且只能写入该条目的文件夹（更改文件夹名请联系信息中心）。');

  const odd = update.additions.find((a) => !isPublishableFile(ref, a.path));
  if (odd) return refusal(422, `保存被拒绝：${odd.path.split('/').pop()} 不是可以发布的文件。图片请用小写英文文件名的 JPG、PNG、WebP、AVIF 或 GIF；附件请用 PDF、DOCX、XLSX、DOC、XLS、ZIP 或 OFD。`);

  const yamlPath = yamlOfItem(ref);
  const onDisk = await readFile(join(ctx.draftsRoot, yamlPath), 'utf8').catch(() => null);
  const postedYaml = update.additions.find((a) => a.path === yamlPath);
  let canonical: ReturnType<typeof canonicalItem> | undefined;
  if (postedYaml) {
    try {
      canonical = canonicalItem({ posted: decoder.decode(postedYaml.contents), onDisk, schema: model[modelName(ref.collection)] });
    } catch (e) {
      return refusal(400, `保存被拒绝：${yamlPath} 不是有效的 YAML（${e instanceof Error ? e.message : String(e)}）。`);
    }
  }

  // A new item has no department before: it is created in the one it names.
  const after = departmentOf(ref, canonical ? canonical.text : onDisk);
  const before = onDisk === null ? after : departmentOf(ref, onDisk);
  if (!canEditContent(ctx.staff, before) || !canEditContent(ctx.staff, after)) return refusal(403, departmentRefusal(ctx.staff, before, after));

  if (canonical) {
    const problems = modelProblems(ref, canonical.value);
    if (problems) return refusal(422, `保存被拒绝，请改正后再保存：\n${problems}`);
  }

  const writes: FileWrite[] = [];
  const deletions = [...update.deletions];
  for (const addition of update.additions) {
    if (addition === postedYaml) writes.push({ path: addition.path, contents: encoder.encode(canonical!.text) });
    else if (!isBody(addition.path)) writes.push(addition);
    else if (addition.contents.byteLength === 0) deletions.push(addition.path);
    else {
      const body = bodyAsStored(addition);
      if (!body) return refusal(400, `保存被拒绝：${addition.path} 不是 UTF-8 文本。`);
      writes.push(body);
    }
  }

  const session = ctx.session;
  if (session) {
    const key = itemKey(ref);
    const changed = session.seen.changedSince(session.id, (path) => { const of = itemOfPath(path); return !!of && itemKey(of) === key; }, (path) => versionOnDisk(ctx.draftsRoot, path));
    if (changed.length > 0) return refusal(409, changedSince(changed));
  }

  const response = await ctx.keystatic(rewritten(request, { additions: writes, deletions }));
  if (response.ok) {
    await recordSave(ctx.store, { ref, department: after, staff: ctx.staff });
    for (const write of writes) session?.seen.saw(session.id, write.path, blobSha(write.contents));
    for (const path of deletions) session?.seen.forget(session.id, path);
  }
  return response;
}

/** A file's version in the drafts tree, null when it is not there. */
function versionOnDisk(root: string, path: string): string | null {
  try {
    return blobSha(readFileSync(join(root, path)));
  } catch {
    return null;
  }
}

function changedSince(paths: string[]): string {
  const names = paths.map((p) => p.split('/').slice(3).join('/') || p.split('/').pop()).join('、');
  return `保存被拒绝：您打开此条目之后，其他人保存了修改（${names}）。为免覆盖他们的修改，本次保存没有写入。请先复制您改动的文字，再刷新页面：编辑器会恢复您未保存的修改，点“Reset changes”（撤销修改）即可看到最新的内容，把您的修改加上后再保存。`;
}

/** An edited body in our Markdown style, Uyghur normalised; null when it is not UTF-8 text. */
function bodyAsStored(addition: FileWrite): FileWrite | null {
  let markdown: string;
  try {
    markdown = ourMarkdownStyle(decoder.decode(addition.contents));
  } catch {
    return null;
  }
  if (addition.path.endsWith('/body/ug.md')) markdown = normalizeUyghur(markdown);
  return { path: addition.path, contents: encoder.encode(markdown) };
}

/** The one item every path of the update lies in, or null. */
function oneItem(update: Update): ItemRef | null {
  const paths = [...update.additions.map((a) => a.path), ...update.deletions];
  const refs = paths.map(itemOfPath);
  if (refs.length === 0 || refs.some((r) => r === null)) return null;
  const keys = new Set(refs.map((r) => itemKey(r!)));
  return keys.size === 1 ? refs[0]! : null;
}

/** The department an item belongs to: its `department:`; none for the site's shared frame. */
function departmentOf(ref: ItemRef, yaml: string | null): string | null {
  if (!DEPARTMENT_COLLECTIONS.includes(ref.collection as CollectionName)) return null;
  return yaml === null ? null : departmentInYaml(yaml);
}

function departmentRefusal(staff: Staff, before: string | null, after: string | null): string {
  if (staff.role !== 'handler' && staff.role !== 'admin' && staff.role !== 'centre') return '保存被拒绝：您的账号不能编辑内容。';
  if (before === null && after === null) return '保存被拒绝：网站设置、部门、领导、分类和日历等公共内容由信息中心维护。';
  if (before !== null && before !== staff.department) return `保存被拒绝：此条目属于部门“${before}”，您只能编辑本部门（${staff.department}）的内容。`;
  return `保存被拒绝：不能把条目改到其他部门（“${after ?? '未填写'}”）；发布部门必须是本部门（${staff.department}）。`;
}

/** What the content model says is wrong with the item, one problem a line; null when nothing. */
function modelProblems(ref: ItemRef, value: Record<string, unknown>): string | null {
  const schema = model[modelName(ref.collection)];
  const unknown = unknownKeys(schema, value).map((path) => `${path}: 不是此类内容的字段`);
  const parsed = schema.safeParse(asSiteReadsIt(value));
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '（整体）'}: ${i.message}`);
  const all = [...unknown, ...issues];
  return all.length > 0 ? all.slice(0, 10).join('\n') : null;
}

/** The request with the checked files in place of the posted ones, for Keystatic's handler. */
function rewritten(request: Request, update: Update): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: 'POST', headers, body: updateBody(update) });
}
