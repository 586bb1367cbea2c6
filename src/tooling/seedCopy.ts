/**
 * How much of the content repeats the seed documents word for word. Content must be written in
 * Waypoint's own words: a run of eight or more words that also appears in a seed counts as
 * copied. Titles (which name the documents' own sections and tools), search aids and contacts
 * (helpline hours are kept exactly as the source gives them) are not prose and are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A run of this many words shared with a seed counts as copied. */
export const COPIED_RUN = 8;

const NOT_PROSE = new Set(['title', 'search', 'source', 'contacts', 'id', 'related', 'cards', 'trees', 'read']);

export interface CopiedText {
  file: string;
  /** The longest run of words shared with a seed. */
  run: number;
  /** The start of the text, to find it by. */
  text: string;
}

export interface SeedCopyReport {
  words: number;
  /** Words inside runs of COPIED_RUN or more shared with a seed. */
  copiedWords: number;
  /** Texts with such a run, longest first. */
  copied: CopiedText[];
}

const wordsOf = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];

function proseIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) proseIn(item, out);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (!NOT_PROSE.has(key)) proseIn(item, out);
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every card and dialog file under `contentDirs`, measured against every seed in `seedDir`. */
export function seedCopyReport(seedDir: string, contentDirs: string[]): SeedCopyReport {
  const runs = new Set<string>();
  for (const file of readdirSync(seedDir)) {
    const words = wordsOf(readFileSync(join(seedDir, file), 'utf8'));
    for (let i = 0; i + COPIED_RUN <= words.length; i += 1) runs.add(words.slice(i, i + COPIED_RUN).join(' '));
  }
  const report: SeedCopyReport = { words: 0, copiedWords: 0, copied: [] };
  for (const file of contentDirs.flatMap(yamlFiles)) {
    for (const text of proseIn(parse(readFileSync(file, 'utf8')))) {
      const words = wordsOf(text);
      const copied = new Array<boolean>(words.length).fill(false);
      for (let i = 0; i + COPIED_RUN <= words.length; i += 1) {
        if (runs.has(words.slice(i, i + COPIED_RUN).join(' '))) copied.fill(true, i, i + COPIED_RUN);
      }
      let longest = 0;
      let current = 0;
      for (const hit of copied) {
        current = hit ? current + 1 : 0;
        longest = Math.max(longest, current);
      }
      report.words += words.length;
      report.copiedWords += copied.filter(Boolean).length;
      if (longest > 0) report.copied.push({ file, run: longest, text: text.slice(0, 80) });
    }
  }
  report.copied.sort((a, b) => b.run - a.run);
  return report;
}
