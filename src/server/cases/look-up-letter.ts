/**
 * A citizen looks up their letter with its tracking code and PIN. A code that cannot be one (a
 * typo the check character catches) is named as such; a code with no letter and a wrong PIN get
 * the same answer, so the page tells a guesser nothing. Attempts are limited per address and per
 * code (RATE_LIMITS), since a 6-digit PIN is only as strong as the limit on guessing it.
 */
import { caseWithPin } from './case-access.ts';
import { readForm, textField } from '../forms/read-form.ts';
import type { Store } from '../store/store.ts';
import { RATE_LIMITS, STATUS_REQUEST_MAX_BYTES } from './letter-settings.ts';
import { letterView, type LetterView } from './letter-view.ts';
import { overLimit, type RateLimit } from './rate-limit.ts';

export interface LookupValues { code: string }
export type LookupProblems = Partial<Record<'code' | 'pin', 'required' | 'invalid'>>;

export type LookUpLetterError =
  | { name: 'RateLimited' }
  | { name: 'RequestTooLarge'; limit: number }
  | { name: 'UnreadableForm' }
  | { name: 'InvalidQuery'; values: LookupValues; problems: LookupProblems }
  | { name: 'NoMatch'; values: LookupValues };

export type LookUpLetterResult = { ok: true; letter: LetterView } | { ok: false; error: LookUpLetterError };

export async function lookUpLetter(deps: { store: Store; now?: () => Date }, input: { request: Request; client: string; limit?: RateLimit }): Promise<LookUpLetterResult> {
  const now = deps.now?.() ?? new Date();
  // Counted before the form is read, so unreadable attempts count too.
  if (await overLimit(deps.store, `letter-lookup:${input.client}`, input.limit ?? RATE_LIMITS.lookup, now)) return fail({ name: 'RateLimited' });

  const read = await readForm(input.request, STATUS_REQUEST_MAX_BYTES);
  if (!read.ok) return fail(read.error);

  const values = { code: textField(read.form, 'code').trim().slice(0, 40) };
  const access = await caseWithPin({ store: deps.store, now }, {
    kind: 'letter', typedCode: values.code, typedPin: textField(read.form, 'pin'), client: input.client,
    limits: { perCode: RATE_LIMITS.lookupsPerCode },
  });
  if (!access.ok) {
    if (access.error === 'Invalid') return fail({ name: 'InvalidQuery', values, problems: access.problems });
    return fail(access.error === 'RateLimited' ? { name: 'RateLimited' } : { name: 'NoMatch', values });
  }
  return { ok: true, letter: letterView(access.case, await deps.store.listTimeline(access.case.id)) };
}

const fail = (error: LookUpLetterError): LookUpLetterResult => ({ ok: false, error });
