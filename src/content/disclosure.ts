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
export function beijingYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(date));
}

export async function getPolicy(id: string): Promise<Policy> {
  const policy = (await listPolicies()).find((p) => p.id === id);
  if (!policy) throw new Error(`content/policies/${id} does not exist`);
  return policy;
}

/** Interpretations, newest first. */
export async function listInterpretations(): Promise<Interpretation[]> {
  return (await getCollection('interpretations')).sort(newestFirst);
}

/** The interpretations of one policy. */
export async function interpretationsOf(policyId: string): Promise<Interpretation[]> {
  return (await listInterpretations()).filter((i) => i.data.policy.id === policyId);
}

/** Documents that name `policyId` as what replaced them. */
export async function replacedByThis(policyId: string): Promise<Policy[]> {
  return (await listPolicies()).filter((p) => p.data.replacedBy?.id === policyId);
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
