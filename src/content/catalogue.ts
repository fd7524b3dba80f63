import { getCollection } from 'astro:content';
import { facetValues, type Allowed, type Facet, type FilterableDocument } from '../lib/catalogue-filter.ts';
import { chooseEdition } from '../lib/editions.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translate.ts';
import { beijingYear, listPolicies, type Policy } from './disclosure.ts';
import { listDepartments } from './queries.ts';

/** A catalogue entry with the facts the filters look at. */
export type CatalogueDoc = FilterableDocument & { policy: Policy };

/** The whole catalogue as filterable documents, newest first, and the facet values in it. */
let loaded: Promise<{ docs: CatalogueDoc[]; allowed: Allowed }> | undefined;
export function loadCatalogue(): Promise<{ docs: CatalogueDoc[]; allowed: Allowed }> {
  return (loaded ??= loadCatalogueOnce());
}
async function loadCatalogueOnce(): Promise<{ docs: CatalogueDoc[]; allowed: Allowed }> {
  const topics = new Map((await getCollection('topics')).map((t) => [t.id, t]));
  const docs = (await listPolicies()).map((policy) => ({
    id: policy.id,
    department: policy.data.department.id,
    topic: policy.data.topic.id,
    topicParent: topics.get(policy.data.topic.id)?.data.parent?.id,
    genre: policy.data.genre.id,
    year: beijingYear(policy.data.published),
    validity: policy.data.validity,
    published: policy.data.published,
    policy,
  }));
  return { docs, allowed: facetValues(docs) };
}

export interface FacetOption { value: string; label: string; lang: Locale }

/**
 * The choices of every facet in the reader's language, in a sensible order: departments
 * and topics and genres in their official order, years newest first.
 */
export async function facetOptions(locale: Locale, t: Translate, allowed: Allowed): Promise<Record<Facet, FacetOption[]>> {
  const named = <T extends { id: string; data: { order: number; name: { zh: string; ug?: string | undefined; en?: string | undefined } } }>(items: T[]) =>
    items
      .sort((a, b) => a.data.order - b.data.order)
      .map((i) => {
        const { edition, lang } = chooseEdition(i.data.name, locale);
        return { value: i.id, label: edition, lang };
      });
  const departments = (await listDepartments()).map((d) => {
    const { edition, lang } = chooseEdition(d.data, locale);
    return { value: d.id, label: edition.name, lang };
  });
  const present = (facet: Facet) => (o: FacetOption) => allowed[facet].has(o.value);
  return {
    department: departments.filter(present('department')),
    topic: named(await getCollection('topics')).filter(present('topic')),
    genre: named(await getCollection('genres')).filter(present('genre')),
    year: [...allowed.year].sort((a, b) => Number(b) - Number(a)).map((y) => ({ value: y, label: y, lang: locale })),
    validity: (['valid', 'amended', 'repealed', 'expired'] as const).filter((v) => allowed.validity.has(v)).map((v) => ({ value: v, label: t(`validity.${v}`), lang: locale })),
  };
}
