import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleEdition, attachment, editions, localizedText, publishTime, uyghur } from './content/editions.ts';
import { censusGaps, censusMessage } from './lib/services/census.ts';
import { formDefinition } from './lib/services/form-definition.ts';
import { AUDIENCES, guideFactProblems, SERVICE_KINDS } from './lib/services/guide.ts';

/**
 * Content lives in content/, one folder per collection. Multilingual articles are folders:
 *   content/<collection>/<slug>/index.yaml      shared facts + title/summary per language
 *   content/<collection>/<slug>/body/<lang>.md  the body of each edition that exists
 *   content/<collection>/<slug>/files/…         attachments; images sit beside index.yaml
 */
/** CONTENT_DIR points the build at another content folder (the benchmark corpus). */
const contentDir = process.env.CONTENT_DIR ?? 'content';
const itemFolder = ({ entry }: { entry: string }) => entry.split('/')[0]!;
const bodyFile = ({ entry }: { entry: string }) => {
  const [slug, , file] = entry.split('/');
  return `${slug}/${file!.replace(/\.md$/, '')}`;
};

function bodiesOf(name: string) {
  return defineCollection({
    loader: glob({ pattern: '*/body/{zh,ug,en}.md', base: `${contentDir}/${name}`, generateId: bodyFile }),
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
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/news`, generateId: itemFolder }),
  schema: article,
});

const notices = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/notices`, generateId: itemFolder }),
  schema: article,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/pages`, generateId: itemFolder }),
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
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/departments` }),
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
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/leaders`, generateId: itemFolder }),
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
  loader: glob({ pattern: 'site.yaml', base: `${contentDir}/settings` }),
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
    /** The 索引号 scheme of the disclosure catalogue (src/lib/index-number.ts). */
    indexScheme: z
      .object({ front: z.enum(['creditCode', 'orgCode']).default('creditCode'), serialDigits: z.number().int().min(3).max(8).default(5) })
      .default({ front: 'creditCode', serialDigits: 5 }),
    zh: siteEdition,
    ug: uyghur(siteEdition),
    en: siteEdition,
  }),
});

// Government information disclosure (政府信息公开): reference data, the catalogue of policy
// documents, interpretations and the annual reports (STANDARDS.md §2).

const named = z.object({ name: localizedText, order: z.number().int() });

/** 主题分类: two levels; a sub-topic names its parent. */
const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/topics` }),
  schema: named.extend({ parent: reference('topics').optional() }),
});

/** 体裁分类: the 15 kinds of official document, plus 规章 and 行政规范性文件. */
const genres = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/genres` }),
  schema: named,
});

const policyEdition = articleEdition.extend({
  /** 服务对象, when the document names whom it serves. */
  audience: z.string().min(1).optional(),
});

/**
 * A catalogue entry (政府信息公开目录). The folder name is the back part of its index number,
 * `<year>-<5-digit serial>`; the front part is the publishing department's code.
 */
const policies = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/policies`, generateId: itemFolder }),
  schema: z.object({
    /** 索引号, assigned once by `npm run policy:number` and never changed. */
    indexNumber: z.string().optional(),
    department: reference('departments'),
    /** 成文日期 */
    written: z.coerce.date(),
    /** 发布日期 */
    published: publishTime,
    /** 文号, e.g. 天政办发〔2024〕12号 */
    documentNumber: z.string().min(1).optional(),
    topic: reference('topics'),
    genre: reference('genres'),
    validity: z.enum(['valid', 'amended', 'repealed', 'expired']).default('valid'),
    /** The document that amended or repealed this one. */
    replacedBy: reference('policies').optional(),
    /** When a repeal or expiry took effect. */
    validUntil: z.coerce.date().optional(),
    related: z.array(reference('policies')).default([]),
    attachments: z.array(attachment).default([]),
    ...editions(policyEdition).shape,
  }),
});

