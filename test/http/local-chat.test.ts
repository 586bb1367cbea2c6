/**
 * The local chat page is served in local mode, or when LOCAL_CHAT=1 asks for
 * it, and never in production with credentials set.
 */
import { describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot';

const credentials = {
  MicrosoftAppId: '00000000-0000-0000-0000-0000000000b1',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
};

async function pageStatus(options: Parameters<typeof startTestBot>[0]): Promise<{ page: number; bundle: number; type: string | null }> {
  const bot = await startTestBot(options);
  try {
    const page = await fetch(`${bot.url}/`);
    const bundle = await fetch(`${bot.url}/webchat.js`);
    await bundle.arrayBuffer();
    return { page: page.status, bundle: bundle.status, type: page.headers.get('content-type') };
  } finally {
    await bot.close();
  }
}

describe('GET / (the local chat page)', () => {
  it('is served in local mode, with Web Chat from node_modules', async () => {
    expect(await pageStatus({})).toEqual({ page: 200, bundle: 200, type: 'text/html; charset=utf-8' });
  });

  it('is not served with credentials, unless LOCAL_CHAT=1 asks for it outside production', async () => {
    expect((await pageStatus({ auth: credentials })).page).toBe(404);
    expect((await pageStatus({ auth: credentials, localChat: true })).page).toBe(200);
    expect((await pageStatus({ auth: credentials, localChat: true, production: true })).page).toBe(404);
  });
});
