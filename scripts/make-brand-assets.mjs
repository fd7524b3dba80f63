// Renders the raster forms of the emblem (favicon.ico, the default Open Graph picture)
// from public/emblem.svg. Run once after changing the emblem: `npm run brand-assets`.
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';

const emblem = await readFile('public/emblem.svg');
const png32 = await sharp(emblem).resize(32, 32).png().toBuffer();
// An .ico file holding one 32×32 PNG image.
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6); header.writeUInt8(32, 7); header.writeUInt16LE(1, 10); header.writeUInt16LE(32, 12);
header.writeUInt32LE(png32.length, 14); header.writeUInt32LE(22, 18);
await writeFile('public/favicon.ico', Buffer.concat([header, png32]));

const mark = await sharp(emblem).resize(360, 360).png().toBuffer();
await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#a8131d' } })
  .composite([{ input: mark, top: 135, left: 420 }])
  .png({ compressionLevel: 9 })
  .toFile('public/og-default.png');
