/** The government itself: its departments, its leaders and the site's settings and statutory footer. */
import { z } from 'astro/zod';
import { editions, uyghur } from './editions.ts';
import { hint, type ModelHelpers } from './helpers.ts';

const departmentEdition = z.object({
  name: hint(z.string().min(1), { label: '名称' }),
  shortName: hint(z.string().min(1).optional(), { label: '简称' }),
  head: hint(z.string().min(1), { label: '负责人' }),
  functions: hint(z.array(z.string().min(1)).min(1), { label: '主要职能' }),
  address: hint(z.string().min(1), { label: '地址' }),
  hours: hint(z.string().min(1), { label: '办公时间' }),
});

export const department = () =>
  z.object({
    order: hint(z.number().int(), { label: '排序' }),
    /** 统一社会信用代码 (18 characters); the front part of disclosure index numbers. */
    orgCode: hint(
      z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'must be an 18-character unified social credit code'),
      { label: '统一社会信用代码' },
    ),
    phone: hint(z.string().regex(/^0\d{2,3}-\d{7,8}$/), { label: '电话' }),
    fax: hint(z.string().regex(/^0\d{2,3}-\d{7,8}$/).optional(), { label: '传真' }),
    email: hint(z.email(), { label: '电子邮箱' }),
    postcode: hint(z.string().regex(/^\d{6}$/), { label: '邮政编码' }),
    ...editions(departmentEdition).shape,
  });

const leaderEdition = z.object({
  name: hint(z.string().min(1), { label: '姓名' }),
  post: hint(z.string().min(1), { label: '职务' }),
  biography: hint(z.string().min(1), { label: '简历', multiline: true }),
  duties: hint(z.string().min(1), { label: '分工', multiline: true }),
});

export const leader = <I extends z.ZodType>({ image }: ModelHelpers<I>) =>
  z.object({
    order: hint(z.number().int(), { label: '排序' }),
    photo: hint(image(), { label: '照片' }),
    born: hint(z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM'), { label: '出生年月（YYYY-MM）' }),
    ...editions(leaderEdition).shape,
  });

const siteEdition = z.object({
  siteName: hint(z.string().min(1), { label: '网站名称' }),
  shortName: hint(z.string().min(1), { label: '简称' }),
  description: hint(z.string().min(1), { label: '网站简介', multiline: true }),
  keywords: hint(z.array(z.string()).min(1), { label: '关键词' }),
  organiser: hint(z.string().min(1), { label: '主办单位' }),
  address: hint(z.string().min(1), { label: '地址' }),
  icpLabel: hint(z.string().min(1), { label: 'ICP备案标注' }),
  policeLabel: hint(z.string().min(1), { label: '公安备案标注' }),
  sampleNotice: hint(z.string().min(1).optional(), { label: '示例网站说明', multiline: true }),
});

export const siteSettings = () =>
  z.object({
    domain: hint(z.string().regex(/^[a-z0-9.-]+$/), { label: '域名' }),
    /** 网站标识码: bm + 8 digits, or 10 digits. */
    siteIdCode: hint(z.string().regex(/^(bm\d{8}|\d{10})$/), { label: '网站标识码' }),
    icpNumber: hint(z.string().min(1), { label: 'ICP备案号' }),
    icpUrl: hint(z.url(), { label: 'ICP备案查询网址' }),
    policeNumber: hint(z.string().regex(/^\d{14}$/), { label: '公安备案号' }),
    policeUrl: hint(z.url(), { label: '公安备案查询网址' }),
    phone: hint(z.string().regex(/^0\d{2,3}-\d{7,8}$/), { label: '电话' }),
    email: hint(z.email(), { label: '电子邮箱' }),
    postcode: hint(z.string().regex(/^\d{6}$/), { label: '邮政编码' }),
    /** The 索引号 scheme of the disclosure catalogue (src/lib/index-number.ts). */
    indexScheme: hint(
      z
        .object({
          front: hint(z.enum(['creditCode', 'orgCode']).default('creditCode'), { label: '前段', options: { creditCode: '统一社会信用代码', orgCode: '组织机构代码' } }),
          serialDigits: hint(z.number().int().min(3).max(8).default(5), { label: '流水号位数' }),
        })
        .default({ front: 'creditCode', serialDigits: 5 }),
      { label: '索引号规则' },
    ),
    zh: hint(siteEdition, { label: '中文版', lang: 'zh' }),
    ug: hint(uyghur(siteEdition), { label: 'ئۇيغۇرچە（维吾尔文版）' }),
    en: hint(siteEdition, { label: 'English（英文版）', lang: 'en' }),
  });
