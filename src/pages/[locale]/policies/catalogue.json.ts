/**
 * The disclosure catalogue as JSON, one file per locale, for the higher-level platforms that
 * aggregate government documents. Each document is in the reader's language where it has
 * that edition, else in Chinese, and says which (`language`).
 */
import type { APIRoute } from 'astro';
import { listGenres, listPolicies, listTopics, type Policy } from '../../../content/disclosure.ts';
import { listDepartments } from '../../../content/queries.ts';
import { isoDate, pubDateTime } from '../../../i18n/format.ts';
import { htmlLang, type Locale } from '../../../i18n/locales.ts';
import { localeHref } from '../../../i18n/paths.ts';
import { localeStaticPaths } from '../../../i18n/static-paths.ts';
import { chooseEdition, type Multilingual } from '../../../lib/editions.ts';

export const getStaticPaths = localeStaticPaths;

/** Names of reference data (departments, topics, genres) by id, in one locale. */
function namesIn<N>(locale: Locale, entries: { id: string; data: N }[], name: (data: N) => Multilingual<string>) {
  const names = new Map(entries.map((e) => [e.id, chooseEdition(name(e.data), locale).edition]));
  return (id: string, of: string) => {
    const found = names.get(id);
    if (found === undefined) throw new Error(`content/policies/${of}: unknown reference "${id}"`);
    return found;
  };
}

export const GET: APIRoute<{ locale: Locale }> = async ({ props: { locale }, site }) => {
  const url = (path: string) => new URL(localeHref(locale, path), site).href;
  const policyUrl = (id: string) => url(`/policies/${id}/`);
  const publisher = namesIn(locale, await listDepartments(), (d) => ({ zh: d.zh.name, ug: d.ug?.name, en: d.en?.name }));
  const topic = namesIn(locale, await listTopics(), (t) => t.name);
  const genre = namesIn(locale, await listGenres(), (g) => g.name);
  const document = (p: Policy) => {
    const { edition, lang } = chooseEdition(p.data, locale);
    return {
      indexNumber: p.data.indexNumber,
      title: edition.title,
      summary: edition.summary ?? null,
      publisher: publisher(p.data.department.id, p.id),
      writtenDate: isoDate(p.data.written),
      publishedDate: pubDateTime(p.data.published),
      documentNumber: p.data.documentNumber ?? null,
      topic: topic(p.data.topic.id, p.id),
      genre: genre(p.data.genre.id, p.id),
      keywords: edition.keywords,
      validity: p.data.validity,
      replacedBy: p.data.replacedBy ? policyUrl(p.data.replacedBy.id) : null,
      url: policyUrl(p.id),
      language: htmlLang[lang],
    };
  };
  const documents = (await listPolicies()).map(document);
  const body = { site: site!.href, locale: htmlLang[locale], generated: new Date().toISOString(), count: documents.length, documents };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
