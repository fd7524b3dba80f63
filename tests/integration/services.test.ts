import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLIENT, page } from '../support/built-site.ts';
import { departments } from '../support/content.ts';
import { readdirSync } from 'node:fs';

/**
 * The services hall as built: every guide in every language with the eight census elements and
 * its downloads, and every way into the hall (audience, life event, department, A–Z) complete.
 */
type Text = { zh: string; ug?: string; en?: string };
interface Material { name: Text; blank?: string; sample?: string }
interface Edition { title: string; legalBasis: string[]; conditions: string[]; steps: unknown[]; place: string; hours: string; faq?: unknown[] }
interface Guide { code: string; department: string; audience: string[]; lifeEvents?: string[]; onlineDepth: number; phone: string; complaintPhone: string; materials: Material[]; form?: { fields: { id: string }[] }; zh: Edition; ug?: Edition; en?: Edition }

const guides: Guide[] = readdirSync('content/services')
  .filter((code) => existsSync(join('content/services', code, 'index.yaml')))
  .map((code) => ({ code, ...parse(readFileSync(join('content/services', code, 'index.yaml'), 'utf8')) }));
const events = readdirSync('content/life-events').map((f) => ({ id: f.replace(/\.yaml$/, ''), ...parse(readFileSync(join('content/life-events', f), 'utf8')) }));
const locales = ['zh', 'ug', 'en'] as const;
const codesOn = (url: string) => page(url)('[data-testid="service-list"] [data-code]').map((_, el) => page(url)(el).attr('data-code')).get().sort();
const codes = (list: Guide[]) => list.map((g) => g.code).sort();

describe('sample services', () => {
  it('has at least 25 guides across at least 6 departments, at least 5 of them online with their own form', () => {
    expect(guides.length).toBeGreaterThanOrEqual(25);
    expect(new Set(guides.map((g) => g.department)).size).toBeGreaterThanOrEqual(6);
    const online = guides.filter((g) => g.form);
    expect(online.length).toBeGreaterThanOrEqual(5);
    for (const g of online) expect(g.onlineDepth, g.code).toBeGreaterThanOrEqual(2);
    for (const g of guides) expect(departments()).toContain(g.department);
  });

  it('writes every guide in Chinese, Uyghur and English, the Uyghur in Uyghur letters', () => {
    const wrong = /[\u0400-\u04FF\u06A9\u06CC\u0647\uFB50-\uFDFF\uFE70-\uFEFF]/;
    for (const g of guides) {
      for (const l of locales) expect(g[l]?.title, `${g.code} ${l}`).toBeTruthy();
      expect(JSON.stringify(g.ug), g.code).not.toMatch(wrong);
    }
  });

  it('serves both audiences and offers at least one form to download in most guides', () => {
    expect(guides.some((g) => g.audience.includes('person'))).toBe(true);
    expect(guides.some((g) => g.audience.includes('business'))).toBe(true);
    expect(guides.filter((g) => g.materials.some((m) => m.blank || m.sample)).length).toBeGreaterThanOrEqual(guides.length - 3);
  });
});

