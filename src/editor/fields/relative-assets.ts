/**
 * Images and attachments stored beside an item: `image: ./cover.jpg`, `file: files/report.pdf`.
 * Keystatic's image and file fields cannot resolve `./cover.jpg` (the save then tries to delete
 * `…/./cover.jpg`, the API refuses it and nothing is saved) and name uploads after the field's
 * path (`attachments/0/file.pdf`). These wrappers read and keep our relative paths, and give an
 * upload a lower-case name of its own.
 */
import { fields, type AssetFormField } from '@keystatic/core';

type FileValue = { data: Uint8Array; extension: string; filename: string } | null;
type AssetField = AssetFormField<FileValue, FileValue, string | null>;

/** A file name as our paths allow it: lower-case letters, digits, dots, hyphens, underscores. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  return safe || 'file';
}

function relativeAsset(base: AssetField, place: 'beside' | 'files'): AssetField {
  // `./cover.jpg` ⇄ `cover.jpg` (the name Keystatic looks up in the item's folder); attachments
  // already name their place (`files/x.pdf`).
  const inFolder = (stored: string) => (place === 'beside' ? stored.replace(/^\.\//, '') : stored);
  const stored = (name: string) => (place === 'beside' ? `./${name}` : name);
  const upload = (name: string) => (place === 'files' ? (name.startsWith('files/') ? `files/${safeFileName(name.slice(6))}` : `files/${safeFileName(name)}`) : safeFileName(name));
  return {
    ...base,
    filename: (value) => (typeof value === 'string' ? inFolder(value) : undefined),
    parse: (value, extra) => base.parse(typeof value === 'string' ? inFolder(value) : value, extra),
    serialize(value) {
      if (value === null) return { value: undefined, asset: undefined };
      const name = upload(value.filename);
      return { value: stored(name), asset: { filename: name, content: value.data } };
    },
  };
}

/** A picture beside the item's index.yaml, stored as `./<name>`. */
export const relativeImage = (options: { label: string; description?: string; isRequired: boolean }) =>
  relativeAsset(fields.image({ label: options.label, description: options.description, validation: { isRequired: options.isRequired } }), 'beside');

/** A download under the item's `files/` folder, stored as `files/<name>`. */
export const attachmentFile = (options: { label: string; description?: string; isRequired: boolean }) =>
  relativeAsset(fields.file({ label: options.label, description: options.description, validation: { isRequired: options.isRequired } }), 'files');
