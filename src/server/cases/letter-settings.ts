/**
 * The rules of the letters forms, in one place (STANDARDS.md §4 and §8). Lengths count
 * characters as a reader does (Unicode code points after NFC), not bytes or UTF-16 units, so a
 * Chinese, Uyghur and English title get the same allowance.
 */
import type { RateLimit } from './rate-limit.ts';

/** The four letter kinds a citizen can write; the state machine (src/lib/cases) knows their limits. */
export const LETTER_KINDS = ['mailbox', 'consultation', 'suggestion', 'complaint'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const isLetterKind = (v: unknown): v is LetterKind => (LETTER_KINDS as readonly unknown[]).includes(v);

export const LETTER_LIMITS = {
  /** Shenyang's rule, common to most mailboxes: a title of 10–25 characters. */
  title: { min: 10, max: 25 },
  /** ≤ 600 characters (STANDARDS.md §4); at least 10, so an empty "help" is not a letter. */
  body: { min: 10, max: 600 },
  name: { max: 50 },
  /** Digits, spaces, hyphens, brackets and a leading +; 7–15 digits (landline to international). */
  phone: { minDigits: 7, maxDigits: 15 },
  email: { max: 254 },
  /** Up to 3 attachments of at most 1 MB each, of these kinds only (checked by their bytes). */
  attachments: { maxFiles: 3, maxBytes: 1024 * 1024, types: ['pdf', 'jpeg', 'png', 'docx'] },
  /** Largest images we decode (pixels): bigger ones are refused before sharp allocates them. */
  maxImagePixels: 40_000_000,
} as const;

/**
 * The whole request, read before parsing: three full attachments plus the text fields and the
 * multipart overhead. Anything bigger is answered 413 without being read further.
 */
export const LETTER_REQUEST_MAX_BYTES = LETTER_LIMITS.attachments.maxFiles * LETTER_LIMITS.attachments.maxBytes + 256 * 1024;
export const STATUS_REQUEST_MAX_BYTES = 8 * 1024;

/**
 * Which personal details a letter asks for. The name and a phone number are required so the
 * department can call back; e-mail is optional; the ID number is not asked for letters (less
 * personal data kept, STANDARDS.md §8). The citizen also says whether the letter may be published.
 */
export const LETTER_PERSONAL_FIELDS = { name: 'required', phone: 'required', email: 'optional' } as const;

/**
 * Anti-automation (ASVS V2.4): every POST to the write form counts, valid or not, per client
 * address; a lookup counts per address and per tracking code, so
 * guessing one letter's PIN from many addresses is stopped as well.
 *
 * A letter sent from the form without a proof of work (PROOF_OF_WORK) comes from a reader with
 * JavaScript off, from a browser that cannot run the check — or from a script, which is what the
 * proof is there to slow down. Such letters are still accepted, but fewer per address: a person
 * without JavaScript rarely sends more than one or two letters an hour, while a script skipping
 * the proof would otherwise get the whole `submit` allowance. Only letters that would be created
 * count (a form returned with mistakes does not), so a citizen correcting a form is not stopped;
 * the allowance still leaves room for a few people behind one shared address (a service hall,
 * a mobile carrier's NAT). Letters over the JSON API (the 12345 hotline) are not held to it.
 * Challenges are cheap to make but not free; a reader needs one per attempt.
 */
export const RATE_LIMITS: Record<'submit' | 'submitWithoutProof' | 'challenge' | 'lookup' | 'lookupsPerCode', RateLimit> = {
  submit: { max: 10, windowMs: 10 * 60_000 },
  submitWithoutProof: { max: 5, windowMs: 60 * 60_000 },
  challenge: { max: 60, windowMs: 10 * 60_000 },
  lookup: { max: 20, windowMs: 10 * 60_000 },
  lookupsPerCode: { max: 10, windowMs: 60 * 60_000 },
};

/**
 * The proof of work (ALTCHA) a browser with scripts solves before a letter is sent. PBKDF2 runs
 * in the browser's own SubtleCrypto (no WebAssembly, so the CSP needs no 'wasm-unsafe-eval'),
 * which every secure context has, http://localhost included. The challenge is deterministic:
 * the server picks the counter, so checking a solution is one HMAC, not a PBKDF2 run. The browser
 * tries counters from 0 on, one PBKDF2 of `cost` iterations each, spread over its workers: about
 * (min + max) / 2 × cost iterations on average (see README for the time this takes).
 */
export const PROOF_OF_WORK = {
  /** The form field the widget fills with its payload. */
  field: 'altcha',
  algorithm: 'PBKDF2/SHA-256',
  cost: 5_000,
  counter: { min: 250, max: 1_250 },
  /** Challenges are fetched when the citizen sends the form (or ticks the box), so minutes are plenty. */
  expiryMs: 10 * 60_000,
  /** A payload is under 1 KB; anything much longer is not one. */
  maxPayloadChars: 4_096,
} as const;
