/**
 * The Teams app package: `appPackage/manifest.json` (a template) with its
 * `${{NAME}}` placeholders filled in, plus the two icons, zipped flat as Teams
 * expects. Settings are checked (GUIDs, a bare host name, https URLs) and the
 * filled-in manifest is validated against the official Teams schema shipped in
 * @microsoft/app-manifest (read from disk, never fetched) before anything is
 * written. `npm run package` (src/cli/package-app.ts) is the command-line face.
 *
 * Placeholders in the template:
 *   MANIFEST_VERSION  TEAMS_MANIFEST_VERSION below (and the matching $schema URL)
 *   APP_VERSION       the version in package.json
 *   TEAMS_APP_ID      the Teams app id (env TEAMS_APP_ID, default MicrosoftAppId)
 *   MicrosoftAppId    the bot's Microsoft app id (the Azure Bot registration)
 *   BOT_DOMAIN        the public host name of the bot endpoint, no scheme
 *   APP_WEBSITE_URL, APP_PRIVACY_URL, APP_TERMS_URL
 *                     developer links (default https://<BOT_DOMAIN>/, /privacy, /terms)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { PROJECT_ROOT } from '../paths';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './app-icons';

/** The Teams manifest schema version: the newest numbered one that @microsoft/app-manifest ships. */
export const TEAMS_MANIFEST_VERSION = '1.30';

export const teamsManifestSchemaUrl = (version: string = TEAMS_MANIFEST_VERSION): string =>
  `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;

/** Where the template and icons live, and where `npm run package` writes the zip. */
export const APP_PACKAGE_DIR = join(PROJECT_ROOT, 'appPackage');
export const APP_PACKAGE_ZIP = join(APP_PACKAGE_DIR, 'build', 'waypoint.zip');

/** The package's files, all at the root of the zip. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface AppPackageSettings {
  /** The Teams app id (a GUID). */
  appId: string;
  /** The bot's Microsoft app id (a GUID), for the bot and the message extension. */
  botId: string;
  /** The public host name of the bot endpoint, without scheme, port or path. */
  domain: string;
  /** The app version, major.minor.patch. */
  version: string;
  /** Developer links; each defaults to a page on https://<domain>/. */
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
}

/** A setting or a package file is missing or wrong; `faults` says which, one per line. */
export class AppPackageError extends Error {
  constructor(readonly faults: string[]) {
    super(`Cannot build the Teams app package:\n${faults.map((fault) => `- ${fault}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

type Field = keyof AppPackageSettings;

/** The environment setting each field comes from, so every fault names what to fix. */
const SETTING: Record<Field, string> = {
  appId: 'TEAMS_APP_ID',
  botId: 'MicrosoftAppId',
  domain: 'BOT_DOMAIN',
  version: 'the version in package.json',
  websiteUrl: 'APP_WEBSITE_URL',
  privacyUrl: 'APP_PRIVACY_URL',
  termsUrl: 'APP_TERMS_URL',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** A DNS host name with at least two labels (waypoint.example.org), no scheme, port, path or wildcard. */
export function isHostName(value: string): boolean {
  const labels = value.split('.');
  return value.length <= 253 && labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label)) && !/^\d+$/.test(labels.at(-1) ?? '');
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s|\$\{\{/.test(value);
  } catch {
    return false;
  }
}

/** Each wrong field with what is wrong; an empty list means the settings can be packaged. */
export function settingsFaults(settings: AppPackageSettings): { field: Field; fault: string }[] {
  const faults: { field: Field; fault: string }[] = [];
  const wrong = (field: Field, rule: string): void => {
    faults.push({ field, fault: `${SETTING[field]} must be ${rule}, not "${String(settings[field])}"` });
  };
  if (!isGuid(settings.appId)) wrong('appId', 'a GUID like 00000000-0000-0000-0000-000000000000');
  if (!isGuid(settings.botId)) wrong('botId', 'a GUID like 00000000-0000-0000-0000-000000000000 (the Azure Bot\'s Microsoft App ID)');
  if (!isHostName(settings.domain)) {
    wrong('domain', 'the public host name of the bot endpoint, like waypoint.example.org (no https://, port or path)');
  }
  if (!VERSION.test(settings.version)) wrong('version', 'major.minor.patch, like 1.0.0');
  for (const field of ['websiteUrl', 'privacyUrl', 'termsUrl'] as const) {
    const url = settings[field];
    if (url !== undefined && !isHttpsUrl(url)) wrong(field, 'an https:// URL');
  }
  return faults;
}

/**
 * Settings from the environment: MicrosoftAppId and BOT_DOMAIN are required,
 * TEAMS_APP_ID defaults to MicrosoftAppId, the APP_*_URL links are optional.
 * Throws an AppPackageError naming every missing or malformed setting.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv, version: string): AppPackageSettings {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const botId = value('MicrosoftAppId') ?? '';
  const domain = value('BOT_DOMAIN') ?? '';
  const settings: AppPackageSettings = {
    appId: value('TEAMS_APP_ID') ?? botId,
    botId,
    domain,
    version,
    websiteUrl: value('APP_WEBSITE_URL'),
    privacyUrl: value('APP_PRIVACY_URL'),
    termsUrl: value('APP_TERMS_URL'),
  };
  const missing: string[] = [];
  // Without TEAMS_APP_ID the app id is MicrosoftAppId: report a fault there once, under MicrosoftAppId.
  const skip = new Set<Field>(value('TEAMS_APP_ID') ? [] : ['appId']);
  if (!botId) {
    missing.push("MicrosoftAppId is not set: it must be the Azure Bot's Microsoft App ID (a GUID)");
    skip.add('botId');
  }
  if (!domain) {
    missing.push('BOT_DOMAIN is not set: it must be the public host name of the bot endpoint, like waypoint.example.org');
    skip.add('domain');
  }
  const faults = [...missing, ...settingsFaults(settings).filter(({ field }) => !skip.has(field)).map(({ fault }) => fault)];
  if (faults.length > 0) throw new AppPackageError(faults);
  return settings;
}

/** The placeholder values for one package. */
export function placeholderValues(settings: AppPackageSettings): Record<string, string> {
  const domain = settings.domain.toLowerCase();
  return {
    MANIFEST_VERSION: TEAMS_MANIFEST_VERSION,
    APP_VERSION: settings.version,
    TEAMS_APP_ID: settings.appId.toLowerCase(),
    MicrosoftAppId: settings.botId.toLowerCase(),
    BOT_DOMAIN: domain,
    APP_WEBSITE_URL: settings.websiteUrl ?? `https://${domain}/`,
    APP_PRIVACY_URL: settings.privacyUrl ?? `https://${domain}/privacy`,
    APP_TERMS_URL: settings.termsUrl ?? `https://${domain}/terms`,
  };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The template with every `${{NAME}}` replaced; throws on a placeholder it does not know. */
export function renderManifest(template: string, settings: AppPackageSettings): Record<string, unknown> {
  const values = placeholderValues(settings);
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (token, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(token);
        return value ?? token;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    }
    return node;
  };
  const manifest = fill(JSON.parse(template)) as Record<string, unknown>;
  if (unknown.size > 0) throw new AppPackageError([`manifest.json has unknown placeholders: ${[...unknown].join(', ')}`]);
  return manifest;
}

