/**
 * Publish and update times are Beijing time written with their offset
 * (`2024-05-09T16:05:00+08:00`). Keystatic's own date-time field works in UTC: it would show
 * 08:05 and write `…T08:05:00.000Z`. This field shows and edits the Beijing wall-clock time and
 * writes it back with `+08:00`.
 */
import { fields, type BasicFormField } from '@keystatic/core';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DDTHH:MM` in Beijing time, as the date-time input shows it; null when absent. */
export function beijingWallTime(stored: unknown): string | null {
  if (stored === undefined || stored === null || stored === '') return null;
  const instant = stored instanceof Date ? stored : new Date(String(stored));
  if (Number.isNaN(instant.getTime())) throw new Error('不是有效的日期时间');
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** The stored text of a wall time: `YYYY-MM-DDTHH:MM:00+08:00`. */
export const beijingTimestamp = (wallTime: string) => `${wallTime}:00+08:00`;

/**
 * A Date whose YAML form is the Beijing timestamp: Keystatic's YAML writer (js-yaml) writes a
 * Date as its `toISOString()`, unquoted, which is how our files keep times.
 */
function stampOf(wallTime: string): Date {
  const text = beijingTimestamp(wallTime);
  const date = new Date(text);
  date.toISOString = () => text;
  date.toJSON = () => text;
  return date;
}

export function beijingDateTime(options: { label: string; description?: string; isRequired: boolean }): BasicFormField<string | null, string | null, string | null> {
  const base = fields.datetime({ label: options.label, description: options.description, validation: { isRequired: options.isRequired } });
  return {
    ...base,
    parse: beijingWallTime,
    serialize: (value) => ({ value: value === null ? undefined : stampOf(value) }),
    reader: { parse: (value) => base.validate(beijingWallTime(value)) },
  };
}
