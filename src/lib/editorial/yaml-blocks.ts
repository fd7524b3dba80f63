/**
 * The top-level blocks of a content YAML file, read line by line: enough to tell which editions
 * (`zh:`, `ug:`, `en:`) an item has, its `department`, and which block a changed line of a diff
 * falls in. Our files are written in canonical form (docs/editorial-workflow.md): top-level keys
 * start in column one, everything inside a block is indented.
 */
const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*):(?:\s+(.*))?$/;

/** The top-level key a line starts, or null for an indented, blank or comment line. */
export function topLevelKey(line: string): string | null {
  return TOP_LEVEL_KEY.exec(line.trimEnd())?.[1] ?? null;
}

/** Each top-level key with its inline value ('' when the value is an indented block). */
export function topLevelEntries(text: string): Map<string, { inline: string; hasBody: boolean }> {
  const entries = new Map<string, { inline: string; hasBody: boolean }>();
  let current: { inline: string; hasBody: boolean } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = TOP_LEVEL_KEY.exec(line.trimEnd());
    if (m) {
      current = { inline: (m[2] ?? '').replace(/\s+#.*$/, '').trim(), hasBody: false };
      entries.set(m[1]!, current);
    } else if (current && /^\s+\S/.test(line) && !/^\s+#/.test(line)) current.hasBody = true;
  }
  return entries;
}

/** Whether the file has a non-empty block under `key` (an indented block or a non-empty inline value). */
export function hasBlock(entries: ReturnType<typeof topLevelEntries>, key: string): boolean {
  const e = entries.get(key);
  if (!e) return false;
  return e.hasBody || !['', '{}', 'null', '~', '[]', "''", '""'].includes(e.inline);
}

/** A top-level scalar, unquoted (e.g. `department: transport`). */
export function scalarOf(entries: ReturnType<typeof topLevelEntries>, key: string): string | null {
  const v = entries.get(key)?.inline;
  return v ? v.replace(/^(['"])(.*)\1$/, '$2') : null;
}
