import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';

/** Columns whose items are dated articles with bodies per language. */
export type ArticleColumn = 'news' | 'notices' | 'interpretations';
export type Article = CollectionEntry<'news'> | CollectionEntry<'notices'> | CollectionEntry<'interpretations'>;

const byNewest = (a: Article, b: Article) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id);

/** A column's articles, newest first. */
export async function listArticles<C extends ArticleColumn>(column: C): Promise<CollectionEntry<C>[]> {
  const items = (await getCollection(column)) as CollectionEntry<C>[];
  return items.sort(byNewest);
}

/** The Markdown body of one edition of an item, ready for `render()`. */
export async function getBody(collection: ArticleColumn | 'pages' | 'policies', slug: string, lang: Locale) {
  const body = await getEntry(`${collection}Bodies`, `${slug}/${lang}`);
  if (!body) throw new Error(`content/${collection}/${slug}/body/${lang}.md is missing: every edition in index.yaml needs its body`);
  return body;
}

/** Site settings: the statutory footer, the site's codes and names. */
export async function getSettings() {
  const settings = await getEntry('settings', 'site');
  if (!settings) throw new Error('content/settings/site.yaml is missing');
  return settings.data;
}
export type Settings = Awaited<ReturnType<typeof getSettings>>;

/** Departments in their official order. */
export async function listDepartments() {
  return (await getCollection('departments')).sort((a, b) => a.data.order - b.data.order);
}

/** Pages (概况, 机构职能…) in menu order. */
export async function listPages() {
  return (await getCollection('pages')).sort((a, b) => a.data.order - b.data.order);
}

export async function listLeaders() {
  return (await getCollection('leaders')).sort((a, b) => a.data.order - b.data.order);
}
