/**
 * Makes a synthetic content folder for load tests: a copy of the real content/ plus N
 * generated policy documents in the catalogue format of docs/content.md.
 *
 *   npm run corpus -- --docs 10000 [--out DIR] [--seed 1]
 *
 * Prints the folder it wrote (a fresh one under the system temp dir unless --out is given).
 * Build it with `CONTENT_DIR=<folder>`. Deterministic for a seed: the same arguments give the
 * same files. The real policies stay, so real interpretations still resolve; generated
 * serials start after the real ones of each year (at 00100 at the lowest).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { backPart, defaultScheme, formatIndexNumber, frontPart, type IndexScheme } from '../src/lib/index-number.ts';
import { actions, audiences, docPrefix, genreTitle, headings, ordinals, salutations, sentences, subjects, writtenDate, type Slots, type Subject, type Tri } from './corpus/phrases.ts';

export interface CorpusOptions {
  docs: number;
  /** Target folder; must be empty or missing. Default: a new folder under os.tmpdir(). */
  out?: string;
  seed?: number;
  /** The real content to copy. Default: content/. */
  source?: string;
}

const FIRST_YEAR = 2015;
/** The last publication date generated (fixed, so a seed always gives the same corpus). */
const END = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
const langs = ['zh', 'ug', 'en'] as const;
/** Persian look-alikes (ک ی ه) and Arabic presentation forms never belong in Uyghur text. */
const notUyghur = /[\u06A9\u06CC\u0647\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** mulberry32: small, fast, good enough to spread synthetic data. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(items: readonly T[], weight: (t: T) => number) => {
    const total = items.reduce((sum, t) => sum + weight(t), 0);
    let r = next() * total;
    for (const t of items) if ((r -= weight(t)) < 0) return t;
    return items[items.length - 1]!;
  };
  const shuffle = <T>(items: readonly T[]) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, int, pick, weighted, shuffle };
}

interface Department { slug: string; orgCode: string; name: Tri }
interface Genre { slug: string; title: Tri }

function readYamlDir(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ slug: f.replace(/\.yaml$/, ''), data: parse(readFileSync(join(dir, f), 'utf8')) }));
}

const tri = (t: { zh: string; ug?: string; en?: string }): Tri => ({ zh: t.zh, ug: t.ug ?? t.zh, en: t.en ?? t.zh });
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Midnight (as a UTC time value) of the Beijing calendar day of an instant. */
const beijingDay = (ms: number) => Math.floor((ms + 8 * 3_600_000) / DAY) * DAY;
const q = (s: string) => JSON.stringify(s);
const smallWords = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'in', 'on', 'to', 'at', 'by', 'with']);
const titleCase = (s: string) => s.replace(/\S+/g, (w, i) => (i > 0 && smallWords.has(w) ? w : w[0]!.toUpperCase() + w.slice(1)));

/** A tiny valid one-page PDF, the stand-in for attachments. */
function samplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 770 Td (Sample annex) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

interface Plan {
  id: string;
  year: number;
  serial: number;
  published: number;
  department: Department;
  subject: Subject;
  topic: string;
  genre: Genre;
  action: Tri;
  annual: boolean;
  validity: 'valid' | 'amended' | 'repealed' | 'expired';
  replacedBy?: string;
  validUntil?: number;
  related: string[];
  documentNumber?: string;
  audience?: Tri;
  attachment: boolean;
}