describe('guide pages', () => {
  const cases = guides.flatMap((g) => locales.map((l): [string, Guide, (typeof locales)[number]] => [`/${l}/services/${g.code}/`, g, l]));

  it.each(cases)('%s shows the census elements, the facts, the materials, the steps', (url, g, locale) => {
    const $ = page(url);
    const edition = g[locale] ?? g.zh;
    const facts = $('[data-testid="service-facts"]');
    // 事项名称, 办理地点, 办理时间, 联系电话
    expect(facts.find('[data-field="title"]').text().trim()).toBe(edition.title);
    expect($('h1').text().trim()).toBe(edition.title);
    for (const field of ['place', 'hours']) expect(facts.find(`[data-field="${field}"]`).text().trim(), field).not.toBe('');
    expect(facts.find('[data-field="phone"]').text().trim()).toBe(g.phone);
    expect(facts.find('[data-field="complaintPhone"]').text().trim()).toBe(g.complaintPhone);
    expect(facts.find('[data-field="code"]').text().trim()).toBe(g.code);
    expect(facts.find('[data-field="implementingCode"]').text().trim()).toMatch(new RegExp(`^[0-9A-Z]{18}${g.code}$`));
    for (const field of ['kind', 'audience', 'department', 'statutoryDays', 'promisedDays', 'fee', 'visits', 'onlineDepth']) {
      expect(facts.find(`[data-field="${field}"]`).text().trim(), field).not.toBe('');
    }
    // 设定依据, 申请条件, 办理流程: one item per entry in the content.
    expect($('[data-field="legalBasis"] li').length).toBe(edition.legalBasis.length);
    expect($('[data-field="conditions"] li').length).toBe(edition.conditions.length);
    expect($('[data-field="steps"] li').length).toBe(edition.steps.length);
    // 办理材料, one row each.
    expect($('[data-testid="materials"] tbody tr').length).toBe(g.materials.length);
    expect($('#faq dt').length).toBe(edition.faq?.length ?? 0);
    // Gov meta tags of an article page, and the search facts of a service.
    for (const name of ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description', 'Url']) expect($(`meta[name="${name}"]`).attr('content'), name).toBeTruthy();
    expect($('[data-pagefind-filter="type:service"]').length).toBe(1);
    expect($('[data-pagefind-filter="department:' + g.department + '"]').length).toBe(1);
    // Breadcrumbs lead back through the hall and the department's services.
    const crumbs = $('nav.breadcrumbs a').map((_, a) => $(a).attr('href')).get();
    expect(crumbs).toEqual([`/${locale}/`, `/${locale}/services/`, `/${locale}/services/department/${g.department}/`]);
  });

  it.each(cases)('%s links its downloads, which exist and are what they say', (url, g) => {
    const $ = page(url);
    const links = $('[data-testid="materials"] a[data-download]').map((_, a) => $(a).attr('href')).get();
    const expected = g.materials.flatMap((m) => [m.blank, m.sample].filter((f): f is string => !!f)).map((f) => `/files/services/${g.code}/${f.replace(/^files\//, '')}`);
    expect(links).toEqual(expected);
    for (const href of links) {
      const file = join(CLIENT, href);
      expect(existsSync(file), href).toBe(true);
      const bytes = readFileSync(file);
      if (href.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (href.endsWith('.docx')) {
        expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
        expect(bytes.toString('latin1')).toContain('word/document.xml');
      }
    }
  });

  it.each(cases)('%s offers to apply online exactly when the service has a form, and always to ask', (url, g, locale) => {
    const $ = page(url);
    const apply = $('[data-testid="apply-online"]');
    expect(apply.length).toBe(g.form ? 1 : 0);
    if (g.form) expect(apply.attr('href')).toBe(`/${locale}/services/${g.code}/apply/`);
    expect($('[data-testid="ask"]').attr('href')).toBe(`/${locale}/services/${g.code}/ask/`);
  });

  // Dates are PRC-style Uyghur (2026-يىلى 4-ئاينىڭ 8-كۈنى), digits joined to their words, in <time>.
  it('isolates every number, code and telephone number on the Uyghur pages', () => {
    for (const g of guides) {
      const $ = page(`/ug/services/${g.code}/`);
      const bare = $('.guide *')
        .contents()
        .filter((_, n) => n.type === 'text' && /[0-9]/.test($(n).text()) && $(n).parents('bdi, time, script, style, svg, title').length === 0);
      expect(bare.map((_, n) => $(n).text()).get(), g.code).toEqual([]);
    }
  });
});

describe('the services hall', () => {
  it.each(locales)('/%s/services/ links every way in, with counts that add up', (locale) => {
    const $ = page(`/${locale}/services/`);
    const links = $('main a').map((_, a) => $(a).attr('href')).get();
    for (const a of ['person', 'business']) expect(links).toContain(`/${locale}/services/audience/${a}/`);
    for (const e of events) expect(links).toContain(`/${locale}/services/event/${e.id}/`);
    for (const d of new Set(guides.map((g) => g.department))) expect(links).toContain(`/${locale}/services/department/${d}/`);
    expect(links).toContain(`/${locale}/services/a-z/`);
    // The online list holds exactly the services with a form.
    expect(codesOn(`/${locale}/services/`)).toEqual(codes(guides.filter((g) => g.form)));
  });

  it.each(locales)('the audience pages in %s list each service under every audience it serves', (locale) => {
    for (const a of ['person', 'business']) {
      expect(codesOn(`/${locale}/services/audience/${a}/`), a).toEqual(codes(guides.filter((g) => g.audience.includes(a))));
    }
  });

  it.each(locales)('the life-event pages in %s list exactly the services tagged with the event, and every service has an event', (locale) => {
    for (const e of events) expect(codesOn(`/${locale}/services/event/${e.id}/`), e.id).toEqual(codes(guides.filter((g) => g.lifeEvents?.includes(e.id))));
    for (const g of guides) expect(g.lifeEvents?.length, g.code).toBeGreaterThan(0);
  });

  it.each(locales)('the department pages in %s, in the hall and in the directory, list exactly the department’s services', (locale) => {
    for (const d of new Set(guides.map((g) => g.department))) {
      expect(codesOn(`/${locale}/services/department/${d}/`), d).toEqual(codes(guides.filter((g) => g.department === d)));
      expect(codesOn(`/${locale}/departments/${d}/`), d).toEqual(codes(guides.filter((g) => g.department === d)));
    }
    for (const d of departments().filter((x) => !guides.some((g) => g.department === x))) expect(page(`/${locale}/departments/${d}/`)('[data-testid="department-services"]').length, d).toBe(0);
  });

  it.each(locales)('the A–Z page in %s lists every service once, under the letter its title starts with', (locale) => {
    const $ = page(`/${locale}/services/a-z/`);
    expect(codesOn(`/${locale}/services/a-z/`)).toEqual(codes(guides));
    const letters = $('.az-group').map((_, s) => $(s).attr('data-letter')).get();
    expect(new Set(letters).size).toBe(letters.length);
    expect($('.az-letters a').length).toBe(letters.length);
    if (locale === 'en') {
      $('.az-group').each((_, s) => {
        const letter = $(s).attr('data-letter')!;
        $(s).find('[data-code] > a').each((_, a) => { expect($(a).text().trim()[0]!.toUpperCase()).toBe(letter); });
      });
    }
  });

  it('the sitemap lists the hall and every guide in every language', () => {
    const sitemap = readFileSync(join(CLIENT, 'sitemap.xml'), 'utf8');
    for (const l of locales) {
      expect(sitemap).toContain(`/${l}/services/a-z/</loc>`);
      for (const g of guides) expect(sitemap).toContain(`/${l}/services/${g.code}/</loc>`);
    }
  });
});
