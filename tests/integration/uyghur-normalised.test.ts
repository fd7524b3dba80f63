import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localePages, page } from '../support/built-site.ts';

/**
 * Uyghur text is normalised when the site is built, whatever the editor pasted (the schemas'
 * preprocess; unit tests in uyghur-normalize.test.ts), and stored normalised: check:content
 * refuses text that is not, and --fix-uyghur rewrote the sample item pasted from older software.
 */
const nonStandard = /[\u06A9\u06CC\u0647\u0660-\u0669\u06F0-\u06F9\uFB50-\uFDFF\uFE70-\uFEFF]/;

describe('Uyghur normalisation at build time', () => {
  const source = 'content/news/2026-11-13-executive-meeting-winter-livelihoods';

  it('the item once pasted from older software is stored in standard Uyghur', () => {
    const yamlUyghur = readFileSync(`${source}/index.yaml`, 'utf8').split('\n').filter((line) => !line.startsWith('#')).join('\n');
    expect(yamlUyghur).not.toMatch(nonStandard);
    expect(readFileSync(`${source}/body/ug.md`, 'utf8')).not.toMatch(nonStandard);
  });

  it('its page shows standard Uyghur letters and Western digits', () => {
    const $ = page('/ug/news/2026-11-13-executive-meeting-winter-livelihoods/');
    expect($('h1').text()).toContain('ھۆكۈمىتى');
    expect($('.prose').text()).toContain('2026-يىلى');
    expect($('main').text()).not.toMatch(nonStandard);
  });

  it('no Uyghur page carries a non-standard letter in its main content or title', () => {
    const offenders = localePages()
      .filter((p) => p.url.startsWith('/ug/'))
      .filter((p) => nonStandard.test(page(p.url)('main').text() + page(p.url)('title').text()))
      .map((p) => p.url);
    expect(offenders).toEqual([]);
  });
});
