/**
 * Start-up settings: local mode needs nothing; production refuses to start
 * without credentials and an allowed tenant, naming what is missing.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../src/index';
import { PROJECT_ROOT } from '../src/paths';

const TENANT = '11111111-2222-3333-4444-555555555555';
const production = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-0000000000b1',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT,
  MicrosoftAppPassword: 'secret',
  ALLOWED_TENANT_IDS: TENANT,
  LOG_LEVEL: 'silent',
};

describe('configFromEnv', () => {
  it('runs in local mode with nothing set', () => {
    const config = configFromEnv({ LOG_LEVEL: 'silent' });
    expect(config.auth.MicrosoftAppId).toBe('');
    expect(config.allowedTenantIds).toEqual([]);
  });

  it('accepts a complete production configuration, and a managed identity without a password', () => {
    expect(configFromEnv(production).allowedTenantIds).toEqual([TENANT]);
    expect(() => configFromEnv({ ...production, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' })).not.toThrow();
  });

  it.each([
    ['MicrosoftAppId', { MicrosoftAppId: '' }],
    ['MicrosoftAppType', { MicrosoftAppType: '' }],
    ['MicrosoftAppTenantId', { MicrosoftAppTenantId: '' }],
    ['MicrosoftAppPassword', { MicrosoftAppPassword: '' }],
    ['ALLOWED_TENANT_IDS', { ALLOWED_TENANT_IDS: '' }],
  ])('refuses production without %s, and says so', (name, change) => {
    expect(() => configFromEnv({ ...production, ...change })).toThrow(ConfigError);
    expect(() => configFromEnv({ ...production, ...change })).toThrow(name);
  });

  it('uses memory for state by default, and Azure Blob Storage when asked, checking its settings', () => {
    expect(configFromEnv({ LOG_LEVEL: 'silent' }).storage).toEqual({ kind: 'memory' });
    const blob = { LOG_LEVEL: 'silent', STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'waypoint-state' };
    expect(configFromEnv(blob).storage).toEqual({ kind: 'blob', connectionString: 'UseDevelopmentStorage=true', container: 'waypoint-state' });
    expect(() => configFromEnv({ ...blob, BLOB_CONNECTION_STRING: '' })).toThrow(/BLOB_CONNECTION_STRING/);
    expect(() => configFromEnv({ ...blob, BLOB_CONTAINER: 'Not_Valid' })).toThrow(/BLOB_CONTAINER/);
    expect(() => configFromEnv({ ...blob, STORAGE: 'cosmos' })).toThrow(/STORAGE must be memory or blob/);
  });

  it('takes a Teams channel id for alerts, and refuses anything else', () => {
    expect(configFromEnv({ LOG_LEVEL: 'silent' }).alertChannelId).toBeUndefined();
    expect(configFromEnv({ LOG_LEVEL: 'silent', ALERT_CHANNEL_ID: ' 19:a1b2c3@thread.tacv2 ' }).alertChannelId).toBe('19:a1b2c3@thread.tacv2');
    expect(() => configFromEnv({ LOG_LEVEL: 'silent', ALERT_CHANNEL_ID: 'General' })).toThrow(/ALERT_CHANNEL_ID must be a Teams channel id/);
  });

  it('refuses tenant ids that are not GUIDs', () => {
    expect(() => configFromEnv({ ALLOWED_TENANT_IDS: `${TENANT}, contoso` })).toThrow(/"contoso" is not one/);
  });
});

describe('start-up', () => {
  it('refuses to run in production without credentials, naming the missing setting', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
        [join(PROJECT_ROOT, 'src', 'index.ts')],
        // CONTENT_ROOT points nowhere real: the check must stop start-up before anything loads.
        { env: { PATH: process.env.PATH, NODE_ENV: 'production', MicrosoftAppId: production.MicrosoftAppId, PORT: '0', CONTENT_ROOT: '/nonexistent' }, timeout: 20_000 },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Waypoint cannot start: NODE_ENV=production needs MicrosoftAppType/);
  });
});
