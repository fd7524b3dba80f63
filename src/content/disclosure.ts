import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { checkCatalogue } from '../lib/index-number.ts';
import { checkTable3, checkTable4 } from '../lib/annual-report.ts';
import { getSettings } from './queries.ts';

export type Policy = CollectionEntry<'policies'>;
export type Interpretation = CollectionEntry<'interpretations'>;
export type Report = CollectionEntry<'reports'>;

const newestFirst = <T extends { id: string; data: { published: Date } }>(a: T, b: T) =>
  b.data.published.getTime() - a.data.published.getTime() || b.id.localeCompare(a.id);

let checked: Promise<Policy[]> | undefined;

/**
 * The catalogue, newest first. The first call checks every index number and stops the
 * build with one message per bad entry (missing, malformed, duplicate, not its folder).
 */
export function listPolicies(): Promise<Policy[]> {
  checked ??= (async () => {
    const policies = (await getCollection('policies')).sort(newestFirst);
    const { indexScheme } = await getSettings();
    const problems = checkCatalogue(
      policies.map((p) => ({ id: p.id, indexNumber: p.data.indexNumber, publishedYear: beijingYear(p.data.published) })),
      indexScheme,
    );
    if (problems.length) throw new Error(`The disclosure catalogue has bad index numbers:\n  ${problems.join('\n  ')}`);
    return policies;
  })();
  return checked;
}

/** The year of a date in Beijing time. */
const yearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });
export function beijingYear(date: Date): number {
  return Number(yearFormat.format(date));
}

let byId: Promise<Map<string, Policy>> | undefined;
export async function getPolicy(id: string): Promise<Policy> {
  byId ??= listPolicies().then((all) => new Map(all.map((p) => [p.id, p])));
  const policy = (await byId).get(id);
  if (!policy) throw new Error(`content/policies/${id} does not exist`);
  return policy;
}

/** Interpretations, newest first. */
let interpretations: Promise<Interpretation[]> | undefined;
export function listInterpretations(): Promise<Interpretation[]> {
  return (interpretations ??= getCollection('interpretations').then((all) => all.sort(newestFirst)));
}

/** The interpretations of one policy. */
let byPolicy: Promise<Map<string, Interpretation[]>> | undefined;
export async function interpretationsOf(policyId: string): Promise<Interpretation[]> {
  byPolicy ??= listInterpretations().then((all) => groupBy(all, (i) => i.data.policy.id));
  return (await byPolicy).get(policyId) ?? [];
}
function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** Documents that name `policyId` as what replaced them. */
let replaced: Promise<Map<string, Policy[]>> | undefined;
export async function replacedByThis(policyId: string): Promise<Policy[]> {
  replaced ??= listPolicies().then((all) => groupBy(all, (p) => p.data.replacedBy?.id));
  return (await replaced).get(policyId) ?? [];
}

/**
 * Annual reports, newest year first. Stops the build when a report's table 3 or 4 does not
 * add up, naming the file and the column.
 */
export async function listReports(): Promise<Report[]> {
  const reports = (await getCollection('reports')).sort((a, b) => b.data.year - a.data.year);
  const problems = reports.flatMap((r) => [...checkTable3(r.data.table3), ...checkTable4(r.data.table4)].map((p) => `content/reports/${r.id}.yaml: ${p}`));
  if (problems.length) throw new Error(`Annual report tables do not add up:\n  ${problems.join('\n  ')}`);
  return reports;
}

export async function getTopic(id: string) {
  const topic = await getEntry('topics', id);
  if (!topic) throw new Error(`content/topics/${id}.yaml does not exist`);
  return topic;
}

export async function listTopics() {
  return (await getCollection('topics')).sort((a, b) => a.data.order - b.data.order);
}

export async function listGenres() {
  return (await getCollection('genres')).sort((a, b) => a.data.order - b.data.order);
}
