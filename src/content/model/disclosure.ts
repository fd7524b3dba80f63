/**
 * Government information disclosure (政府信息公开, STANDARDS.md §2): the two classifications,
 * the catalogue of policy documents, their interpretations and the annual reports.
 */
import { z } from 'astro/zod';
import { articleEdition, attachment, editions, localizedText, publishTime, uyghur } from './editions.ts';
import { hint, type ModelHelpers } from './helpers.ts';

/** A classification entry: its name in each language and its place in the list. */
export const named = z.object({
  name: hint(localizedText, { label: '名称' }),
  order: hint(z.number().int(), { label: '排序' }),
});

/** 主题分类: two levels; a sub-topic names its parent. */
export const topic = ({ reference }: ModelHelpers) => named.extend({ parent: hint(reference.topics.optional(), { label: '上级主题' }) });

/** 体裁分类: the 15 kinds of official document, plus 规章 and 行政规范性文件. */
export const genre = () => named;

const policyEdition = articleEdition.extend({
  /** 服务对象, when the document names whom it serves. */
  audience: hint(z.string().min(1).optional(), { label: '服务对象' }),
});

/**
 * A catalogue entry (政府信息公开目录). The folder name is the back part of its index number,
 * `<year>-<5-digit serial>`; the front part is the publishing department's code.
 */
export const policy = ({ reference }: ModelHelpers) =>
  z.object({
    /** 索引号, assigned once by `npm run policy:number` and never changed. */
    indexNumber: hint(z.string().optional(), { label: '索引号', description: '由 npm run policy:number 生成，不要修改' }),
    department: hint(reference.departments, { label: '发布机构' }),
    /** 成文日期 */
    written: hint(z.coerce.date(), { label: '成文日期' }),
    /** 发布日期 */
    published: publishTime,
    /** 文号, e.g. 天政办发〔2024〕12号 */
    documentNumber: hint(z.string().min(1).optional(), { label: '文号' }),
    topic: hint(reference.topics, { label: '主题分类' }),
    genre: hint(reference.genres, { label: '体裁分类' }),
    validity: hint(z.enum(['valid', 'amended', 'repealed', 'expired']).default('valid'), { label: '有效性', options: 'validity' }),
    /** The document that amended or repealed this one. */
    replacedBy: hint(reference.policies.optional(), { label: '修改或废止它的文件' }),
    /** When a repeal or expiry took effect. */
    validUntil: hint(z.coerce.date().optional(), { label: '失效日期' }),
    related: hint(z.array(reference.policies).default([]), { label: '相关文件' }),
    attachments: hint(z.array(attachment).default([]), { label: '附件' }),
    ...editions(policyEdition).shape,
  });

/** 政策解读: each tied to the policy it explains. */
export const interpretation = <I extends z.ZodType>({ reference, image }: ModelHelpers<I>) =>
  z.object({
    published: publishTime,
    department: hint(reference.departments, { label: '发布机构' }),
    policy: hint(reference.policies, { label: '所解读的文件' }),
    /** How it explains: in words, with a chart, by the official who drafted it, in a video… */
    form: hint(z.enum(['text', 'graphic', 'official', 'expert', 'media']).default('text'), { label: '解读形式', options: 'interpretation.form' }),
    image: hint(image().optional(), { label: '封面图片' }),
    ...editions(articleEdition).shape,
  });

const count = z.number().int().min(0);
/** One row of table 3: a count per kind of applicant. */
const applicantRow = z.object({
  natural: hint(count, { label: '自然人' }),
  commercial: hint(count, { label: '商业企业' }),
  research: hint(count, { label: '科研机构' }),
  publicInterest: hint(count, { label: '社会公益组织' }),
  legalService: hint(count, { label: '法律服务机构' }),
  other: hint(count, { label: '其他' }),
});
const row = (label: string) => hint(applicantRow, { label });
/** One row of table 4: the five result columns. */
const reviewRow = z.object({
  upheld: hint(count, { label: '结果维持' }),
  corrected: hint(count, { label: '结果纠正' }),
  other: hint(count, { label: '其他结果' }),
  pending: hint(count, { label: '尚未审结' }),
  total: hint(count, { label: '总计' }),
});

const reportEdition = z.object({
  title: hint(z.string().min(1), { label: '标题' }),
  /** 一、总体情况 */
  overview: hint(z.string().min(1), { label: '一、总体情况', multiline: true }),
  /** 五、存在的主要问题及改进情况 */
  problems: hint(z.string().min(1), { label: '五、存在的主要问题及改进情况', multiline: true }),
  /** 六、其他需要报告的事项 */
  otherMatters: hint(z.string().min(1), { label: '六、其他需要报告的事项', multiline: true }),
});

