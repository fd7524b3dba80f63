import { defineHastPlugin } from 'satteri';
import type { PluginFactoryContext } from 'satteri';
import { splitLtrRuns } from './bidi.ts';
import { normalizeUyghur } from './uyghur-normalize.ts';

/**
 * Markdown plugin for the bodies of right-to-left editions (files named `ug.md`): normalises
 * the Uyghur text (STANDARDS.md §7) and wraps
 * each left-to-right run of text in `<bdi dir="ltr">` (with `lang="zh-CN"` when it is
 * Chinese), so that dates, phone numbers and document numbers read in the right order
 * without editors having to mark them up. Other files are left alone.
 */
const rtlBody = /\/body\/ug\.md$/;
const skip = new Set(['code', 'pre', 'bdi', 'kbd', 'samp', 'script', 'style']);

const isolateLtr = defineHastPlugin({
  name: 'isolate-ltr-runs',
  text(node, ctx) {
    const parent = ctx.parent(node);
    if (parent && parent.type === 'element' && skip.has(parent.tagName)) return;
    // Uyghur bodies are normalised as they are built, like every Uyghur text (STANDARDS.md §7).
    const text = normalizeUyghur(node.value);
    const runs = splitLtrRuns(text);
    if (!runs.some((r) => r.ltr)) {
      if (text !== node.value) ctx.replaceNode(node, { type: 'text', value: text });
      return;
    }
    ctx.replaceNode(
      node,
      runs.map((run) =>
        run.ltr
          ? { type: 'element', tagName: 'bdi', properties: run.han ? { dir: 'ltr', lang: 'zh-CN' } : { dir: 'ltr' }, children: [{ type: 'text', value: run.text }] }
          : { type: 'text', value: run.text },
      ),
    );
  },
});

/** Plugin factory: active only for Uyghur bodies. */
export function isolateLtrInRtlBodies(ctx: PluginFactoryContext) {
  return ctx.fileURL && rtlBody.test(ctx.fileURL.pathname) ? isolateLtr : null;
}