/** Where @microsoft/app-manifest keeps the Teams schema for a manifest version. */
export function teamsManifestSchemaPath(version: string = TEAMS_MANIFEST_VERSION): string {
  const manifestPackage = dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('@microsoft/app-manifest/package.json'));
  return join(manifestPackage, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

/**
 * The official Teams schema, read from disk. Some published versions carry
 * "\a" (and "\v") escapes in regex patterns, which JSON does not allow; they
 * are rewritten as \u0007 (\u000b) first, as @microsoft/app-manifest does.
 */
export function loadTeamsManifestSchema(version: string = TEAMS_MANIFEST_VERSION): Record<string, unknown> {
  const text = readFileSync(teamsManifestSchemaPath(version), 'utf8');
  return JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

type ManifestArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type SchemaArg = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** Schema errors for a manifest (empty when valid), against the locally shipped schema for its version. */
export async function validateManifest(manifest: Record<string, unknown>, version: string = TEAMS_MANIFEST_VERSION): Promise<string[]> {
  const schema = loadTeamsManifestSchema(version);
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as ManifestArg, schema as unknown as SchemaArg);
}

function checkIcon(file: string, data: Buffer, size: number): string | undefined {
  try {
    const { width, height } = PNG.sync.read(data);
    return width === size && height === size ? undefined : `${file} must be ${size}×${size} pixels, not ${width}×${height}`;
  } catch (error) {
    return `${file} is not a readable PNG: ${(error as Error).message}`;
  }
}

export interface BuiltAppPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
}

/**
 * Builds the package in memory from the template and icons in `sourceDir`.
 * Throws an AppPackageError on wrong settings, a schema error or a wrong icon.
 */
export async function buildAppPackage(settings: AppPackageSettings, sourceDir: string = APP_PACKAGE_DIR): Promise<BuiltAppPackage> {
  const wrong = settingsFaults(settings);
  if (wrong.length > 0) throw new AppPackageError(wrong.map(({ fault }) => fault));

  const manifest = renderManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), settings);
  const schemaErrors = await validateManifest(manifest);
  if (schemaErrors.length > 0) {
    throw new AppPackageError(schemaErrors.map((error) => `manifest.json does not match the Teams ${TEAMS_MANIFEST_VERSION} schema: ${error}`));
  }

  const color = readFileSync(join(sourceDir, 'color.png'));
  const outline = readFileSync(join(sourceDir, 'outline.png'));
  const iconFaults = [checkIcon('color.png', color, COLOR_ICON_SIZE), checkIcon('outline.png', outline, OUTLINE_ICON_SIZE)].filter(
    (fault): fault is string => fault !== undefined,
  );
  if (iconFaults.length > 0) throw new AppPackageError(iconFaults);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile('color.png', color);
  zip.addFile('outline.png', outline);
  return { zip: zip.toBuffer(), manifest };
}

/** Builds the package and writes it to `outFile` (creating its folder). */
export async function writeAppPackage(
  settings: AppPackageSettings,
  outFile: string = APP_PACKAGE_ZIP,
  sourceDir: string = APP_PACKAGE_DIR,
): Promise<BuiltAppPackage> {
  const built = await buildAppPackage(settings, sourceDir);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, built.zip);
  return built;
}