/**
 * 政府信息公开工作年度报告, one per year. Table 2's rows for 规章 and 行政规范性文件 are computed
 * from the catalogue; its other rows and tables 3 and 4 are figures kept here until the
 * request workflow produces them.
 */
export const report = ({ reference }: ModelHelpers) =>
  z.object({
    year: hint(z.number().int().min(2000), { label: '年度' }),
    published: publishTime,
    department: hint(reference.departments, { label: '编制机构' }),
    table2: hint(
      z.object({
        /** 行政许可: 本年处理决定数量 */
        licensing: hint(count, { label: '行政许可（本年处理决定数量）' }),
        /** 行政处罚 */
        penalties: hint(count, { label: '行政处罚' }),
        /** 行政强制 */
        enforcement: hint(count, { label: '行政强制' }),
        /** 行政事业性收费: 本年收费金额（万元） */
        feesTenThousandYuan: hint(z.number().min(0), { label: '行政事业性收费（万元）' }),
      }),
      { label: '表二 主动公开政府信息情况' },
    ),
    table3: hint(
      z.object({
        newApplications: row('本年新收政府信息公开申请数量'),
        carriedOver: row('上年结转政府信息公开申请数量'),
        results: hint(
          z.object({
            disclosed: row('予以公开'),
            partlyDisclosed: row('部分公开'),
            withheld: hint(
              z.object({
                stateSecret: row('属于国家秘密'),
                prohibitedByLaw: row('其他法律行政法规禁止公开'),
                threeSecurities: row('危及“三安全一稳定”'),
                thirdPartyRights: row('保护第三方合法权益'),
                internalAffairs: row('属于三类内部事务信息'),
                processInformation: row('属于四类过程性信息'),
                enforcementFiles: row('属于行政执法案卷'),
                queryMatters: row('属于行政查询事项'),
              }),
              { label: '不予公开' },
            ),
            unavailable: hint(
              z.object({ notHeld: row('本机关不掌握相关政府信息'), needsCreation: row('没有现成信息需要另行制作'), unclearAfterCorrection: row('补正后申请内容仍不明确') }),
              { label: '无法提供' },
            ),
            notProcessed: hint(
              z.object({
                petitionLike: row('信访举报投诉类申请'),
                repeated: row('重复申请'),
                publications: row('要求提供公开出版物'),
                excessive: row('无正当理由大量反复申请'),
                confirmation: row('要求行政机关确认或重新出具已获取信息'),
              }),
              { label: '不予处理' },
            ),
            otherHandling: hint(
              z.object({ overdueCorrection: row('申请人逾期未补正、行政机关不再处理'), unpaidFees: row('申请人逾期未按收费通知要求缴纳费用'), other: row('其他') }),
              { label: '其他处理' },
            ),
            total: row('总计'),
          }),
          { label: '本年度办理结果' },
        ),
        carriedForward: row('结转下年度继续办理'),
      }),
      { label: '表三 收到和处理政府信息公开申请情况' },
    ),
    table4: hint(
      z.object({
        reconsideration: hint(reviewRow, { label: '行政复议' }),
        litigationDirect: hint(reviewRow, { label: '行政诉讼（未经复议直接起诉）' }),
        litigationAfterReconsideration: hint(reviewRow, { label: '行政诉讼（复议后起诉）' }),
      }),
      { label: '表四 政府信息公开行政复议、行政诉讼情况' },
    ),
    zh: hint(reportEdition, { label: '中文版', lang: 'zh' }),
    ug: hint(uyghur(reportEdition).optional(), { label: 'ئۇيغۇرچە（维吾尔文版）' }),
    en: hint(reportEdition.optional(), { label: 'English（英文版）', lang: 'en' }),
  });

/**
 * The working-day calendar (STANDARDS.md §5): one file a year with the national holidays, the
 * region's own (Rozi, Corban) and the weekends worked instead (调休). Deadlines count on it.
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const scope = hint(z.enum(['national', 'regional']).optional(), { label: '范围', options: { national: '全国', regional: '本区' } });
export const calendar = () =>
  z.object({
    year: hint(z.number().int().min(2000), { label: '年份' }),
    holidays: hint(
      z.array(
        z.union([
          z.object({ date: hint(isoDay, { label: '日期（YYYY-MM-DD）' }), name: hint(localizedText, { label: '名称' }), scope }),
          z.object({ from: hint(isoDay, { label: '起（YYYY-MM-DD）' }), to: hint(isoDay, { label: '止（YYYY-MM-DD）' }), name: hint(localizedText, { label: '名称' }), scope }),
        ]),
      ),
      { label: '放假日', description: '一天的假日填“日期”，连续几天的假日填“起”和“止”' },
    ),
    workdays: hint(z.array(hint(isoDay, { label: '日期（YYYY-MM-DD）' })).default([]), { label: '调休上班日' }),
  });
