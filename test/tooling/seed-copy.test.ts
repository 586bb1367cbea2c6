/**
 * The seed-copy measure (npm run content:copy-check) counts prose copied from a seed in runs of
 * eight or more words, and leaves out what is not prose (titles, search aids, contacts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedCopyReport } from '../../src/tooling/seedCopy';

const root = mkdtempSync(join(tmpdir(), 'waypoint-seedcopy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('seed copy', () => {
  it('counts a run of eight or more words shared with a seed, and nothing written afresh', () => {
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'cards'));
    writeFileSync(join(root, 'seeds', 'one.txt'), 'It is always best practice to speak to a survivor on their own when you can.');
    writeFileSync(
      join(root, 'cards', 'a.yaml'),
      [
        'title: It is always best practice to speak to a survivor on their own',
        'keyPoints:',
        '  - "Remember: it is always best practice to speak to a survivor on their own."',
        '  - See her without him whenever you get the chance.',
        'search:',
        '  questions: [it is always best practice to speak to a survivor on their own]',
        '',
      ].join('\n'),
    );
    const report = seedCopyReport(join(root, 'seeds'), [join(root, 'cards')]);
    expect(report.copied).toHaveLength(1);
    expect(report.copied[0]?.run).toBe(13);
    expect(report.copiedWords).toBe(13);
    expect(report.words).toBe(14 + 9);
  });
});
