import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../src/lib/negotiate-locale.ts';

describe('choosing the reader’s language from Accept-Language', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['ug', 'ug'],
    ['ug-CN,ug;q=0.9,zh-CN;q=0.8', 'ug'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr-FR', 'zh'],
    ['en;q=0.5,ug;q=0.8', 'ug'],
    ['ug;q=0,en', 'en'],
    ['*', 'zh'],
    ['garbage;;;q=x,,', 'zh'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
