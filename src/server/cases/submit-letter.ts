/**
 * A citizen sends a letter (DESIGN.md §6.5): count the attempt, read the form, check the fields,
 * the proof of work and the files, hold letters without a proof to their own limit, make the
 * tracking code and PIN, start the clock, and create the case with its first timeline entry and
 * its files in one Store call. Every way this can fail is a named error the page turns into an
 * answer; nothing a citizen sends makes it throw.
 */
import { submitCase } from '../../lib/cases/state-machine.ts';
import { generatePin, generateTrackingCode, hashPin, newPinSalt } from '../../lib/cases/tracking-code.ts';
import type { WorkingDayCalendar } from '../../lib/working-days.ts';
import { readForm, textField } from '../forms/read-form.ts';
import { Conflict, type NewFile, type Store } from '../store/store.ts';
import { checkFile, chosenFiles, storedFile } from './attachments.ts';
import { LETTER_LIMITS, LETTER_REQUEST_MAX_BYTES, PROOF_OF_WORK, RATE_LIMITS, type LetterKind } from './letter-settings.ts';
import { checkProof } from './proof-of-work.ts';
import { proofKeys } from './proof-of-work-keys.ts';
import { overLimit, type RateLimit } from './rate-limit.ts';
import { validateLetterFields, type LetterProblems, type LetterValues } from './validate-letter.ts';
import { dueInstant, letterData } from './letter-record.ts';

export type SubmitLetterError =
  | { name: 'RateLimited' }
  | { name: 'TooManyWithoutProof' }
  | { name: 'RequestTooLarge'; limit: number }
  | { name: 'UnreadableForm' }
  | { name: 'InvalidLetter'; values: LetterValues; problems: LetterProblems; filesDropped: boolean }
  | { name: 'CalendarUnavailable' };

export type SubmitLetterResult =
  | { ok: true; code: string; pin: string; dueOn: string; kind: LetterKind }
  | { ok: false; error: SubmitLetterError };

/** What a letter is about when it was written from a page about it: a question on a service guide (在线咨询). */
export interface LetterAbout { service: string; department: string }

export interface LetterDeps { store: Store; calendar: WorkingDayCalendar; now?: () => Date }

/**
 * How a letter's sender was checked for automation, kept in the case's data: a proof of work the
 * server verified, none (the form without JavaScript, held to RATE_LIMITS.submitWithoutProof),
 * or not asked (the JSON API for integrations, held to its address's rate limit).
 */
export type ProofOfWork = 'verified' | 'none' | 'not-asked';

/**
 * Submits a letter of `kind` from the posted `request`; `client` is the sender's address. The
 * letter form is the 'form' channel (a proof of work is checked when one is sent); the JSON API
 * is 'api', where no proof is asked for.
 */
/**
 * `limit` replaces the per-client limit (an integration's own allowance, with `client` naming it);
 * `source` names the integration that sent the letter for a citizen.
 */
export async function submitLetter(deps: LetterDeps, input: { kind: LetterKind; request: Request; client: string; channel?: 'form' | 'api'; about?: LetterAbout; limit?: RateLimit; source?: string }): Promise<SubmitLetterResult> {
  const now = deps.now?.() ?? new Date();
  if (await overLimit(deps.store, `letter-submit:${input.client}`, input.limit ?? RATE_LIMITS.submit, now)) return fail({ name: 'RateLimited' });

  const read = await readForm(input.request, LETTER_REQUEST_MAX_BYTES);
  if (!read.ok) return fail(read.error);

  const { values, problems } = validateLetterFields(read.form);
  const payload = input.channel === 'api' ? '' : textField(read.form, PROOF_OF_WORK.field);
  let proofOfWork: ProofOfWork = input.channel === 'api' ? 'not-asked' : 'none';
  if (payload) {
    const proof = await checkProof({ store: deps.store, keys: await proofKeys(deps.store), now }, payload);
    if (proof.ok) proofOfWork = 'verified';
    else problems.verification = proof.problem;
  }
  const files = chosenFiles(read.form.getAll('attachments'));
  const checked: { type: Parameters<typeof storedFile>[2]; bytes: Uint8Array }[] = [];
  if (files.length > LETTER_LIMITS.attachments.maxFiles) problems.attachments = 'tooManyFiles';
  for (const file of problems.attachments ? [] : files) {
    const result = await checkFile(file);
    if (!result.ok) { problems.attachments = result.problem; break; }
    checked.push(result);
  }
  const invalid = (p: LetterProblems) => fail({ name: 'InvalidLetter', values, problems: p, filesDropped: files.length > 0 });
  if (Object.keys(problems).length > 0) return invalid(problems);

  const code = generateTrackingCode();
  const stored: NewFile[] = [];
  for (const [i, file] of checked.entries()) {
    const made = await storedFile(code, i + 1, file.type, file.bytes);
    if (!made) return invalid({ attachments: 'fileType' }); // claimed to be an image, did not decode
    stored.push(made);
  }

  // Only a letter about to be created counts: correcting a returned form costs nothing here.
  if (proofOfWork === 'none' && (await overLimit(deps.store, `letter-unproved:${input.client}`, RATE_LIMITS.submitWithoutProof, now))) {
    return fail({ name: 'TooManyWithoutProof' });
  }

  return createLetter(deps, { kind: input.kind, values, files: stored, now, code, proofOfWork, about: input.about, source: input.source });
}

/** Starts the clock and stores the case; a fresh code is drawn if the first one is taken. */
async function createLetter(deps: LetterDeps, input: { kind: LetterKind; values: LetterValues; files: NewFile[]; now: Date; code: string; proofOfWork: ProofOfWork; about?: LetterAbout | undefined; source?: string | undefined }): Promise<SubmitLetterResult> {
  const pin = generatePin();
  const pinHash = await hashPin(pin, newPinSalt());
  for (let attempt = 0, code = input.code; ; attempt++, code = generateTrackingCode()) {
    const started = submitCase({ kind: input.kind, trackingCode: code, receivedAt: input.now, calendar: deps.calendar });
    if (!started.ok) return fail({ name: 'CalendarUnavailable' });
    const { record } = started;
    const first = record.timeline[0]!;
    const files = input.files.map((f) => ({ ...f, name: f.name.replace(input.code, code) }));
    try {
      await deps.store.createCase(
        {
          code, kind: 'letter', category: input.kind, state: record.state, subject: input.values.title, body: input.values.body,
          data: { ...letterData(record, input.values, pinHash), proofOfWork: input.proofOfWork, ...(input.about ? { about: input.about } : {}), ...(input.source ? { source: input.source } : {}) }, dueAt: dueInstant(record.dueOn!), createdAt: input.now,
        },
        { actor: 'citizen', type: 'submitted', at: input.now, data: { visibility: first.visibility, to: first.to, ...first.details } },
        files,
      );
      return { ok: true, code, pin, dueOn: record.dueOn!, kind: input.kind };
    } catch (e) {
      // 23^9 codes make a clash rare; three in a row would mean something else is wrong.
      if (!(e instanceof Conflict) || attempt >= 2) throw e;
    }
  }
}

const fail = (error: SubmitLetterError): SubmitLetterResult => ({ ok: false, error });
