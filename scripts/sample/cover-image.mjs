#!/usr/bin/env node
// Draws an illustrative cover picture for sample news and notices (no photographs of real
// people or places): a sky, hills and a theme's shapes, varied by a seed. Run through npm's
// Node: `node_modules/.bin/node scripts/sample/cover-image.mjs <out.jpg> <theme> <seed>`.
import sharp from 'sharp';

const themes = ['city', 'farm', 'mountains', 'industry', 'meeting', 'school', 'hospital', 'road', 'water', 'market'];

function rng(seed) {
  let s = [...String(seed)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 2166136261);
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function shapes(theme, r, w, h) {
  const g = h * 0.68;
  const out = [];
  const box = (x, y, bw, bh, fill) => out.push(`<rect x="${x}" y="${y}" width="${bw}" height="${bh}" fill="${fill}"/>`);
  switch (theme) {
    case 'city':
      for (let x = 20; x < w; x += 50 + r() * 40) {
        const bh = 90 + r() * 200;
        box(x, g - bh, 40 + r() * 30, bh, `hsl(210,15%,${35 + r() * 25}%)`);
        for (let wy = g - bh + 12; wy < g - 12; wy += 22) box(x + 8, wy, 10, 10, '#f6e7a1');
      }
      break;
    case 'farm':
      for (let i = 0; i < 9; i++) out.push(`<path d="M0 ${g + i * 22} Q ${w / 2} ${g + i * 22 - 30} ${w} ${g + i * 22}" stroke="hsl(${80 + r() * 30},55%,${35 + r() * 15}%)" stroke-width="12" fill="none"/>`);
      break;
    case 'mountains':
      for (let i = 0; i < 4; i++) {
        const x = r() * w, peak = g - 150 - r() * 120;
        out.push(`<polygon points="${x - 260},${g} ${x},${peak} ${x + 260},${g}" fill="hsl(220,12%,${45 + i * 8}%)"/><polygon points="${x - 50},${peak + 55} ${x},${peak} ${x + 50},${peak + 55}" fill="#f8fafc"/>`);
      }
      break;
    case 'industry':
      for (let i = 0; i < 5; i++) {
        const x = 60 + i * (w / 5);
        box(x, g - 120, 110, 120, '#6b7280');
        box(x + 70, g - 230 - r() * 40, 22, 230, '#4b5563');
        out.push(`<circle cx="${x + 81}" cy="${g - 270 - r() * 40}" r="${18 + r() * 14}" fill="#e5e7eb" opacity=".8"/>`);
      }
      break;
    case 'meeting':
      box(w * 0.15, g - 60, w * 0.7, 50, '#7c2d12');
      for (let i = 0; i < 9; i++) out.push(`<circle cx="${w * 0.2 + i * w * 0.075}" cy="${g - 95}" r="20" fill="#1f2937"/>`);
      box(w * 0.42, h * 0.12, w * 0.16, 26, '#b91c1c');
      break;
    case 'school':
      box(w * 0.25, g - 170, w * 0.5, 170, '#fde68a');
      out.push(`<polygon points="${w * 0.22},${g - 170} ${w / 2},${g - 250} ${w * 0.78},${g - 170}" fill="#b91c1c"/>`);
      for (let i = 0; i < 6; i++) box(w * 0.29 + i * w * 0.07, g - 130, 30, 40, '#93c5fd');
      break;
    case 'hospital':
      box(w * 0.3, g - 220, w * 0.4, 220, '#f1f5f9');
      box(w / 2 - 12, g - 190, 24, 70, '#dc2626');
      box(w / 2 - 35, g - 167, 70, 24, '#dc2626');
      break;
    case 'road':
      out.push(`<polygon points="${w * 0.45},${g} ${w * 0.55},${g} ${w * 0.9},${h} ${w * 0.1},${h}" fill="#374151"/>`);
      for (let i = 0; i < 5; i++) box(w / 2 - 4, g + 10 + i * 40, 8, 22, '#fbbf24');
      break;
    case 'water':
      for (let i = 0; i < 7; i++) out.push(`<path d="M0 ${g + 10 + i * 25} q 60 -14 120 0 t 120 0 t 120 0 t 120 0 t 120 0 t 120 0 t 120 0 t 120 0" stroke="#bfdbfe" stroke-width="5" fill="none"/>`);
      break;
    case 'market':
      for (let i = 0; i < 6; i++) {
        const x = 40 + i * (w / 6);
        out.push(`<polygon points="${x},${g - 110} ${x + 60},${g - 150} ${x + 120},${g - 110}" fill="hsl(${r() * 360},70%,55%)"/>`);
        box(x + 10, g - 110, 100, 110, '#fef3c7');
      }
      break;
  }
  return out.join('');
}

export async function coverImage(out, theme, seed, width = 960, height = 540) {
  if (!themes.includes(theme)) throw new Error(`theme must be one of ${themes.join(', ')}`);
  const r = rng(`${theme}:${seed}`);
  const hue = 190 + r() * 30;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,62%)"/><stop offset="1" stop-color="hsl(${hue + 10},60%,88%)"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${width * (0.1 + r() * 0.8)}" cy="${height * 0.18}" r="40" fill="#fff7d6"/>
  <path d="M0 ${height * 0.7} Q ${width * 0.3} ${height * (0.55 + r() * 0.1)} ${width * 0.6} ${height * 0.68} T ${width} ${height * 0.66} V ${height} H 0 Z" fill="hsl(${95 + r() * 30},40%,${42 + r() * 10}%)"/>
  ${shapes(theme, r, width, height)}
</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toFile(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, theme, seed = '1'] = process.argv.slice(2);
  if (!out || !theme) {
    console.error(`usage: cover-image.mjs <out.jpg> <${themes.join('|')}> [seed]`);
    process.exit(2);
  }
  await coverImage(out, theme, seed);
}
