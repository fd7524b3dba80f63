/**
 * Keystatic's own Chinese (zh-CN) is a machine translation: 保存 reads 节省 (to economise), 清除
 * reads 透明 (transparent), a collection is 收藏品 (a collector's items). This Vite plugin puts
 * plain Chinese in its place while the editor is built, so no patched copy of the package has
 * to be kept. After an upgrade, tests/unit/keystatic-chinese.test.ts fails if the strings are no
 * longer where it looks, or Keystatic has new ones, rather than the old ones quietly showing again.
 */
import type { Plugin } from 'vite';

export const KEYSTATIC_CHINESE: Record<string, string> = {
  add: '添加',
  basedOn: '基于',
  branches: '分支',
  branchName: '分支名称',
  cancel: '取消',
  clear: '清除',
  collection: '栏目',
  collections: '栏目',
  create: '新建',
  createPullRequest: '创建合并请求',
  currentBranch: '当前分支',
  dashboard: '总览',
  defaultBranch: '默认分支',
  delete: '删除',
  deleteBranch: '删除分支',
  edit: '编辑',
  loading: '正在加载',
  newBranch: '新建分支',
  otherBranches: '其他分支',
  pullRequests: '合并请求',
  save: '保存',
  search: '搜索',
  singleton: '单项',
  singletons: '单项设置',
  theCurrentlyCheckedOutBranch: '当前检出的分支。要在当前分支已有工作的基础上继续，请选择此项。',
  theDefaultBranchInYourRepository: '仓库的默认分支。要开始一项不依赖当前分支的新工作，请选择此项。',
  viewPullRequests: '查看合并请求',
};

/** The zh-CN block of Keystatic's message table: `"zh-CN": { "key": `text`, … }`. */
const BLOCK = /"zh-CN": \{[^{}]*\}/;

export function replaceKeystaticChinese(code: string): string | null {
  const found = BLOCK.exec(code);
  if (!found) return null;
  const keys = [...found[0].matchAll(/"([A-Za-z]+)": `/g)].map((m) => m[1]!);
  const missing = keys.filter((k) => !(k in KEYSTATIC_CHINESE));
  if (missing.length) throw new Error(`Keystatic has Chinese strings we do not translate: ${missing.join(', ')}`);
  return code.replace(BLOCK, `"zh-CN": ${JSON.stringify(KEYSTATIC_CHINESE)}`);
}

export function keystaticChinese(): Plugin {
  return {
    name: 'portal-keystatic-chinese',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@keystatic/core') || !code.includes('"zh-CN": {')) return null;
      const next = replaceKeystaticChinese(code);
      if (next === null) return null;
      return { code: next, map: null };
    },
  };
}
