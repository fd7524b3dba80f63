// Makes the self-hosted Uyghur font: a subset of Noto Naskh Arabic (OFL, from npm) holding
// only what Uyghur text needs, ~10 KB a weight instead of ~50 KB for all of Arabic.
// Written to public/fonts/generated/ (not committed); skipped when already up to date.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const out = 'public/fonts/generated';

// The Uyghur alphabet (UEY), Arabic punctuation, digits, joiners and the marks used with it.
const uyghur = 'ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە';
const extra = '،؛؟«»ـ٠١٢٣٤٥٦٧٨٩0123456789.,:;!?()-/%"\' \u200c\u200d\u200e\u200f\u0654\u06d5\u0640';
const text = uyghur + extra;

await mkdir(out, { recursive: true });
for (const weight of [400, 700]) {
  const source = require.resolve(`@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff2`);
  const target = `${out}/uyghur-${weight}.woff2`;
  const fresh = await stat(target).then((t) => t.size > 0, () => false);
  if (fresh && !process.argv.includes('--force')) continue;
  const subset = await subsetFont(await readFile(source), text, { targetFormat: 'woff2' });
  await writeFile(target, subset);
  console.log(`fonts: ${target} ${(subset.length / 1024).toFixed(1)} KB`);
}
