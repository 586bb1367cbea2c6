/**
 * The Teams app package (`npm run package`): built with test settings into a
 * temporary folder, unzipped, and checked as Teams would check it: exactly
 * manifest.json, color.png and outline.png at the root; the manifest valid
 * against the official schema that @microsoft/app-manifest ships (read from
 * disk, no network), every placeholder filled; the icons the right sizes and
 * the outline white on transparent. The packager refuses missing or malformed
 * settings, naming each one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../src/tooling/app-icons';
import {
  AppPackageError,
  buildAppPackage,
  isHostName,
  settingsFromEnv,
  TEAMS_MANIFEST_VERSION,
  validateManifest,
  writeAppPackage,
  type AppPackageSettings,
} from '../../src/tooling/app-package';

const run = promisify(execFile);
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(PROJECT_ROOT, 'src', 'cli', 'package-app.ts');
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const APP_ID = '11111111-2222-4333-8444-555555555555';
const BOT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const DOMAIN = 'waypoint.example.org';
const settings: AppPackageSettings = { appId: APP_ID, botId: BOT_ID, domain: DOMAIN, version: '1.2.3' };

/** The parts of the manifest these tests read. */
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  accentColor: string;
  name: unknown;
  developer: unknown;
  validDomains: string[];
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[];
  }[];
  composeExtensions: { botId: string; commands: unknown[] }[];
}

const COMMANDS = ['menu', 'help', 'humouring or collusion', 'challenge abusive behaviour', 'report on 101', 'couples housing'];

/** The official Teams schema for a manifest version, from the installed @microsoft/app-manifest, with its own "\a" workaround. */
function officialSchema(version: string): object {
  const manifestPackage = dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('@microsoft/app-manifest/package.json'));
  const file = join(manifestPackage, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
}

async function schemaErrors(manifest: unknown, version: string): Promise<string[]> {
  type Args = Parameters<typeof AppManifestUtils.validateAgainstSchema>;
  return AppManifestUtils.validateAgainstSchema(manifest as Args[0], officialSchema(version) as NonNullable<Args[1]>);
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let at = 0; at < png.data.length; at += 4) {
    out.push({ r: png.data[at] as number, g: png.data[at + 1] as number, b: png.data[at + 2] as number, a: png.data[at + 3] as number });
  }
  return out;
}

