/**
 * GET /api/v1/challenge: a fresh proof-of-work challenge for the letter form's widget, signed
 * with the servers' shared key (proof-of-work-keys.ts). Never cached: each is single use. Making
 * one costs the server a PBKDF2 run, so they are rate-limited per address too.
 */
import { useTranslations } from '../../i18n/translate.ts';
import { RATE_LIMITS } from '../cases/letter-settings.ts';
import { issueChallenge } from '../cases/proof-of-work.ts';
import { proofKeys } from '../cases/proof-of-work-keys.ts';
import { overLimit } from '../cases/rate-limit.ts';
import { getStore } from '../store-instance.ts';
import { answerLocale, jsonResponse } from './json-api.ts';

export async function getChallenge({ request, client }: { request: Request; client: string }): Promise<Response> {
  const store = await getStore();
  if (await overLimit(store, `pow-challenge:${client}`, RATE_LIMITS.challenge)) {
    const t = useTranslations(answerLocale(undefined, request));
    return jsonResponse(429, { error: t('letters.problem.rateLimited.text') }, { 'Retry-After': String(Math.ceil(RATE_LIMITS.challenge.windowMs / 1000)) });
  }
  return jsonResponse(200, await issueChallenge(await proofKeys(store)));
}
