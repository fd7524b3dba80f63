/**
 * What a staff password must be (GB/T 22239 等保 asks for length and complexity on systems
 * holding personal data): at least 12 characters from at least three of lower case, upper
 * case, digits and other characters (any non-Latin letter counts as "other"), not containing
 * the username, at most 256 characters (argon2 takes any length; the form does not need more).
 */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooSimple' | 'containsUsername';

export const PASSWORD_RULES = { minLength: 12, maxLength: 256, minClasses: 3 } as const;

export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) return 'tooShort';
  if (length > PASSWORD_RULES.maxLength) return 'tooLong';
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_RULES.minClasses) return 'tooSimple';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'containsUsername';
  return null;
}

/** Usernames are short Latin identifiers (they appear in the audit log and in Git authorship). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
