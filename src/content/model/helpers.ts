/**
 * The two schema pieces only the caller can supply. Astro's `reference()` checks that the named
 * item exists and `image()` resolves the picture for the image pipeline; outside Astro (the CMS,
 * its guard, the tests) a reference is the item's name and an image its path beside the item's
 * YAML. The plain versions carry `.meta()` marks that the Keystatic mapper turns into a
 * relationship field and an image field.
 */
import { z } from 'astro/zod';

/** Collections another item may name (the keys of src/content.config.ts's `collections`). */
export type ReferencedCollection = 'departments' | 'topics' | 'genres' | 'policies' | 'lifeEvents';

/** A reference as Astro's `reference()` gives it: the item's name in, `{ collection, id }` out. */
export type Reference<C extends ReferencedCollection> = z.ZodType<{ collection: C; id: string }, string>;
export type References = { [C in ReferencedCollection]: Reference<C> };

/**
 * `reference.departments` is the schema of a reference to a department (a map rather than a
 * function, so that each collection keeps its own reference type). The image schema's type is
 * the caller's: Astro's gives image metadata, the plain one the relative path.
 */
export interface ModelHelpers<I extends z.ZodType = z.ZodType> {
  reference: References;
  image: () => I;
}

/** Editor hints a schema carries in `.meta()`; Astro ignores them. */
export interface FieldMeta {
  /** The field's name in the CMS (Chinese: the CMS is used by the centre and the departments). */
  label?: string;
  description?: string;
  /** Long text: edited in a text area. */
  multiline?: boolean;
  /** How a value is edited when its zod type alone does not say it. */
  kind?: 'beijingDateTime' | 'image' | 'attachment' | 'structured';
  /** The collection a plain reference names. */
  ref?: ReferencedCollection;
  /**
   * The name shown for each value of an enum: the prefix of its keys in the UI dictionaries
   * (`validity` names `valid` by `validity.valid`), or the names themselves.
   */
  options?: string | Record<string, string>;
  /** The language of the text inside; `ug` is edited right to left and stored normalised. */
  lang?: 'zh' | 'ug' | 'en';
}

/** Sets the editor hints of a schema (typed, so a misspelt hint is a compile error). */
export const hint = <T extends z.ZodType>(schema: T, meta: FieldMeta): T => schema.meta(meta as Record<string, unknown>) as T;

const plainReference = <C extends ReferencedCollection>(collection: C): Reference<C> =>
  hint(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an item name')
      .transform((id) => ({ collection, id })),
    { ref: collection },
  );

/** The helpers outside Astro. */
export const plainHelpers = {
  reference: {
    departments: plainReference('departments'),
    topics: plainReference('topics'),
    genres: plainReference('genres'),
    policies: plainReference('policies'),
    lifeEvents: plainReference('lifeEvents'),
  },
  image: () => hint(z.string().regex(/^\.\/[a-z0-9][a-z0-9._-]*\.(jpe?g|png|webp|avif|gif)$/, 'must be ./<file> beside index.yaml'), { kind: 'image' }),
} satisfies ModelHelpers<z.ZodString>;
