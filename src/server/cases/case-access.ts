/**
 * The holder of a tracking code and PIN reaches their case: the code is normalised (a typo the
 * check character catches is named), attempts are limited per address and per code, and a code
 * with no case and a wrong PIN cost the same time and get the same answer.
 */
import { hashPin, normalizeTrackingCode, verifyPin } from '../../lib/cases/tracking-code.ts';
import type { CaseKind, CaseRecord, Store } from '../store/store.ts';
import { overLimit, type RateLimit } from './rate-limit.ts';

export type AccessProblems = Partial<Record<'code' | 'pin', 'required' | 'invalid'>>;
export type CaseAccess =
  | { ok: true; case: CaseRecord }
  | { ok: false; error: 'RateLimited' | 'NoMatch' }
  | { ok: false; error: 'Invalid'; problems: AccessProblems };

let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPin('000000', 'decoy-salt-for-timing'));

export async function caseWithPin(
  deps: { store: Store; now?: Date },
  /** `perAddress` may be left out by a caller that counted the address already (before reading the form). */
  input: { kind: CaseKind; typedCode: string; typedPin: string; client: string; limits: { perAddress?: RateLimit; perCode: RateLimit } },
): Promise<CaseAccess> {
  const { store, now } = deps;
  if (input.limits.perAddress && (await overLimit(store, `${input.kind}-lookup:${input.client}`, input.limits.perAddress, now))) return { ok: false, error: 'RateLimited' };
  const code = normalizeTrackingCode(input.typedCode.trim().slice(0, 40));
  const pin = input.typedPin.normalize('NFKC').replace(/\s/g, '');
  const problems: AccessProblems = {};
  if (!code.ok) problems.code = code.problem === 'empty' ? 'required' : 'invalid';
  if (!/^\d{6}$/.test(pin)) problems.pin = pin === '' ? 'required' : 'invalid';
  if (!code.ok || problems.pin) return { ok: false, error: 'Invalid', problems };
  if (await overLimit(store, `${input.kind}-lookup-code:${code.code}`, input.limits.perCode, now)) return { ok: false, error: 'RateLimited' };
  const found = await store.getCaseByCode(code.code);
  const hash = found?.kind === input.kind && typeof found.data.pinHash === 'string' ? found.data.pinHash : undefined;
  const matches = (await verifyPin(pin, hash ?? (await decoy()))) && hash !== undefined;
  return found && matches ? { ok: true, case: found } : { ok: false, error: 'NoMatch' };
}
