/** The services built into the server, as the application routes and the back office need them. */
import { listServices, type Service } from '../../content/services.ts';
import { chooseEdition } from '../../lib/editions.ts';
import { appliesOnline } from '../../lib/services/guide.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { ServiceForApplication } from './submit-application.ts';

export async function findService(code: string): Promise<Service | undefined> {
  return (await listServices()).find((s) => s.id === code);
}

/** A service that takes applications online, with its form; undefined for any other code. */
export async function serviceForApplication(code: string): Promise<ServiceForApplication | undefined> {
  const s = await findService(code);
  if (!s || !s.data.form || !appliesOnline(s.data.onlineDepth)) return undefined;
  return { code: s.id, department: s.data.department.id, promisedDays: s.data.promisedDays, title: s.data.zh.title, definition: s.data.form };
}

/** Service codes and their names in the reader's language. */
export async function serviceNames(locale: Locale): Promise<Map<string, string>> {
  return new Map((await listServices()).map((s) => [s.id, chooseEdition(s.data, locale).edition.title]));
}
