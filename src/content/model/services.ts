/**
 * Online services (办事服务, STANDARDS.md §3): the service guides and the life events the hall
 * groups them by.
 */
import { z } from 'astro/zod';
import { censusGaps, censusMessage } from '../../lib/services/census.ts';
import { formDefinition } from '../../lib/services/form-definition.ts';
import { AUDIENCES, guideFactProblems, SERVICE_KINDS } from '../../lib/services/guide.ts';
import { attachment, editions, localizedText, publishTime } from './editions.ts';
import { named } from './disclosure.ts';
import { hint, type ModelHelpers } from './helpers.ts';

/** 人生事件 for citizens, 企业生命周期 for businesses: the hall's third way in, after audience and department. */
export const lifeEvent = () => named.extend({ audience: hint(z.enum(AUDIENCES), { label: '服务对象', options: 'services.audience' }) });

const phone = z.string().regex(/^0\d{2,3}-\d{7,8}$/, 'must be a telephone number like 0990-5551234');

/** 申请材料: one document to bring or upload, with its blank form and filled-in sample to download. */
const material = z.object({
  name: hint(localizedText, { label: '材料名称' }),
  /** What the document must show, where it comes from (来源渠道), in what form. */
  note: hint(localizedText.optional(), { label: '说明' }),
  required: hint(z.boolean().default(true), { label: '必须提交' }),
  /** 原件 and 复印件: how many of each. */
  originals: hint(z.number().int().min(0).default(1), { label: '原件份数' }),
  copies: hint(z.number().int().min(0).default(0), { label: '复印件份数' }),
  /** 材料形式 */
  medium: hint(z.enum(['paper', 'electronic', 'either']).default('either'), { label: '材料形式', options: 'services.medium' }),
  /** 空白表格 and 示例样表, kept in the guide's files/ folder. */
  blank: hint(attachment.shape.file.optional(), { label: '空白表格' }),
  sample: hint(attachment.shape.file.optional(), { label: '示例样表' }),
});

const serviceEdition = z.object({
  /** 事项名称 */
  title: hint(z.string().min(1), { label: '事项名称' }),
  /** One or two sentences: what the service gives, for lists, the meta description and search. */
  summary: hint(z.string().min(1), { label: '摘要', multiline: true }),
  keywords: hint(z.array(z.string().min(1)).default([]), { label: '关键词' }),
  /** The office within the department that handles it (承办处室), when it helps to name it. */
  office: hint(z.string().min(1).optional(), { label: '承办处室' }),
  /** 设定依据: each law or regulation with its article. */
  legalBasis: hint(z.array(z.string().min(1)).min(1), { label: '设定依据' }),
  /** 申请条件 */
  conditions: hint(z.array(z.string().min(1)).min(1), { label: '申请条件' }),
  /** 办理流程 */
  steps: hint(
    z.array(z.object({ title: hint(z.string().min(1), { label: '步骤' }), text: hint(z.string().min(1), { label: '说明', multiline: true }) })).min(1),
    { label: '办理流程' },
  ),
  /** 办理地点 and 办理时间 */
  place: hint(z.string().min(1), { label: '办理地点' }),
  hours: hint(z.string().min(1), { label: '办理时间' }),
  /** 收费标准 and 收费依据, for a charged service. */
  fee: hint(z.string().min(1).optional(), { label: '收费标准' }),
  feeBasis: hint(z.string().min(1).optional(), { label: '收费依据' }),
  /** 办理结果: the licence, certificate or decision the applicant receives. */
  result: hint(z.string().min(1).optional(), { label: '办理结果' }),
  /** 常见问题 */
  faq: hint(
    z.array(z.object({ q: hint(z.string().min(1), { label: '问' }), a: hint(z.string().min(1), { label: '答', multiline: true }) })).default([]),
    { label: '常见问题' },
  ),
});

/**
 * A service guide (办事指南). The folder name is its 12-digit service code (事项编码), also its URL.
 * Facts are kept once; each language has its text. The build refuses a guide without one of the
 * eight census elements (src/lib/services/census.ts), naming the file and the element, and a
 * guide whose facts contradict each other (src/lib/services/guide.ts).
 */
const serviceGuide = ({ reference }: ModelHelpers) =>
  z
    .object({
      /** 事项类型 */
      kind: hint(z.enum(SERVICE_KINDS), { label: '事项类型', options: 'services.kind' }),
      /** 办理机构 */
      department: hint(reference.departments, { label: '办理机构' }),
      /** 服务对象 */
      audience: hint(z.array(hint(z.enum(AUDIENCES), { options: 'services.audience' })).min(1), { label: '服务对象' }),
      lifeEvents: hint(z.array(reference.lifeEvents).default([]), { label: '人生事件' }),
      /** When the guide was last checked or changed: the page's PubDate. */
      updated: hint(publishTime, { label: '更新时间' }),
      /** 法定办结时限 in working days; absent where no law sets one. */
      statutoryDays: hint(z.number().int().min(0).optional(), { label: '法定办结时限（工作日）' }),
      /** 承诺办结时限 in working days; 0 is 即办 (done on the spot). */
      promisedDays: hint(z.number().int().min(0), { label: '承诺办结时限（工作日，0 为即办）' }),
      /** 是否收费; a charged service says its 收费标准 in every edition. */
      charged: hint(z.boolean().default(false), { label: '收费' }),
      /** 到办事现场次数 */
      visits: hint(z.number().int().min(0).max(5), { label: '到现场次数' }),
      /** 网上办理深度, 1–4 (src/lib/services/guide.ts); from 2 the service has its online form. */
      onlineDepth: hint(z.number().int().min(1).max(4), { label: '网上办理深度（1–4）' }),
      /** 咨询电话 (the census's 联系电话) and 监督投诉电话 */
      phone: hint(phone, { label: '咨询电话' }),
      complaintPhone: hint(phone, { label: '监督投诉电话' }),
      materials: hint(z.array(material).min(1), { label: '申请材料' }),
      /** The online application form, for services that can be applied for online. */
      form: hint(formDefinition.optional(), { label: '在线申请表', kind: 'structured', description: '以 YAML 填写，格式见 src/lib/services/form-definition.ts' }),
      ...editions(serviceEdition).shape,
    })
    .superRefine((guide, ctx) => {
      for (const [path, message] of guideFactProblems(guide)) ctx.addIssue({ code: 'custom', path, message });
    });

export const service = (helpers: ModelHelpers) =>
  z.preprocess((raw, ctx) => {
    for (const gap of censusGaps(raw)) ctx.issues.push({ code: 'custom', message: censusMessage(gap), path: gap.path, input: raw });
    return raw;
  }, serviceGuide(helpers));
