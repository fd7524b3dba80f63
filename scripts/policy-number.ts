/**
 * Assigns 索引号 to catalogue entries that do not have one yet, and creates new entries.
 *
 *   npm run policy:number                     give every entry without an indexNumber its number
 *   npm run policy:new -- <department> [year] create content/policies/<year>-<next serial>/
 *
 * A number, once written, is never changed by this script: the back part is the folder name,
 * the front part the department's code under the scheme in content/settings/site.yaml.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { backPart, defaultScheme, formatIndexNumber, frontPart, nextSerial, type IndexScheme } from '../src/lib/index-number.ts';

const root = 'content/policies';
const settings = parse(readFileSync('content/settings/site.yaml', 'utf8'));
const scheme: IndexScheme = { ...defaultScheme, ...settings.indexScheme };
const creditCode = (department: string) => {
  const file = `content/departments/${department}.yaml`;
  if (!existsSync(file)) throw new Error(`no department "${department}" (${file})`);
  return parse(readFileSync(file, 'utf8')).orgCode as string;
};
const folders = () => (existsSync(root) ? readdirSync(root).filter((f) => existsSync(join(root, f, 'index.yaml'))) : []);

const [command, ...args] = process.argv.slice(2);
if (command === 'assign') {
  let assigned = 0;
  for (const id of folders()) {
    const file = join(root, id, 'index.yaml');
    const text = readFileSync(file, 'utf8');
    const data = parse(text);
    if (data.indexNumber) continue;
    const [year, serial] = id.split('-').map(Number);
    if (!year || !serial || backPart(year, serial, scheme) !== id) throw new Error(`${file}: the folder name must be <year>-<${scheme.serialDigits}-digit serial>`);
    const number = formatIndexNumber({ front: frontPart(creditCode(data.department), scheme), year, serial }, scheme);
    writeFileSync(file, `indexNumber: ${number}\n${text}`);
    console.log(`${file}: ${number}`);
    assigned++;
  }
  console.log(`${assigned} index number(s) assigned`);
} else if (command === 'new') {
  const [department, yearArg] = args;
  if (!department) throw new Error('usage: npm run policy:new -- <department> [year]');
  const year = Number(yearArg ?? new Date().getFullYear());
  const id = backPart(year, nextSerial(folders(), year), scheme);
  const number = formatIndexNumber({ front: frontPart(creditCode(department), scheme), year, serial: Number(id.split('-')[1]) }, scheme);
  mkdirSync(join(root, id, 'body'), { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(
    join(root, id, 'index.yaml'),
    `indexNumber: ${number}\ndepartment: ${department}\nwritten: ${today}\npublished: ${today}T09:00:00+08:00\ntopic: general-affairs\ngenre: notice\nvalidity: valid\nzh:\n  title: （标题）\n`,
  );
  writeFileSync(join(root, id, 'body', 'zh.md'), '（正文）\n');
  console.log(`created ${join(root, id)} with index number ${number}`);
} else {
  throw new Error('usage: policy-number.ts assign | new <department> [year]');
}
