#!/usr/bin/env node
// Draws a neutral placeholder portrait for the sample leaders (no face, no real person): a
// grey-blue background with a plain head-and-shoulders silhouette, 360×480 JPEG.
// Run through npm's Node: `node_modules/.bin/node scripts/sample/portrait.mjs <out.jpg> [seed]`.
import sharp from 'sharp';

export async function portrait(out, seed = 0, width = 360, height = 480) {
  // The seed only shifts the background tone a little so that the five pictures are not identical.
  const n = Number(seed) || 0;
  const hue = 208 + (n % 5) * 3;
  const cx = width / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},22%,78%)"/>
      <stop offset="1" stop-color="hsl(${hue},20%,64%)"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <g fill="hsl(${hue},18%,38%)">
    <ellipse cx="${cx}" cy="178" rx="70" ry="86"/>
    <rect x="${cx - 34}" y="240" width="68" height="60" rx="18"/>
    <path d="M${cx - 160} ${height} C ${cx - 160} 350 ${cx - 120} 300 ${cx - 40} 290 L ${cx + 40} 290 C ${cx + 120} 300 ${cx + 160} 350 ${cx + 160} ${height} Z"/>
  </g>
  <path d="M${cx - 40} 290 L ${cx} 360 L ${cx + 40} 290 Z" fill="hsl(${hue},14%,86%)"/>
</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 75, mozjpeg: true }).toFile(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, seed = '0'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: portrait.mjs <out.jpg> [seed]');
    process.exit(2);
  }
  await portrait(out, seed);
}