const temp = mkdtempSync(join(tmpdir(), 'waypoint-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the Teams app package', () => {
  const zipFile = join(temp, 'build', 'waypoint.zip');
  let zip: AdmZip;
  let manifestText: string;
  let manifest: Manifest;

  beforeAll(async () => {
    await writeAppPackage(settings, zipFile);
    zip = new AdmZip(zipFile);
    manifestText = zip.readAsText('manifest.json');
    manifest = JSON.parse(manifestText) as Manifest;
  });

  it('holds exactly manifest.json, color.png and outline.png, at the root', () => {
    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest valid against the official Teams schema for its version', async () => {
    expect(manifest.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(await schemaErrors(manifest, TEAMS_MANIFEST_VERSION)).toEqual([]);
  });

  it('is checked by a validator that does find faults', async () => {
    const broken = JSON.parse(manifestText);
    delete broken.developer.privacyUrl;
    broken.bots[0].botId = 'not-a-guid';
    const errors = await schemaErrors(broken, TEAMS_MANIFEST_VERSION);
    expect(errors.join('\n')).toContain('privacyUrl');
    expect(errors.join('\n')).toContain('/bots/0/botId');
    expect(await validateManifest(broken)).toEqual(errors);
  });

  it('has the ids, domain, links and version filled in, and no placeholder left', () => {
    expect(manifestText).not.toMatch(/\$\{\{|\}\}/);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.composeExtensions[0]?.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(manifest.developer).toEqual({
      name: 'Waypoint',
      websiteUrl: `https://${DOMAIN}/`,
      privacyUrl: `https://${DOMAIN}/privacy`,
      termsOfUseUrl: `https://${DOMAIN}/terms`,
    });
    expect(manifest.name).toEqual({ short: 'Waypoint', full: 'Waypoint: domestic abuse guidance for homelessness staff' });
  });

  it('offers the bot in personal, team and group-chat scopes with the six commands in each', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0] as Manifest['bots'][number];
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    for (const scope of ['personal', 'team', 'groupChat']) {
      const lists = bot.commandLists.filter((list) => list.scopes.includes(scope));
      expect(lists, scope).toHaveLength(1);
      const commands = lists[0]?.commands ?? [];
      expect(commands.map((command) => command.title), scope).toEqual(COMMANDS);
      for (const command of commands) expect(command.description, command.title).toMatch(/\S/);
    }
    const personal = bot.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.slice(0, 2)).toEqual([
      { title: 'menu', description: 'Show the topics' },
      { title: 'help', description: 'How to use Waypoint' },
    ]);
  });

  it('has the message extension: the searchGuidance query command with its query parameter', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(manifest.composeExtensions[0]?.commands).toEqual([
      {
        id: 'searchGuidance',
        type: 'query',
        title: 'Search Waypoint',
        description: 'Find guidance and share it in the chat',
        initialRun: true,
        context: ['compose', 'commandBox'],
        parameters: [{ name: 'query', title: 'Search', description: 'What do you need guidance on?', inputType: 'text' }],
      },
    ]);
  });

  it('has a 192×192 opaque colour icon on the accent colour', () => {
    const icon = PNG.sync.read(zip.readFile('color.png') as Buffer);
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(pixels(icon).every((pixel) => pixel.a === 255)).toBe(true);
    const corner = pixels(icon)[0];
    const hex = `#${[corner?.r, corner?.g, corner?.b].map((part) => (part ?? 0).toString(16).padStart(2, '0')).join('')}`;
    expect(hex.toUpperCase()).toBe(ACCENT_COLOR.toUpperCase());
    expect(manifest.accentColor.toUpperCase()).toBe(ACCENT_COLOR.toUpperCase());
  });

  it('has a 32×32 outline icon whose every pixel is fully transparent or white', () => {
    const icon = PNG.sync.read(zip.readFile('outline.png') as Buffer);
    expect([icon.width, icon.height]).toEqual([32, 32]);
    const all = pixels(icon);
    const white = all.filter((pixel) => pixel.a > 0);
    expect(all.every((pixel) => pixel.a === 0 || (pixel.a === 255 && pixel.r === 255 && pixel.g === 255 && pixel.b === 255))).toBe(true);
    expect(white.length).toBeGreaterThan(100);
    expect(all.length - white.length).toBeGreaterThan(100);
  });

  it('ships the icons the drawing code makes (run npm run icons after changing it)', () => {
    const committed = (file: string) => PNG.sync.read(readFileSync(join(PROJECT_ROOT, 'appPackage', file)));
    expect(committed('color.png').data.equals(PNG.sync.read(drawColorIcon()).data)).toBe(true);
    expect(committed('outline.png').data.equals(PNG.sync.read(drawOutlineIcon()).data)).toBe(true);
  });

  it('takes the developer links from the settings when given', async () => {
    const { manifest: linked } = await buildAppPackage({
      ...settings,
      websiteUrl: 'https://www.example.org/waypoint',
      privacyUrl: 'https://www.example.org/privacy',
      termsUrl: 'https://www.example.org/terms',
    });
    expect(linked.developer).toEqual({
      name: 'Waypoint',
      websiteUrl: 'https://www.example.org/waypoint',
      privacyUrl: 'https://www.example.org/privacy',
      termsOfUseUrl: 'https://www.example.org/terms',
    });
  });
});