/** Writes the corpus and returns where it is. */
export function generateCorpus(options: CorpusOptions): { out: string; generated: number; real: number } {
  const rng = random(options.seed ?? 1);
  const source = resolve(options.source ?? 'content');
  const out = options.out ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'gov-corpus-'));
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: give --out an empty or new folder`);
  cpSync(source, out, { recursive: true, filter: (src) => !/\/\.[^/]*$/.test(src) });

  const settings = parse(readFileSync(join(out, 'settings', 'site.yaml'), 'utf8'));
  const scheme: IndexScheme = { ...defaultScheme, ...settings.indexScheme };
  const departments: Department[] = readYamlDir(join(out, 'departments')).map(({ slug, data }) => ({
    slug,
    orgCode: data.orgCode,
    name: tri({ zh: data.zh.name, ug: data.ug?.name, en: data.en?.name }),
  }));
  const topics = readYamlDir(join(out, 'topics')).map((t) => t.slug);
  const genres: Genre[] = readYamlDir(join(out, 'genres')).map(({ slug, data }) => ({
    slug,
    title: genreTitle[slug] ?? tri({ zh: data.name.zh.replace(/（.*?）/g, ''), ug: data.name.ug, en: data.name.en }),
  }));
  if (!departments.length || !topics.length || !genres.length) throw new Error(`${source} needs departments, topics and genres`);
  const genreWeight = (g: Genre) => ({ notice: 6, opinion: 4, 'normative-document': 4, regulation: 2, 'public-notice': 2, decision: 2, reply: 2 })[g.slug] ?? 1;

  const policiesDir = join(out, 'policies');
  mkdirSync(policiesDir, { recursive: true });
  const realIds = readdirSync(policiesDir).filter((id) => existsSync(join(policiesDir, id, 'index.yaml')));
  const firstSerial = new Map<number, number>();
  for (const id of realIds) {
    const [y, s] = id.split('-').map(Number);
    if (y && s) firstSerial.set(y, Math.max(firstSerial.get(y) ?? 100, s + 1));
  }

  // Plans: when, who, what. More documents in later years, as catalogues grow.
  const years = Array.from({ length: new Date(END).getUTCFullYear() - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const yearSpan = (y: number) => [Date.UTC(y, 0, 2), Math.min(Date.UTC(y, 11, 30), END)] as const;
  const yearWeight = (y: number) => (1 + 0.15 * (y - FIRST_YEAR)) * ((yearSpan(y)[1] - yearSpan(y)[0]) / (362 * DAY));
  const plans: Plan[] = [];
  for (let i = 0; i < options.docs; i++) {
    const year = rng.weighted(years, yearWeight);
    const [from, to] = yearSpan(year);
    const day = from + rng.int(0, (to - from) / DAY) * DAY;
    const subject = rng.pick(subjects);
    const department = rng.pick(departments);
    plans.push({
      id: '',
      year,
      serial: 0,
      published: day + (rng.int(9, 18) - 8) * 3_600_000 + rng.pick([0, 30]) * 60_000,
      department,
      subject,
      topic: topics.includes(subject.topic) && rng.next() < 0.6 ? subject.topic : rng.pick(topics),
      genre: rng.weighted(genres, genreWeight),
      action: rng.pick(actions),
      annual: rng.next() < 0.2,
      validity: 'valid',
      related: [],
      audience: rng.next() < 0.5 ? rng.pick(audiences) : undefined,
      attachment: rng.next() < 0.1,
    });
  }
  plans.sort((a, b) => a.published - b.published);

  // Serials in publication order within each year; 文号 counted per department and year.
  const nextSerial = new Map<number, number>();
  const nextDocNo = new Map<string, number>();
  for (const p of plans) {
    p.serial = nextSerial.get(p.year) ?? firstSerial.get(p.year) ?? 100;
    nextSerial.set(p.year, p.serial + 1);
    p.id = backPart(p.year, p.serial, scheme);
    if (rng.next() < 0.7) {
      const key = `${p.department.slug}/${p.year}`;
      const n = (nextDocNo.get(key) ?? 0) + 1;
      nextDocNo.set(key, n);
      p.documentNumber = `${docPrefix[p.department.slug] ?? '天政发'}〔${p.year}〕${n}号`;
    }
  }

  // Validity: most documents stand; some were amended or repealed by a later one, some expired.
  plans.forEach((p, k) => {
    const r = rng.next();
    const later = plans.length - k - 1;
    if (r < 0.15 && later > 0) {
      let j = k + 1 + Math.floor(rng.next() * Math.min(later, 600));
      for (let step = 0; step < 300 && j + step < plans.length; step++) {
        if (plans[j + step]!.department === p.department) {
          j += step;
          break;
        }
      }
      const by = plans[j]!;
      p.validity = r < 0.08 ? 'amended' : 'repealed';
      p.replacedBy = by.id;
      if (p.validity === 'repealed') p.validUntil = beijingDay(by.published);
    } else if (r < 0.2) {
      const until = beijingDay(p.published) + rng.int(1, 5) * 365 * DAY;
      if (until < END) {
        p.validity = 'expired';
        p.validUntil = until;
      }
    }
    if (k > 0 && rng.next() < 0.15) {
      const count = rng.int(1, 2);
      for (let c = 0; c < count; c++) p.related.push(plans[Math.max(0, k - rng.int(1, 300))]!.id);
      p.related = [...new Set(p.related)].filter((id) => id !== p.id);
    }
  });

  const pdf = samplePdf();
  for (const p of plans) writeDocument(policiesDir, p, scheme, rng, pdf);
  return { out, generated: plans.length, real: realIds.length };
}

function writeDocument(policiesDir: string, p: Plan, scheme: IndexScheme, rng: ReturnType<typeof random>, pdf: Buffer) {
  const dir = join(policiesDir, p.id);
  mkdirSync(join(dir, 'body'), { recursive: true });
  const S = p.subject;
  const G = p.genre.title;
  const A = p.action;
  const pub = new Date(p.published + 8 * 3_600_000); // Beijing wall-clock time
  const written = p.published - rng.int(2, 12) * DAY;
  const w = new Date(written + 8 * 3_600_000);
  const y = pub.getUTCFullYear();
  const sections = rng.int(4, 5);
  const sectionsEn = ['', 'one', 'two', 'three', 'four', 'five'][sections]!;
  const goalYear = y + rng.int(1, 3);

  const title: Tri = p.annual
    ? { zh: `关于做好${y}年${S.zh}的${G.zh}`, ug: `${y}-يىللىق ${S.ug}نى ياخشى ئىشلەش توغرىسىدا ${G.ug}`, en: titleCase(`${G.en} on ${S.en} in ${y}`) }
    : { zh: `关于${A.zh}${S.zh}的${G.zh}`, ug: `${S.ug}نى ${A.ug} توغرىسىدا ${G.ug}`, en: titleCase(`${G.en} on ${A.en} ${S.en}`) };
  const summary: Tri = {
    zh: `就${A.zh}${S.zh}提出${ordinals[sections - 1]!.zh.slice(0, 1)}方面要求，明确到${goalYear}年的工作目标、主要任务和保障措施。`,
    ug: `${S.ug}نى ${A.ug} توغرىسىدا ${sections} تەرەپتىن تەلەپ ئوتتۇرىغا قويۇلۇپ، ${goalYear}-يىلىغىچە بولغان خىزمەت نىشانى، ئاساسلىق ۋەزىپىلەر ۋە كاپالەت تەدبىرلىرى ئېنىقلاندى.`,
    en: `Sets out requirements in ${sectionsEn} areas for ${A.en} ${S.en}, with the objectives, main tasks and safeguards up to ${goalYear}.`,
  };

  // Body: salutation, purpose, numbered sections of two or three sentences, signature, date.
  const slots: Slots = { S, Y: goalYear, M: rng.int(1, 12), N: rng.int(5, 500) * 10, P: rng.int(80, 98), K: rng.int(3, 10) };
  const order = rng.shuffle(sentences.map((_, i) => i));
  const heads = rng.shuffle(headings.map((_, i) => i)).slice(0, sections).sort((a, b) => a - b);
  const salutation = rng.pick(salutations);
  const effective = writtenDate(y, pub.getUTCMonth() + 1, pub.getUTCDate());
  const signed = writtenDate(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
  const body = { zh: [] as string[], ug: [] as string[], en: [] as string[] };
  body.zh.push(salutation.zh, `为深入贯彻落实国家有关决策部署，${A.zh}${S.zh}，经自治区人民政府同意，结合本区实际，现就有关事项明确如下：`);
  body.ug.push(
    salutation.ug,
    `دۆلەتنىڭ مۇناسىۋەتلىك قارار ۋە ئورۇنلاشتۇرۇشلىرىنى چوڭقۇر ئىزچىللاشتۇرۇپ، ${S.ug}نى ${A.ug} ئۈچۈن، ئاپتونوم رايونلۇق خەلق ھۆكۈمىتىنىڭ قوشۇلۇشى بىلەن، رايونىمىزنىڭ ئەمەلىيىتىگە بىرلەشتۈرۈپ، مۇناسىۋەتلىك ئىشلار تۆۋەندىكىچە ئېنىقلاندى:`,
  );
  body.en.push(
    salutation.en,
    `To carry out the relevant national decisions and make progress in ${A.en} ${S.en}, the following is laid down with the approval of the People’s Government of the Autonomous Region and in the light of conditions in the region.`,
  );
  let next = 0;
  heads.forEach((h, i) => {
    const picked = order.slice(next, (next += rng.int(2, 3))).map((n) => sentences[n]!);
    const last = i === heads.length - 1;
    body.zh.push(`${ordinals[i]!.zh}${headings[h]!.zh}。${picked.map((s) => s.zh(slots)).join('')}${last ? `本文件自${effective.zh}起施行。` : ''}`);
    body.ug.push(`${ordinals[i]!.ug}${headings[h]!.ug}. ${picked.map((s) => s.ug(slots)).join(' ')}${last ? ` بۇ ھۆججەت ${effective.ug}دىن باشلاپ ئىجرا قىلىنىدۇ.` : ''}`);
    body.en.push(`${ordinals[i]!.en}${headings[h]!.en}. ${picked.map((s) => s.en(slots)).join(' ')}${last ? ` This document takes effect on ${effective.en}.` : ''}`);
  });
  for (const l of langs) body[l].push(p.department.name[l], signed[l]);
  const ugText = title.ug + summary.ug + body.ug.join('');
  if (notUyghur.test(ugText)) throw new Error(`${p.id}: Persian look-alike or presentation form in the Uyghur text`);

  const yaml = [
    `indexNumber: ${formatIndexNumber({ front: frontPart(p.department.orgCode, scheme), year: p.year, serial: p.serial }, scheme)}`,
    `department: ${p.department.slug}`,
    `written: ${ymd(written + 8 * 3_600_000)}`,
    `published: ${pub.toISOString().slice(0, 19)}+08:00`,
    ...(p.documentNumber ? [`documentNumber: ${p.documentNumber}`] : []),
    `topic: ${p.topic}`,
    `genre: ${p.genre.slug}`,
    `validity: ${p.validity}`,
    ...(p.replacedBy ? [`replacedBy: ${p.replacedBy}`] : []),
    ...(p.validUntil ? [`validUntil: ${ymd(p.validUntil)}`] : []),
    ...(p.related.length ? [`related: [${p.related.join(', ')}]`] : []),
    ...(p.attachment
      ? ['attachments:', '  - file: files/tasks.pdf', `    title: { zh: ${q('工作任务分工表')}, ug: ${q('خىزمەت ۋەزىپىلىرىنىڭ تەقسىمات جەدۋىلى')}, en: ${q('Table of tasks and responsibilities')} }`]
      : []),
    ...langs.flatMap((l) => [
      `${l}:`,
      `  title: ${q(title[l])}`,
      `  summary: ${q(summary[l])}`,
      `  keywords: [${[S.kw[l], G[l]].map(q).join(', ')}]`,
      ...(p.audience ? [`  audience: ${q(p.audience[l])}`] : []),
    ]),
  ];
  writeFileSync(join(dir, 'index.yaml'), `${yaml.join('\n')}\n`);
  for (const l of langs) writeFileSync(join(dir, 'body', `${l}.md`), `${body[l].join('\n\n')}\n`);
  if (p.attachment) {
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files', 'tasks.pdf'), pdf);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { docs: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, source: { type: 'string' } },
  });
  const docs = Number(values.docs);
  if (!Number.isInteger(docs) || docs < 0) throw new Error('--docs must be a whole number');
  const started = performance.now();
  const { out, generated, real } = generateCorpus({ docs, out: values.out, seed: Number(values.seed), source: values.source });
  console.error(`corpus: ${generated} generated + ${real} real policy documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(out);
}