/** 政策解读: each tied to the policy it explains. */
const interpretations = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/interpretations`, generateId: itemFolder }),
  schema: ({ image }) =>
    z.object({
      published: publishTime,
      department: reference('departments'),
      policy: reference('policies'),
      /** How it explains: in words, with a chart, by the official who drafted it, in a video… */
      form: z.enum(['text', 'graphic', 'official', 'expert', 'media']).default('text'),
      image: image().optional(),
      ...editions(articleEdition).shape,
    }),
});

const count = z.number().int().min(0);
/** One row of table 3: a count per kind of applicant. */
const applicantRow = z.object({
  natural: count,
  commercial: count,
  research: count,
  publicInterest: count,
  legalService: count,
  other: count,
});
/** One row of table 4: the five result columns. */
const reviewRow = z.object({ upheld: count, corrected: count, other: count, pending: count, total: count });

const reportEdition = z.object({
  title: z.string().min(1),
  /** 一、总体情况 */
  overview: z.string().min(1),
  /** 五、存在的主要问题及改进情况 */
  problems: z.string().min(1),
  /** 六、其他需要报告的事项 */
  otherMatters: z.string().min(1),
});

/**
 * 政府信息公开工作年度报告, one per year. Table 2's rows for 规章 and 行政规范性文件 are computed
 * from the catalogue; its other rows and tables 3 and 4 are figures kept here until the
 * request workflow produces them.
 */
const reports = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/reports` }),
  schema: z.object({
    year: z.number().int().min(2000),
    published: publishTime,
    department: reference('departments'),
    table2: z.object({
      /** 行政许可: 本年处理决定数量 */
      licensing: count,
      /** 行政处罚 */
      penalties: count,
      /** 行政强制 */
      enforcement: count,
      /** 行政事业性收费: 本年收费金额（万元） */
      feesTenThousandYuan: z.number().min(0),
    }),
    table3: z.object({
      newApplications: applicantRow,
      carriedOver: applicantRow,
      results: z.object({
        disclosed: applicantRow,
        partlyDisclosed: applicantRow,
        withheld: z.object({
          stateSecret: applicantRow,
          prohibitedByLaw: applicantRow,
          threeSecurities: applicantRow,
          thirdPartyRights: applicantRow,
          internalAffairs: applicantRow,
          processInformation: applicantRow,
          enforcementFiles: applicantRow,
          queryMatters: applicantRow,
        }),
        unavailable: z.object({ notHeld: applicantRow, needsCreation: applicantRow, unclearAfterCorrection: applicantRow }),
        notProcessed: z.object({
          petitionLike: applicantRow,
          repeated: applicantRow,
          publications: applicantRow,
          excessive: applicantRow,
          confirmation: applicantRow,
        }),
        otherHandling: z.object({ overdueCorrection: applicantRow, unpaidFees: applicantRow, other: applicantRow }),
        total: applicantRow,
      }),
      carriedForward: applicantRow,
    }),
    table4: z.object({
      reconsideration: reviewRow,
      litigationDirect: reviewRow,
      litigationAfterReconsideration: reviewRow,
    }),
    zh: reportEdition,
    ug: uyghur(reportEdition).optional(),
    en: reportEdition.optional(),
  }),
});