describe('the packager settings', () => {
  const faultsOf = (action: () => unknown): string[] => {
    try {
      action();
    } catch (error) {
      expect(error).toBeInstanceOf(AppPackageError);
      return (error as AppPackageError).faults;
    }
    throw new Error('expected an AppPackageError');
  };

  it('come from the environment, the Teams app id defaulting to MicrosoftAppId', () => {
    expect(settingsFromEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: DOMAIN }, '0.1.0')).toEqual({
      appId: BOT_ID,
      botId: BOT_ID,
      domain: DOMAIN,
      version: '0.1.0',
      websiteUrl: undefined,
      privacyUrl: undefined,
      termsUrl: undefined,
    });
    expect(
      settingsFromEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: DOMAIN, TEAMS_APP_ID: APP_ID, APP_PRIVACY_URL: 'https://example.org/p' }, '0.1.0'),
    ).toMatchObject({ appId: APP_ID, botId: BOT_ID, privacyUrl: 'https://example.org/p' });
  });

  it('refuse missing settings, naming each', () => {
    const faults = faultsOf(() => settingsFromEnv({ MicrosoftAppId: '', BOT_DOMAIN: ' ' }, '0.1.0'));
    expect(faults).toHaveLength(2);
    expect(faults[0]).toMatch(/^MicrosoftAppId is not set/);
    expect(faults[1]).toMatch(/^BOT_DOMAIN is not set/);
  });

  it('refuse malformed settings, naming each', () => {
    const faults = faultsOf(() =>
      settingsFromEnv(
        {
          MicrosoftAppId: 'my-bot',
          TEAMS_APP_ID: '1234',
          BOT_DOMAIN: 'https://waypoint.example.org/api/messages',
          APP_WEBSITE_URL: 'http://example.org',
          APP_PRIVACY_URL: 'example.org/privacy',
          APP_TERMS_URL: 'https://example.org/${{TERMS}}',
        },
        '1.0',
      ),
    );
    expect(faults.map((fault) => fault.split(' ')[0])).toEqual([
      'TEAMS_APP_ID',
      'MicrosoftAppId',
      'BOT_DOMAIN',
      'the',
      'APP_WEBSITE_URL',
      'APP_PRIVACY_URL',
      'APP_TERMS_URL',
    ]);
    expect(faults[3]).toContain('version in package.json');
    expect(faults[1]).toContain('"my-bot"');
  });

  it('name a malformed MicrosoftAppId once when it also stands for the Teams app id', () => {
    expect(faultsOf(() => settingsFromEnv({ MicrosoftAppId: 'my-bot', BOT_DOMAIN: DOMAIN }, '0.1.0'))).toEqual([
      expect.stringMatching(/^MicrosoftAppId must be a GUID/),
    ]);
  });

  it('are checked again by the builder before anything is written', async () => {
    const out = join(temp, 'refused', 'waypoint.zip');
    await expect(writeAppPackage({ ...settings, domain: 'waypoint.example.org:443' }, out)).rejects.toThrow(/BOT_DOMAIN must be/);
    expect(existsSync(out)).toBe(false);
  });

  it('accept only bare host names as the domain', () => {
    for (const good of ['waypoint.example.org', 'abc123-3978.uks1.devtunnels.ms', 'Bot.Example.CO.UK']) expect(isHostName(good), good).toBe(true);
    for (const bad of ['', 'localhost', 'https://waypoint.example.org', 'waypoint.example.org/', 'waypoint.example.org:3978', '*.example.org', '-bad.example.org', 'a..b', '10.0.0.1', 'has space.org']) {
      expect(isHostName(bad), bad).toBe(false);
    }
  });
});

describe('npm run package (the CLI)', () => {
  const blank = { MicrosoftAppId: '', BOT_DOMAIN: '', TEAMS_APP_ID: '', APP_WEBSITE_URL: '', APP_PRIVACY_URL: '', APP_TERMS_URL: '' };

  async function cli(env: Record<string, string>, out: string): Promise<{ code: number; out: string }> {
    try {
      const { stdout, stderr } = await run(TSX, [CLI, out], { env: { ...process.env, ...blank, ...env } });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout + failed.stderr };
    }
  }

  it('exits 1 naming the missing settings, and writes nothing', async () => {
    const out = join(temp, 'cli-missing', 'waypoint.zip');
    const result = await cli({}, out);
    expect(result.code).toBe(1);
    expect(result.out).toContain('MicrosoftAppId is not set');
    expect(result.out).toContain('BOT_DOMAIN is not set');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 naming a malformed setting', async () => {
    const result = await cli({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'https://waypoint.example.org' }, join(temp, 'cli-bad', 'waypoint.zip'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('BOT_DOMAIN must be the public host name');
  });

  it('writes the package with the version from package.json', async () => {
    const out = join(temp, 'cli-ok', 'waypoint.zip');
    const result = await cli({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: DOMAIN }, out);
    expect(result.code, result.out).toBe(0);
    const manifest = JSON.parse(new AdmZip(out).readAsText('manifest.json')) as { id: string; version: string; validDomains: string[] };
    expect(manifest).toMatchObject({ id: BOT_ID, version: PACKAGE_VERSION, validDomains: [DOMAIN] });
  });
});
