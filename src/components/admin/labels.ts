/** Names the back office shows for states, kinds, roles, departments and timeline entries. */
import { listDepartments } from '../../content/queries.ts';
import { chooseEdition } from '../../lib/editions.ts';
import type { Locale } from '../../i18n/locales.ts';
import { dictionaries, type Translate, type UiKey } from '../../i18n/translate.ts';

/** The key if the dictionary has it, else the fallback key (a state or entry type added later still shows). */
export function labelOf(t: Translate, locale: Locale, key: string, fallback: UiKey): string {
  return t((key in dictionaries[locale] ? key : fallback) as UiKey);
}

export const stateLabel = (t: Translate, locale: Locale, state: string) => labelOf(t, locale, `admin.state.${state}`, 'admin.state.unknown');
export const kindLabel = (t: Translate, locale: Locale, kind: string | null) => labelOf(t, locale, `letters.kind.${kind}`, 'admin.kind.unknown');
export const roleLabel = (t: Translate, locale: Locale, role: string) => labelOf(t, locale, `admin.role.${role}`, 'admin.role.unknown');
export const entryLabel = (t: Translate, locale: Locale, type: string) => labelOf(t, locale, `admin.entry.${type}`, 'admin.entry.unknown');

/** Department ids and their names in the reader's language. */
export async function departmentNames(locale: Locale): Promise<Map<string, string>> {
  const departments = await listDepartments();
  return new Map(departments.map((d) => [d.id, chooseEdition(d.data, locale).edition.name]));
}

/** A content collection's name (`news` → 新闻), or its folder name for a collection without one. */
export const collectionLabel = (t: Translate, locale: Locale, collection: string): string =>
  `admin.translations.collection.${collection}` in dictionaries[locale] ? t(`admin.translations.collection.${collection}` as UiKey) : collection;