/**
 * The working-day calendar (STANDARDS.md §5): one file a year with the national holidays, the
 * region's own (Rozi, Corban) and the weekends worked instead (调休). Deadlines count on it.
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const calendar = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/calendar` }),
  schema: z.object({
    year: z.number().int().min(2000),
    holidays: z.array(
      z.union([
        z.object({ date: isoDay, name: localizedText, scope: z.enum(['national', 'regional']).optional() }),
        z.object({ from: isoDay, to: isoDay, name: localizedText, scope: z.enum(['national', 'regional']).optional() }),
      ]),
    ),
    workdays: z.array(isoDay).default([]),
  }),
});

// Online services (办事服务, STANDARDS.md §3): the service guides and the life events the hall
// groups them by.

/** 人生事件 for citizens, 企业生命周期 for businesses: the hall's third way in, after audience and department. */
const lifeEvents = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/life-events` }),
  schema: named.extend({ audience: z.enum(AUDIENCES) }),
});

const phone = z.string().regex(/^0\d{2,3}-\d{7,8}$/, 'must be a telephone number like 0990-5551234');

/** 申请材料: one document to bring or upload, with its blank form and filled-in sample to download. */
const material = z.object({
  name: localizedText,
  /** What the document must show, where it comes from (来源渠道), in what form. */
  note: localizedText.optional(),
  required: z.boolean().default(true),
  /** 原件 and 复印件: how many of each. */
  originals: z.number().int().min(0).default(1),
  copies: z.number().int().min(0).default(0),
  /** 材料形式 */
  medium: z.enum(['paper', 'electronic', 'either']).default('either'),
  /** 空白表格 and 示例样表, kept in the guide's files/ folder. */
  blank: attachment.shape.file.optional(),
  sample: attachment.shape.file.optional(),
});

const serviceEdition = z.object({
  /** 事项名称 */
  title: z.string().min(1),
  /** One or two sentences: what the service gives, for lists, the meta description and search. */
  summary: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
  /** The office within the department that handles it (承办处室), when it helps to name it. */
  office: z.string().min(1).optional(),
  /** 设定依据: each law or regulation with its article. */
  legalBasis: z.array(z.string().min(1)).min(1),
  /** 申请条件 */
  conditions: z.array(z.string().min(1)).min(1),
  /** 办理流程 */
  steps: z.array(z.object({ title: z.string().min(1), text: z.string().min(1) })).min(1),
  /** 办理地点 and 办理时间 */
  place: z.string().min(1),
  hours: z.string().min(1),
  /** 收费标准 and 收费依据, for a charged service. */
  fee: z.string().min(1).optional(),
  feeBasis: z.string().min(1).optional(),
  /** 办理结果: the licence, certificate or decision the applicant receives. */
  result: z.string().min(1).optional(),
  /** 常见问题 */
  faq: z.array(z.object({ q: z.string().min(1), a: z.string().min(1) })).default([]),
});

/**
 * A service guide (办事指南). The folder name is its 12-digit service code (事项编码), also its URL.
 * Facts are kept once; each language has its text. The build refuses a guide without one of the
 * eight census elements (src/lib/services/census.ts), naming the file and the element, and a
 * guide whose facts contradict each other (src/lib/services/guide.ts).
 */
const serviceGuide = z
  .object({
    /** 事项类型 */
    kind: z.enum(SERVICE_KINDS),
    /** 办理机构 */
    department: reference('departments'),
    /** 服务对象 */
    audience: z.array(z.enum(AUDIENCES)).min(1),
    lifeEvents: z.array(reference('lifeEvents')).default([]),
    /** When the guide was last checked or changed: the page's PubDate. */
    updated: publishTime,
    /** 法定办结时限 in working days; absent where no law sets one. */
    statutoryDays: z.number().int().min(0).optional(),
    /** 承诺办结时限 in working days; 0 is 即办 (done on the spot). */
    promisedDays: z.number().int().min(0),
    /** 是否收费; a charged service says its 收费标准 in every edition. */
    charged: z.boolean().default(false),
    /** 到办事现场次数 */
    visits: z.number().int().min(0).max(5),
    /** 网上办理深度, 1–4 (src/lib/services/guide.ts); from 2 the service has its online form. */
    onlineDepth: z.number().int().min(1).max(4),
    /** 咨询电话 (the census's 联系电话) and 监督投诉电话 */
    phone,
    complaintPhone: phone,
    materials: z.array(material).min(1),
    /** The online application form, for services that can be applied for online. */
    form: formDefinition.optional(),
    ...editions(serviceEdition).shape,
  })
  .superRefine((guide, ctx) => {
    for (const [path, message] of guideFactProblems(guide)) ctx.addIssue({ code: 'custom', path, message });
  });

const services = defineCollection({
  loader: glob({ pattern: '*/index.yaml', base: `${contentDir}/services`, generateId: itemFolder }),
  schema: z.preprocess((raw, ctx) => {
    for (const gap of censusGaps(raw)) ctx.issues.push({ code: 'custom', message: censusMessage(gap), path: gap.path, input: raw });
    return raw;
  }, serviceGuide),
});

export const collections = {
  calendar,
  topics,
  genres,
  policies,
  policiesBodies: bodiesOf('policies'),
  interpretations,
  interpretationsBodies: bodiesOf('interpretations'),
  reports,
  settings,
  departments,
  leaders,
  news,
  newsBodies: bodiesOf('news'),
  notices,
  noticesBodies: bodiesOf('notices'),
  pages,
  pagesBodies: bodiesOf('pages'),
  lifeEvents,
  services,
};

export { localizedText };
