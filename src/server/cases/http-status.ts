import type { LookUpLetterError } from './look-up-letter.ts';
import type { SubmitLetterError } from './submit-letter.ts';

/** The HTTP status of a refused letter or lookup: always a 4xx the page explains, or 503. */
export function statusOf(error: SubmitLetterError | LookUpLetterError): number {
  switch (error.name) {
    case 'RateLimited': case 'TooManyWithoutProof': return 429;
    case 'RequestTooLarge': return 413;
    case 'CalendarUnavailable': return 503;
    case 'InvalidLetter': return error.problems.attachments === 'fileTooLarge' ? 413 : 400;
    default: return 400;
  }
}
