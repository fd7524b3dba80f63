/**
 * js-yaml comes with Keystatic, which writes the CMS's YAML with it; tests use it to write an
 * item exactly as Keystatic's page does. (It ships no types of its own.)
 */
declare module 'js-yaml' {
  export function load(text: string): unknown;
  export function dump(value: unknown): string;
}
