/**
 * The CMS (Keystatic) of the portal's editor server. Only the editor build reads this file
 * (astro.editor.config.mjs); the public site knows nothing of it. Its collections are derived
 * from the content model (src/editor/collections.ts); files are written through the editor
 * server's guarded API into the drafts tree (src/editor/).
 */
import { config } from '@keystatic/core';
import { keystaticCollections } from './src/editor/collections.ts';

/** Set by the editor build from content/settings/site.yaml; absent when read outside the build (tests). */
declare const __PORTAL_BRAND__: string | undefined;
const brand = typeof __PORTAL_BRAND__ === 'string' ? __PORTAL_BRAND__ : '门户网站';

const { collections, singletons } = keystaticCollections();

export default config({
  storage: { kind: 'local' },
  // Keystatic's zh-CN covers only part of its interface (upstream issue #1578); the labels are ours.
  locale: 'zh-CN',
  ui: {
    brand: { name: `${brand} · 内容编辑` },
    navigation: {
      新闻公告: ['news', 'notices', 'pages'],
      政府信息公开: ['policies', 'interpretations', 'reports', 'topics', 'genres'],
      办事服务: ['services', 'lifeEvents'],
      网站与机构: ['settings', 'departments', 'leaders', 'calendar'],
    },
  },
  collections,
  singletons,
});
