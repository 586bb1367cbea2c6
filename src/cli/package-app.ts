/**
 * `npm run package`: builds the Teams app package (appPackage/build/waypoint.zip,
 * or the path given) from appPackage/manifest.json and the icons, filling in the
 * ids and domain from the environment (and `.env`, if present). Exits 1, naming
 * each missing or malformed setting, without writing anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { APP_PACKAGE_ZIP, AppPackageError, settingsFromEnv, TEAMS_MANIFEST_VERSION, writeAppPackage } from '../tooling/app-package';

async function main(): Promise<void> {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const outFile = resolve(process.argv[2] ?? APP_PACKAGE_ZIP);
  try {
    const settings = settingsFromEnv(process.env, version);
    const { manifest } = await writeAppPackage(settings, outFile);
    const developer = manifest.developer as Record<string, string>;
    console.log(
      [
        `Wrote ${relative(process.cwd(), outFile) || outFile} (Teams manifest ${TEAMS_MANIFEST_VERSION}, app version ${version})`,
        `  app id      ${String(manifest.id)}`,
        `  bot id      ${settings.botId.toLowerCase()}`,
        `  endpoint    https://${settings.domain.toLowerCase()}/api/messages`,
        `  links       ${developer.websiteUrl}, ${developer.privacyUrl}, ${developer.termsOfUseUrl}`,
      ].join('\n'),
    );
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
