import { locales } from '../i18n/locales.ts';
import { paginate } from '../lib/pagination.ts';
import { listArticles, type Article, type ArticleColumn } from './queries.ts';

/** Static paths of every article page of a column in every locale, with its neighbours. */
export async function articlePaths(column: ArticleColumn) {
  const items = await listArticles(column);
  return locales.flatMap((locale) =>
    items.map((item, i) => ({
      params: { locale, slug: item.id },
      props: { locale, column, item, newer: items[i - 1] as Article | undefined, older: items[i + 1] as Article | undefined },
    })),
  );
}

/** Static paths of a column's list pages after the first (`page/2/`, `page/3/`…). */
export async function columnPagePaths(column: ArticleColumn) {
  const pages = paginate(await listArticles(column));
  return locales.flatMap((locale) =>
    pages.slice(1).map((page) => ({ params: { locale, n: String(page.number) }, props: { locale, column, page } })),
  );
}

/** Static paths of a column's first list page in every locale. */
export async function columnFirstPagePaths(column: ArticleColumn) {
  const [first] = paginate(await listArticles(column));
  return locales.map((locale) => ({ params: { locale }, props: { locale, column, page: first! } }));
}
