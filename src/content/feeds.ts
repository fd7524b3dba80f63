import rss, { type RSSFeedItem } from '@astrojs/rss';
import { htmlLang, textDirection, type Locale } from '../i18n/locales.ts';
import { localeHref } from '../i18n/paths.ts';
import { localeStaticPaths } from '../i18n/static-paths.ts';
import { useTranslations } from '../i18n/translate.ts';
import { isolateLtrRuns } from '../lib/bidi.ts';
import { chooseEdition, type Multilingual } from '../lib/editions.ts';
import { listInterpretations, listPolicies } from './disclosure.ts';
import { getSettings, listArticles } from './queries.ts';

/** The columns that have an RSS feed at `/<locale>/<column>/rss.xml`. */
export type FeedColumn = 'news' | 'notices' | 'policies' | 'interpretations';

/** Readers want what is new; older items stay on the column pages. */
export const FEED_SIZE = 50;

interface FeedSource {
  id: string;
  data: Multilingual<{ title: string; summary?: string | undefined }> & { published: Date };
}

/** Every column's items, newest first. */
const sources: Record<FeedColumn, () => Promise<FeedSource[]>> = {
  news: () => listArticles('news'),
  notices: () => listArticles('notices'),
  policies: listPolicies,
  interpretations: listInterpretations,
};

/** getStaticPaths of a feed endpoint: one feed per locale. */
export const feedStaticPaths = localeStaticPaths;

/**
 * The RSS 2.0 feed of a column in one locale: the newest items, each in the reader's
 * language or, where that edition is missing, in Chinese (marked with `dc:language`).
 * Left-to-right runs in Uyghur text are isolated, as in `<title>` (src/lib/bidi.ts).
 */
export async function columnFeed(column: FeedColumn, locale: Locale, site: URL): Promise<Response> {
  const t = useTranslations(locale);
  const settings = (await getSettings())[locale];
  const dir = textDirection(htmlLang[locale]);
  const plain = (s: string) => isolateLtrRuns(s, dir);
  const items = (await sources[column]()).slice(0, FEED_SIZE).map((item): RSSFeedItem => {
    const { edition, lang, fallback } = chooseEdition(item.data, locale);
    return {
      title: plain(edition.title),
      link: new URL(localeHref(locale, `/${column}/${item.id}/`), site).href,
      pubDate: item.data.published,
      description: edition.summary && plain(edition.summary),
      customData: fallback ? `<dc:language>${htmlLang[lang]}</dc:language>` : undefined,
    };
  });
  return rss({
    title: plain(`${t(`column.${column}`)} - ${settings.siteName}`),
    description: plain(settings.description),
    site: new URL(localeHref(locale, `/${column}/`), site),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${htmlLang[locale]}</language>`,
    items,
  });
}
