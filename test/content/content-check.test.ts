/**
 * `npm run content:check` as an author uses it: exit 0 and a summary on good
 * content; exit 1 and every fault, with file and path, on broken content.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths';

const run = promisify(execFile);
const CLI = join(PROJECT_ROOT, 'src', 'cli', 'content-check.ts');
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const broken = mkdtempSync(join(tmpdir(), 'waypoint-check-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

async function check(root: string, today?: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, root], { env: { ...process.env, ...(today ? { WAYPOINT_TODAY: today } : {}) } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('content:check', () => {
  it('passes the real content', async () => {
    const { code, out } = await check(PROJECT_ROOT);
    expect(code).toBe(0);
    expect(out).toMatch(/Content OK: \d+ cards, \d+ trees/);
  });

  it('fails broken content with a message naming the file and path', async () => {
    cpSync(join(PROJECT_ROOT, 'test', 'fixtures', 'valid'), broken, { recursive: true });
    const tree = join(broken, 'dialogs', 'trees', 'small-tree.yaml');
    writeFileSync(tree, readFileSync(tree, 'utf8').replace('next: end-left', 'next: nowhere'));
    const { code, out } = await check(broken);
    expect(code).toBe(1);
    expect(out).toContain('dialogs/trees/small-tree.yaml at nodes.advise.next: "nowhere" is not a node in this tree');
  });

  it('lists what is due for review within 60 days, and still passes', async () => {
    const fixture = join(PROJECT_ROOT, 'test', 'fixtures', 'valid');
    const { code, out } = await check(fixture, '2098-12-01');
    expect(code).toBe(0);
    expect(out).toMatch(/Due for review within 60 days of 2098-12-01:\n  - card a-card \(Fixture owner\): review due 2099-01-15/);
    expect(out).not.toContain('small-tree');
  });

  it('fails on anything past its review date, naming it', async () => {
    const fixture = join(PROJECT_ROOT, 'test', 'fixtures', 'valid');
    const { code, out } = await check(fixture, '2099-02-01');
    expect(code).toBe(1);
    expect(out).toMatch(/Past their review date on 2099-02-01[^\n]*\n  - card a-card \(Fixture owner\): review due 2099-01-15/);
    expect(out).not.toMatch(/Past their review date[^]*small-tree/);
  });
});
