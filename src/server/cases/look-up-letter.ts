/**
 * A citizen looks up their letter with its tracking code and PIN. A code that cannot be one (a
 * typo the check character catches) is named as such; a code with no letter and a wrong PIN get
 * the same answer, so the page tells a guesser nothing. Attempts are limited per address and per
 * code (RATE_LIMITS), since a 6-digit PIN is only as strong as the limit on guessing it.
 */
import { hashPin, normalizeTrackingCode, verifyPin } from '../../lib/cases/tracking-code.ts';
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

// Checked when no letter has the code, so a miss costs the same time as a wrong PIN.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPin('000000', 'decoy-salt-for-timing'));

export async function lookUpLetter(deps: { store: Store; now?: () => Date }, input: { request: Request; client: string; limit?: RateLimit }): Promise<LookUpLetterResult> {
  const now = deps.now?.() ?? new Date();
  if (await overLimit(deps.store, `letter-lookup:${input.client}`, input.limit ?? RATE_LIMITS.lookup, now)) return fail({ name: 'RateLimited' });

  const read = await readForm(input.request, STATUS_REQUEST_MAX_BYTES);
  if (!read.ok) return fail(read.error);

  const typed = textField(read.form, 'code').trim().slice(0, 40);
  const pin = textField(read.form, 'pin').normalize('NFKC').replace(/\s/g, '');
  const values = { code: typed };
  const code = normalizeTrackingCode(typed);
  const problems: LookupProblems = {};
  if (!code.ok) problems.code = code.problem === 'empty' ? 'required' : 'invalid';
  if (!/^\d{6}$/.test(pin)) problems.pin = pin === '' ? 'required' : 'invalid';
  if (!code.ok || problems.pin) return fail({ name: 'InvalidQuery', values, problems });

  if (await overLimit(deps.store, `letter-lookup-code:${code.code}`, RATE_LIMITS.lookupsPerCode, now)) return fail({ name: 'RateLimited' });
  const found = await deps.store.getCaseByCode(code.code);
  const hash = found?.kind === 'letter' && typeof found.data.pinHash === 'string' ? found.data.pinHash : undefined;
  const matches = (await verifyPin(pin, hash ?? (await decoy()))) && hash !== undefined;
  if (!found || !matches) return fail({ name: 'NoMatch', values });

  return { ok: true, letter: letterView(found, await deps.store.listTimeline(found.id)) };
}

const fail = (error: LookUpLetterError): LookUpLetterResult => ({ ok: false, error });
