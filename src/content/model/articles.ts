/** News, notices and the site's standing pages: dated articles of a department with a body per language. */
import { z } from 'astro/zod';
import { articleEdition, attachment, editions, publishTime } from './editions.ts';
import { hint, type ModelHelpers } from './helpers.ts';

/** 新闻 and 通知公告. */
export const article = <I extends z.ZodType>({ reference, image }: ModelHelpers<I>) =>
  z.object({
    published: publishTime,
    department: hint(reference.departments, { label: '发布部门' }),
    image: hint(image().optional(), { label: '封面图片' }),
    featured: hint(z.boolean().default(false), { label: '首页推荐' }),
    attachments: hint(z.array(attachment).default([]), { label: '附件' }),
    ...editions(articleEdition).shape,
  });

/** A standing page (about the region, contact…), ordered in its menu. */
export const page = <I extends z.ZodType>({ reference, image }: ModelHelpers<I>) =>
  z.object({
    order: hint(z.number().int(), { label: '排序' }),
    updated: hint(publishTime, { label: '更新时间' }),
    department: hint(reference.departments, { label: '负责部门' }),
    image: hint(image().optional(), { label: '封面图片' }),
    ...editions(articleEdition).shape,
  });
