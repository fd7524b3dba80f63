/**
 * The reader's-language message for a problem that validateSubmission found in a field of a
 * service's online form: `services.problem.<code>` filled in with the field's label and limits.
 */
import { formatDate, formatFileSize, formatList, formatNumber } from '../../i18n/format.ts';
import { useTranslations } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { FormField } from '../../lib/services/form-definition.ts';
import type { FieldProblem } from '../../lib/services/form-values.ts';

/** The limits of a field as the messages name them. `today` is the day `today` bounds mean. */
export function problemVars(field: FormField, locale: Locale, today: string): Record<string, string> {
  const vars: Record<string, string> = { label: field.label[locale] };
  const number = (n: number | undefined) => (n === undefined ? '' : formatNumber(n, locale));
  const day = (bound: string | undefined) => (bound === undefined ? '' : formatDate(new Date(`${bound === 'today' ? today : bound}T12:00:00+08:00`), locale));
  switch (field.type) {
    case 'text':
      return { ...vars, min: number(field.minLength), max: number(field.maxLength) };
    case 'number':
      return { ...vars, min: number(field.min), max: number(field.max), decimals: number(field.decimals) };
    case 'date':
      return { ...vars, min: day(field.min), max: day(field.max) };
    case 'choice':
      return { ...vars, min: number(field.minChoices), max: number(field.maxChoices) };
    case 'file':
      return { ...vars, max: number(field.maxFiles), size: formatFileSize(field.maxBytes, locale), types: formatList(field.accept.map((k) => k.toUpperCase()), locale) };
  }
}

export function problemMessage(field: FormField, problem: FieldProblem, locale: Locale, today: string): string {
  return useTranslations(locale)(`services.problem.${problem}`, problemVars(field, locale, today));
}
