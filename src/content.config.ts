import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleEdition, attachment, editions, localizedText, publishTime } from './content/editions.ts';

/**
 * Content lives in content/, one folder per collection. Multilingual articles are folders:
 *   content/<collection>/<slug>/index.yaml      shared facts + title/summary per language
 *   content/<collection>/<slug>/body/<lang>.md  the body of each edition that exists
 *   content/<collection>/<slug>/files/…         attachments; images sit beside index.yaml
 */
const itemFolder = ({ entry }: { entry: string }) => entry.split('/')[0]!;
const bodyFile = ({ entry }: { entry: string }) => {
  const [slug, , file] = entry.split('/');
  return `${slug}/${file!.replace(/\.md$/, '')}`;
};

function bodiesOf(name: string) {
  return defineCollection({
    loader: glob({ pattern: '*/body/{zh,ug,en}.md', base: `./content/${name}`, generateId: bodyFile }),
    schema: z.looseObject({}),
  });
}

const article = ({ image }: SchemaContext) =>
  z.object({
    published: publishTime,
    department: reference('departments'),
    image: image().optional(),
    featured: z.boolean().default(false),
    attachments: z.array(attachment).default([]),
    ...editions(articleEdition).shape,
  });

const news = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: './content/news', generateId: itemFolder }),
  schema: article,
});

const notices = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: './content/notices', generateId: itemFolder }),
  schema: article,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: './content/pages', generateId: itemFolder }),
  schema: ({ image }) =>
    z.object({
      order: z.number().int(),
      updated: publishTime,
      department: reference('departments'),
      image: image().optional(),
      ...editions(articleEdition).shape,
    }),
});

const departmentEdition = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  head: z.string().min(1),
  functions: z.array(z.string().min(1)).min(1),
  address: z.string().min(1),
  hours: z.string().min(1),
});

const departments = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/departments' }),
  schema: z.object({
    order: z.number().int(),
    /** 统一社会信用代码 (18 characters); the front part of disclosure index numbers. */
    orgCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'must be an 18-character unified social credit code'),
    phone: z.string().regex(/^0\d{2,3}-\d{7,8}$/),
    fax: z.string().regex(/^0\d{2,3}-\d{7,8}$/).optional(),
    email: z.email(),
    postcode: z.string().regex(/^\d{6}$/),
    ...editions(departmentEdition).shape,
  }),
});

const leaderEdition = z.object({
  name: z.string().min(1),
  post: z.string().min(1),
  biography: z.string().min(1),
  duties: z.string().min(1),
});

const leaders = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: './content/leaders', generateId: itemFolder }),
  schema: ({ image }) =>
    z.object({
      order: z.number().int(),
      photo: image(),
      born: z.string().regex(/^\d{4}-\d{2}$/),
      ...editions(leaderEdition).shape,
    }),
});

const siteEdition = z.object({
  siteName: z.string().min(1),
  shortName: z.string().min(1),
  description: z.string().min(1),
  keywords: z.array(z.string()).min(1),
  organiser: z.string().min(1),
  address: z.string().min(1),
  icpLabel: z.string().min(1),
  policeLabel: z.string().min(1),
  sampleNotice: z.string().min(1).optional(),
});

const settings = defineCollection({
  loader: glob({ pattern: 'site.yaml', base: './content/settings' }),
  schema: z.object({
    domain: z.string().regex(/^[a-z0-9.-]+$/),
    /** 网站标识码: bm + 8 digits, or 10 digits. */
    siteIdCode: z.string().regex(/^(bm\d{8}|\d{10})$/),
    icpNumber: z.string().min(1),
    icpUrl: z.url(),
    policeNumber: z.string().regex(/^\d{14}$/),
    policeUrl: z.url(),
    phone: z.string().regex(/^0\d{2,3}-\d{7,8}$/),
    email: z.email(),
    postcode: z.string().regex(/^\d{6}$/),
    zh: siteEdition,
    ug: siteEdition,
    en: siteEdition,
  }),
});

export const collections = {
  settings,
  departments,
  leaders,
  news,
  newsBodies: bodiesOf('news'),
  notices,
  noticesBodies: bodiesOf('notices'),
  pages,
  pagesBodies: bodiesOf('pages'),
};

export { localizedText };
