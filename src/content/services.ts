import { existsSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { attachmentSource } from '../integrations/content-files.ts';
import { appliesOnline, SERVICE_CODE, type Audience } from '../lib/services/guide.ts';
import { chooseEdition } from '../lib/editions.ts';
import type { Locale } from '../i18n/locales.ts';
import { listDepartments } from './queries.ts';

export type Service = CollectionEntry<'services'>;
export type LifeEvent = CollectionEntry<'lifeEvents'>;

let checked: Promise<Service[]> | undefined;

/**
 * Every service guide, in service-code order. The first call stops the build, naming the file,
 * on a folder that is not a 12-digit service code and on a blank form or sample that is listed
 * but not in the guide's files/ folder (a download that would not resolve).
 */
export function listServices(): Promise<Service[]> {
  checked ??= (async () => {
    const services = (await getCollection('services')).sort((a, b) => a.id.localeCompare(b.id));
    const problems = services.flatMap((s) => {
      const where = `content/services/${s.id}/index.yaml`;
      const found: string[] = [];
      if (!SERVICE_CODE.test(s.id)) found.push(`${where}: the folder name "${s.id}" must be the 12-digit service code (事项编码)`);
      for (const m of s.data.materials) {
        for (const file of [m.blank, m.sample]) {
          if (file && !existsSync(attachmentSource('services', s.id, file))) found.push(`${where}: material "${m.name.zh}" lists ${file}, which is not in the guide's folder`);
        }
      }
      return found;
    });
    if (problems.length) throw new Error(`Service guides with problems:\n  ${problems.join('\n  ')}`);
    return services;
  })();
  return checked;
}

/** Life events in their order, those of citizens first. */
export async function listLifeEvents(): Promise<LifeEvent[]> {
  return (await getCollection('lifeEvents')).sort((a, b) => a.data.order - b.data.order);
}

export const servicesFor = (services: Service[], audience: Audience) => services.filter((s) => s.data.audience.includes(audience));
export const servicesOfEvent = (services: Service[], event: string) => services.filter((s) => s.data.lifeEvents.some((e) => e.id === event));
export const servicesOfDepartment = (services: Service[], department: string) => services.filter((s) => s.data.department.id === department);
export const onlineServices = (services: Service[]) => services.filter((s) => appliesOnline(s.data.onlineDepth));

/** Services sorted by their title in the reader's language (Chinese by pinyin). */
export function byTitle(services: Service[], locale: Locale): Service[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN-u-co-pinyin' : locale);
  const title = (s: Service) => chooseEdition(s.data, locale).edition.title;
  return [...services].sort((a, b) => collator.compare(title(a), title(b)));
}

/** The departments that have at least one service, in their official order. */
export async function serviceDepartments() {
  const services = await listServices();
  return (await listDepartments()).filter((d) => services.some((s) => s.data.department.id === d.id));
}
