/**
 * Reading an application form POST against its service's form definition: the text values by
 * field id (several for multiple choices), the uploaded files of each file field with the kind
 * their bytes show, then validateSubmission (src/lib/services). Files are kept in memory only
 * until the case is stored; their bytes are checked, never their names or claimed types.
 */
import type { FormDefinition } from '../../lib/services/form-definition.ts';
import { validateSubmission, type SubmissionResult, type SubmittedFile } from '../../lib/services/form-values.ts';
import { chosenFiles, sniffType, type AttachmentType } from '../cases/attachments.ts';

export interface UploadedFile extends SubmittedFile { bytes: Uint8Array; fieldId: string }

export interface ReadApplication {
  result: SubmissionResult;
  files: UploadedFile[];
}

/**
 * `kept`: files already on the case for each field (a resubmission after a correction request
 * keeps a field's files unless new ones are chosen).
 */
export async function readApplicationForm(form: FormData, definition: FormDefinition, today: string, kept: Record<string, SubmittedFile[]> = {}): Promise<ReadApplication> {
  const values: Record<string, string | string[]> = {};
  const files: Record<string, SubmittedFile[]> = {};
  const uploaded: UploadedFile[] = [];
  for (const field of definition.fields) {
    if (field.type === 'file') {
      const chosen = chosenFiles(form.getAll(field.id));
      if (chosen.length === 0 && kept[field.id]?.length) {
        files[field.id] = kept[field.id]!;
        continue;
      }
      files[field.id] = [];
      for (const file of chosen) {
        // Never read more than the field allows: a file over its limit is named by its size alone.
        const bytes = file.size <= field.maxBytes ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
        const described: SubmittedFile = { name: file.name.slice(0, 200), type: bytes.length ? sniffType(bytes) ?? null : null, size: file.size };
        files[field.id]!.push(described);
        if (bytes.length) uploaded.push({ ...described, bytes, fieldId: field.id });
      }
    } else {
      const all = form.getAll(field.id).filter((v): v is string => typeof v === 'string');
      values[field.id] = field.type === 'choice' && field.multiple ? all : all.length > 1 ? all : (all[0] ?? '');
    }
  }
  return { result: validateSubmission(definition, values, files, { today }), files: uploaded };
}

export const isAttachmentType = (v: unknown): v is AttachmentType => v === 'pdf' || v === 'jpeg' || v === 'png' || v === 'docx';
