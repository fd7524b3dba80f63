#!/usr/bin/env node
// Writes a minimal, valid one-page PDF 1.4 to stand in for a sample attachment (no dependencies):
// Helvetica text lines saying that the file is a sample, with the notice's English title.
// Run through npm's Node:
//   `node_modules/.bin/node scripts/sample/sample-pdf.mjs <out.pdf> <English title> [extra line…]`
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Characters outside ASCII that WinAnsiEncoding has, mapped to their byte. */
const winAnsi = { '\u2013': 0x96, '\u2014': 0x97, '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2026': 0x85 };

/** A PDF literal string as bytes (latin1), with ( ) \ escaped; anything unknown becomes '?'. */
function pdfString(text) {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    let byte = winAnsi[ch] ?? (code >= 0x20 && code <= 0x7e ? code : code >= 0xa0 && code <= 0xff ? code : 0x3f);
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

/** Breaks a line into pieces of at most `width` characters at spaces. */
function wrap(line, width = 80) {
  const words = line.split(' ');
  const lines = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

export function samplePdf(title, extra = []) {
  const rows = [
    { size: 16, text: 'Tianshan Autonomous Region \u2014 sample attachment' },
    { size: 11, text: '' },
    ...wrap(title, 70).map((text) => ({ size: 13, text })),
    { size: 11, text: '' },
    ...extra.flatMap((l) => wrap(l)).map((text) => ({ size: 11, text })),
    { size: 11, text: 'This file is a sample.' },
    { size: 11, text: 'The region, its bodies and all names and numbers in it are fictional.' },
  ];
  let y = 780;
  const ops = ['BT'];
  for (const r of rows) {
    ops.push(`/F1 ${r.size} Tf 1 0 0 1 56 ${y} Tm ${pdfString(r.text)} Tj`);
    y -= Math.round(r.size * 1.6);
  }
  ops.push('ET');
  const stream = ops.join('\n') + '\n';

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    `<< /Title ${pdfString(title)} /Producer (Tianshan sample portal) >>`,
  ];

  // Build as latin1 text: every character is one byte, so string lengths are byte offsets.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, title, ...extra] = process.argv.slice(2);
  if (!out || !title) {
    console.error('usage: sample-pdf.mjs <out.pdf> <English title> [extra line…]');
    process.exit(2);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, samplePdf(title, extra));
}
