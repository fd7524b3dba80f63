/** The reader's-language message for a field problem of the letter or lookup form. */
import type { Translate, UiKey } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/locales.ts';
import { formatFileSize } from '../../i18n/format.ts';
import { LETTER_LIMITS } from '../../server/cases/letter-settings.ts';

/** Placeholders every letters string may use. */
export function limitVars(locale: Locale) {
  return {
    titleMin: LETTER_LIMITS.title.min,
    titleMax: LETTER_LIMITS.title.max,
    bodyMin: LETTER_LIMITS.body.min,
    bodyMax: LETTER_LIMITS.body.max,
    nameMax: LETTER_LIMITS.name.max,
    files: LETTER_LIMITS.attachments.maxFiles,
    size: formatFileSize(LETTER_LIMITS.attachments.maxBytes, locale),
  };
}

export function fieldMessage(t: Translate, locale: Locale, field: string, problem: string): string {
  return t(`letters.error.${field}.${problem}` as UiKey, limitVars(locale));
}
