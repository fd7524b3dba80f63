/**
 * The portal's one content model: a zod schema per collection, keyed as src/content.config.ts
 * names the collections. Astro builds the site with it (given its own `reference` and `image`)
 * and the CMS derives its fields from it (src/editor/fields-from-zod.ts, given the plain helpers),
 * so the two cannot drift apart.
 */
import type { z } from 'astro/zod';
import { article, page } from './articles.ts';
import { calendar, genre, interpretation, policy, report, topic } from './disclosure.ts';
import type { ModelHelpers } from './helpers.ts';
import { department, leader, siteSettings } from './organisation.ts';
import { lifeEvent, service } from './services.ts';

export function contentModel<I extends z.ZodType>(helpers: ModelHelpers<I>) {
  return {
    settings: siteSettings(),
    departments: department(),
    leaders: leader(helpers),
    news: article(helpers),
    notices: article(helpers),
    pages: page(helpers),
    topics: topic(helpers),
    genres: genre(),
    policies: policy(helpers),
    interpretations: interpretation(helpers),
    reports: report(helpers),
    calendar: calendar(),
    lifeEvents: lifeEvent(),
    services: service(helpers),
  };
}

export type ModelCollection = keyof ReturnType<typeof contentModel>;

/**
 * Where each collection's items live under content/ (src/lib/editorial/item-paths.ts knows the
 * same layout from the path side):
 * - `folder`: `<dir>/<item>/index.yaml`, with `body/<lang>.md` when `bodies` is set, images
 *   beside the YAML and attachments under `files/`;
 * - `file`: `<dir>/<item>.yaml`;
 * - `single`: the one file `<dir>/<item>.yaml` (the site settings).
 */
export interface CollectionLayout {
  dir: string;
  layout: 'folder' | 'file' | 'single';
  bodies: boolean;
  /** The collection's name in the CMS. */
  label: string;
}

export const COLLECTION_LAYOUTS: Record<ModelCollection, CollectionLayout> = {
  settings: { dir: 'settings', layout: 'single', bodies: false, label: '网站设置' },
  departments: { dir: 'departments', layout: 'file', bodies: false, label: '部门' },
  leaders: { dir: 'leaders', layout: 'folder', bodies: false, label: '政府领导' },
  news: { dir: 'news', layout: 'folder', bodies: true, label: '新闻' },
  notices: { dir: 'notices', layout: 'folder', bodies: true, label: '通知公告' },
  pages: { dir: 'pages', layout: 'folder', bodies: true, label: '页面' },
  topics: { dir: 'topics', layout: 'file', bodies: false, label: '主题分类' },
  genres: { dir: 'genres', layout: 'file', bodies: false, label: '体裁分类' },
  policies: { dir: 'policies', layout: 'folder', bodies: true, label: '政策文件' },
  interpretations: { dir: 'interpretations', layout: 'folder', bodies: true, label: '政策解读' },
  reports: { dir: 'reports', layout: 'file', bodies: false, label: '政府信息公开年度报告' },
  calendar: { dir: 'calendar', layout: 'file', bodies: false, label: '工作日历' },
  lifeEvents: { dir: 'life-events', layout: 'file', bodies: false, label: '人生事件' },
  services: { dir: 'services', layout: 'folder', bodies: false, label: '办事指南' },
};
