/**
 * Attachments of a letter (ASVS V5): the type is decided by the file's bytes, never by its name
 * or the browser's Content-Type; images are decoded and re-encoded, which drops EXIF, GPS and any
 * payload hidden after the picture; the stored name is made by the server.
 */
import sharp from 'sharp';
import type { NewFile } from '../store/store.ts';
import { LETTER_LIMITS } from './letter-settings.ts';

export type AttachmentType = (typeof LETTER_LIMITS.attachments.types)[number];
export type AttachmentProblem = 'fileTooLarge' | 'fileType' | 'tooManyFiles';

const CONTENT_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXTENSIONS: Record<AttachmentType, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', docx: 'docx' };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of a file by its magic bytes, or undefined when it is none we accept. */
export function sniffType(bytes: Uint8Array): AttachmentType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A Word document is a ZIP whose entries include [Content_Types].xml and the word/ part;
    // entry names are stored uncompressed in the local headers, so a byte search finds them.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (text.includes('[Content_Types].xml') && text.includes('word/')) return 'docx';
  }
  return undefined;
}

/** The uploaded files of a form field, without the empty entry a browser sends when none is chosen. */
export function chosenFiles(values: FormDataEntryValue[]): File[] {
  return values.filter((v): v is File => typeof v !== 'string' && (v.size > 0 || v.name !== ''));
}

/** Checks one file; returns its accepted type or the problem with it. */
export async function checkFile(file: File): Promise<{ ok: true; type: AttachmentType; bytes: Uint8Array } | { ok: false; problem: AttachmentProblem }> {
  if (file.size > LETTER_LIMITS.attachments.maxBytes) return { ok: false, problem: 'fileTooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffType(bytes);
  return type ? { ok: true, type, bytes } : { ok: false, problem: 'fileType' };
}

/** Re-encodes an image without its metadata (orientation applied first); undefined if it does not decode. */
async function reencode(type: 'jpeg' | 'png', bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const image = sharp(bytes, { limitInputPixels: LETTER_LIMITS.maxImagePixels, failOn: 'error' }).rotate();
    const out = type === 'jpeg' ? await image.jpeg({ quality: 85 }).toBuffer() : await image.png().toBuffer();
    return new Uint8Array(out);
  } catch {
    return undefined;
  }
}

/** The file as it is stored: re-encoded if an image, named `<code>-<n>.<ext>` by the server. */
export async function storedFile(code: string, n: number, type: AttachmentType, bytes: Uint8Array): Promise<NewFile | undefined> {
  const data = type === 'jpeg' || type === 'png' ? await reencode(type, bytes) : bytes;
  if (!data) return undefined;
  return { name: `${code}-${n}.${EXTENSIONS[type]}`, contentType: CONTENT_TYPES[type], bytes: data };
}
