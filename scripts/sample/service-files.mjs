#!/usr/bin/env node
// Makes the downloads of the sample service guides: for every material of every guide in
// content/services/ that names a blank form or a sample and whose file does not exist yet, a
// small valid DOCX (a blank form with rows to fill in) or PDF (a filled-in sample). Existing
// files are left alone, so an editor's real form is never overwritten. Run through npm's Node:
//   `node_modules/.bin/node scripts/sample/service-files.mjs`
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { sampleDocx } from './sample-docx.mjs';
import { samplePdf } from './sample-pdf.mjs';

const root = join(process.env.CONTENT_DIR ?? 'content', 'services');
// What a paper application form asks for when the guide has no online form to copy from.
const defaultLabels = ['申请人（单位）名称', '统一社会信用代码或公民身份号码', '联系人', '联系电话', '通讯地址', '申请事项及理由', '申请人签字（盖章）', '申请日期'];

function make(path, kind, service, material) {
  if (existsSync(path)) return false;
  mkdirSync(join(path, '..'), { recursive: true });
  const labels = service.form?.fields.filter((f) => f.type !== 'file').map((f) => f.label.zh) ?? defaultLabels;
  if (kind === 'blank') {
    writeFileSync(path, path.endsWith('.docx') ? sampleDocx(material.name.zh, material.name.en ?? '', [...labels, '申请人签字', '申请日期']) : samplePdf(`${material.name.en ?? basename(path)} (blank form)`, labels.map((l) => `${l}: ____________`)));
  } else {
    const lines = [`Service: ${service.en?.title ?? service.zh.title}`, 'Filled in as an example: every name and number is invented.', 'Applicant: Aygul Tursun (sample)', 'Telephone: 0990-5550000 (sample)'];
    writeFileSync(path, path.endsWith('.docx') ? sampleDocx(`${material.name.zh}（示例样表）`, material.name.en ?? '', labels) : samplePdf(`${material.name.en ?? material.name.zh} \u2014 filled-in sample`, lines));
  }
  return true;
}

let made = 0;
for (const code of readdirSync(root)) {
  const file = join(root, code, 'index.yaml');
  if (!existsSync(file)) continue;
  const service = parse(readFileSync(file, 'utf8'));
  for (const material of service.materials ?? []) {
    for (const kind of ['blank', 'sample']) {
      if (material[kind] && make(join(root, code, material[kind]), kind, service, material)) made++;
    }
  }
}
console.log(`made ${made} sample files`);
