import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { localizedText } from './content/model/editions.ts';
import { article, page } from './content/model/articles.ts';
import { calendar as calendarSchema, genre, interpretation, policy, report, topic } from './content/model/disclosure.ts';
import { department, leader, siteSettings } from './content/model/organisation.ts';
import { lifeEvent, service } from './content/model/services.ts';

/**
 * Content lives in content/, one folder per collection. Multilingual articles are folders:
 *   content/<collection>/<slug>/index.yaml      shared facts + title/summary per language
 *   content/<collection>/<slug>/body/<lang>.md  the body of each edition that exists
 *   content/<collection>/<slug>/files/…         attachments; images sit beside index.yaml
 * The schemas are the portal's one content model (src/content/model/), which the CMS derives
 * its fields from; here they get Astro's own `reference` and `image`.
 */
/** CONTENT_DIR points the build at another content folder (the benchmark corpus). */
const contentDir = process.env.CONTENT_DIR ?? 'content';
const itemFolder = ({ entry }: { entry: string }) => entry.split('/')[0]!;
const bodyFile = ({ entry }: { entry: string }) => {
  const [slug, , file] = entry.split('/');
  return `${slug}/${file!.replace(/\.md$/, '')}`;
};

const references = {
  departments: reference('departments'),
  topics: reference('topics'),
  genres: reference('genres'),
  policies: reference('policies'),
  lifeEvents: reference('lifeEvents'),
};

/** Items kept as `<slug>/index.yaml`. */
const folderItems = (name: string) => glob({ pattern: '*/index.yaml', base: `${contentDir}/${name}`, generateId: itemFolder });
/** Items kept as `<id>.yaml`. */
const fileItems = (name: string) => glob({ pattern: '*.yaml', base: `${contentDir}/${name}` });

function bodiesOf(name: string) {
  return defineCollection({
    loader: glob({ pattern: '*/body/{zh,ug,en}.md', base: `${contentDir}/${name}`, generateId: bodyFile }),
    schema: z.looseObject({}),
  });
}

const news = defineCollection({ loader: folderItems('news'), schema: ({ image }) => article({ reference: references, image }) });
const notices = defineCollection({ loader: folderItems('notices'), schema: ({ image }) => article({ reference: references, image }) });
const pages = defineCollection({ loader: folderItems('pages'), schema: ({ image }) => page({ reference: references, image }) });
const departments = defineCollection({ loader: fileItems('departments'), schema: department() });
const leaders = defineCollection({ loader: folderItems('leaders'), schema: ({ image }) => leader({ reference: references, image }) });
const settings = defineCollection({ loader: glob({ pattern: 'site.yaml', base: `${contentDir}/settings` }), schema: siteSettings() });
const topics = defineCollection({ loader: fileItems('topics'), schema: ({ image }) => topic({ reference: references, image }) });
const genres = defineCollection({ loader: fileItems('genres'), schema: genre() });
const policies = defineCollection({ loader: folderItems('policies'), schema: ({ image }) => policy({ reference: references, image }) });
const interpretations = defineCollection({ loader: folderItems('interpretations'), schema: ({ image }) => interpretation({ reference: references, image }) });
const reports = defineCollection({ loader: fileItems('reports'), schema: ({ image }) => report({ reference: references, image }) });
const calendar = defineCollection({ loader: fileItems('calendar'), schema: calendarSchema() });
const lifeEvents = defineCollection({ loader: fileItems('life-events'), schema: lifeEvent() });
const services = defineCollection({ loader: folderItems('services'), schema: ({ image }) => service({ reference: references, image }) });

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
