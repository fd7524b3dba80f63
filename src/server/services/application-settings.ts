/** The rules of online applications: request size, rate limits, how long a rating may wait. */
import { uploadBytes, type FormDefinition } from '../../lib/services/form-definition.ts';
import type { RateLimit } from '../cases/rate-limit.ts';

/** The whole request: every file field filled to its limit, plus the text fields and multipart overhead. */
export const applicationRequestMaxBytes = (definition: FormDefinition) => uploadBytes(definition.fields) + 256 * 1024;

/** A correction resubmits the form; the status forms (lookup, rating, download) are small. */
export const STATUS_FORM_MAX_BYTES = 16 * 1024;

export const APPLICATION_RATE_LIMITS: Record<'submit' | 'lookup' | 'lookupsPerCode', RateLimit> = {
  submit: { max: 10, windowMs: 10 * 60_000 },
  lookup: { max: 30, windowMs: 10 * 60_000 },
  lookupsPerCode: { max: 20, windowMs: 60 * 60_000 },
};

/** 好差评: a bad rating (1 or 2 of 5) must be looked into and fixed within 15 working days. */
export const BAD_RATING = { atMost: 2, fixWithinWorkingDays: 15 } as const;
export const RATING_COMMENT_MAX = 500;
