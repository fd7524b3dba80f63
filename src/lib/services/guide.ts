/**
 * The shared facts of a service guide (办事指南, STANDARDS.md §3) and the rules that tie them
 * together: what kind of matter it is, whom it serves, how far it can be done online, and its
 * codes. The content schema uses these lists; pages name them through `services.*` UI strings.
 */

/** 事项类型: the kinds of administrative matter in the service catalogue. */
export const SERVICE_KINDS = ['licensing', 'confirmation', 'benefit', 'ruling', 'reward', 'public-service', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** 服务对象: natural persons (个人) and legal persons and other organisations (法人). */
export const AUDIENCES = ['person', 'business'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * 网上办理深度, the four levels portals report:
 * 1 guide and forms online, apply at the hall; 2 online pre-check, originals brought once;
 * 3 apply online, at most one visit to collect the result; 4 fully online, no visit.
 */
export const ONLINE_DEPTHS = [1, 2, 3, 4] as const;
export type OnlineDepth = (typeof ONLINE_DEPTHS)[number];

/** A service can be applied for online from level 2; such a service brings its own form. */
export const appliesOnline = (depth: number): boolean => depth >= 2;

/** 事项编码 in the portal's sample scheme: 12 digits. It is the guide's folder name and URL. */
export const SERVICE_CODE = /^\d{12}$/;

/** 实施编码: the implementing department's unified social credit code followed by the service code. */
export function implementingCode(departmentCode: string, serviceCode: string): string {
  return `${departmentCode}${serviceCode}`;
}

export interface GuideFacts {
  statutoryDays?: number | undefined;
  promisedDays: number;
  charged: boolean;
  visits: number;
  onlineDepth: number;
  form?: unknown;
  zh: { fee?: string | undefined };
  ug?: { fee?: string | undefined } | undefined;
  en?: { fee?: string | undefined } | undefined;
}

/** Facts that contradict each other, each as [path, message]; empty when the guide is consistent. */
export function guideFactProblems(g: GuideFacts): [string[], string][] {
  const problems: [string[], string][] = [];
  if (g.statutoryDays !== undefined && g.promisedDays > g.statutoryDays) {
    problems.push([['promisedDays'], `承诺期限 ${g.promisedDays} is longer than 法定期限 ${g.statutoryDays}: the promise must be within the law`]);
  }
  if (appliesOnline(g.onlineDepth) && g.form === undefined) problems.push([['form'], `online depth ${g.onlineDepth} means it can be applied for online: the guide needs its form`]);
  if (!appliesOnline(g.onlineDepth) && g.form !== undefined) problems.push([['onlineDepth'], 'the guide has a form, so its online depth must be 2 or more']);
  if (g.onlineDepth === 4 && g.visits !== 0) problems.push([['visits'], 'a fully online service (depth 4) needs no visit: visits must be 0']);
  if (g.onlineDepth === 3 && g.visits > 1) problems.push([['visits'], 'depth 3 allows at most one visit']);
  if (g.onlineDepth < 4 && g.visits === 0) problems.push([['visits'], 'no visit at all is depth 4 (fully online): raise onlineDepth or count the visit']);
  for (const lang of ['zh', 'ug', 'en'] as const) {
    const edition = g[lang];
    if (g.charged && edition && !edition.fee) problems.push([[lang, 'fee'], 'the service is charged: say what it costs (收费标准)']);
  }
  return problems;
}
