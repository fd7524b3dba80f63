/**
 * The CMS's collections, one per content collection, derived from the content model and its
 * layout table (src/content/model/index.ts). Folder items keep their folder name as the
 * Keystatic slug, file items their file name; neither is stored inside the YAML.
 */
import { fields, type Collection, type ComponentSchema, type Singleton } from '@keystatic/core';
import { COLLECTION_LAYOUTS, contentModel, type ModelCollection } from '../content/model/index.ts';
import { plainHelpers } from '../content/model/helpers.ts';
import { bodies } from './fields/bodies.ts';
import { fieldFor } from './fields-from-zod.ts';
import { objectShape, unwrap } from './zod-walk.ts';

export const model = contentModel(plainHelpers);
export const COLLECTIONS = Object.keys(COLLECTION_LAYOUTS) as ModelCollection[];

/** The item's fields: every key of the collection's schema, then its bodies where it has them. */
export function fieldsOf(name: ModelCollection): Record<string, ComponentSchema> {
  const shape = objectShape(unwrap(model[name]).inner);
  if (!shape) throw new Error(`the schema of ${name} is not an object`);
  const mapped = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, fieldFor(schema, { path: `${name}.${key}`, required: true, uyghur: false })]));
  return COLLECTION_LAYOUTS[name].bodies ? { ...mapped, body: bodies() } : mapped;
}

const slugField = (layout: 'folder' | 'file') =>
  fields.text({
    label: layout === 'folder' ? '文件夹名（网址中使用，创建后不要更改）' : '文件名（创建后不要更改）',
    validation: { isRequired: true, pattern: { regex: /^[a-z0-9][a-z0-9-]{0,99}$/, message: '只能使用小写英文字母、数字和连字符' } },
  });

/** Columns of the list of items: the date or order that sorts them, and the department. */
const columnsOf = (name: ModelCollection) => ['published', 'updated', 'year', 'order', 'department'].filter((key) => key in (objectShape(unwrap(model[name]).inner) ?? {}));

export function keystaticCollections() {
  const collections: Record<string, Collection<Record<string, ComponentSchema>, string>> = {};
  const singletons: Record<string, Singleton<Record<string, ComponentSchema>>> = {};
  for (const name of COLLECTIONS) {
    const { dir, layout, label } = COLLECTION_LAYOUTS[name];
    if (layout === 'single') {
      singletons[name] = { label, path: `content/${dir}/site`, format: { data: 'yaml' }, schema: fieldsOf(name) };
    } else {
      collections[name] = {
        label,
        path: layout === 'folder' ? `content/${dir}/*/` : `content/${dir}/*`,
        format: { data: 'yaml' },
        slugField: 'slug',
        columns: columnsOf(name),
        schema: { slug: slugField(layout), ...fieldsOf(name) },
      };
    }
  }
  return { collections, singletons };
}
