import type { APIRoute } from 'astro';
import { columnFeed, feedStaticPaths } from '../../../content/feeds.ts';
import type { Locale } from '../../../i18n/locales.ts';

/** The interpretations column's RSS 2.0 feed. */
export const getStaticPaths = feedStaticPaths;
export const GET: APIRoute<{ locale: Locale }> = ({ props, site }) => columnFeed('interpretations', props.locale, site!);
