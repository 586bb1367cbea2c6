/**
 * The local chat page (src/http/page/): Microsoft's Web Chat bundle, served from
 * node_modules (no CDN, so it works offline), and the page and its small
 * Direct Line-compatible script. Mounted only in local mode or with
 * LOCAL_CHAT=1, never in production with credentials (see src/index.ts).
 * The supervisor's page (admin.html) lives beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';

export interface LocalChatFiles {
  /** The folder holding index.html, chat.js and chat.css. */
  pageDir: string;
  /** Web Chat's self-contained bundle (botframework-webchat/dist/webchat.js). */
  webChatBundle: string;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export function localChatFiles(projectRoot: string): LocalChatFiles {
  return {
    pageDir: join(projectRoot, 'src', 'http', 'page'),
    // The package's exports map leaves its bundles out, so the file is found by path.
    webChatBundle: join(projectRoot, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'),
  };
}

/** Registers GET /, /chat.js, /chat.css and /webchat.js. */
export function mountLocalChat(server: Server, files: LocalChatFiles): void {
  serveFiles(server, [
    ['/', join(files.pageDir, 'index.html'), 'html'],
    ['/chat.js', join(files.pageDir, 'chat.js'), 'js'],
    ['/chat.css', join(files.pageDir, 'chat.css'), 'css'],
    ['/webchat.js', files.webChatBundle, 'js'],
  ]);
}

/** The supervisor's page (see server.ts: served only where its data is). */
export function adminPageFiles(projectRoot: string): { html: string; js: string } {
  const pageDir = join(projectRoot, 'src', 'http', 'page');
  return { html: join(pageDir, 'admin.html'), js: join(pageDir, 'admin.js') };
}

/** Serves each [path, file, type]; files are read once, at start-up. */
export function serveFiles(server: Server, routes: Array<[string, string, string]>): void {
  for (const [path, file, type] of routes) {
    const body = readFileSync(file);
    server.get(path, async (_req: Request, res: Response) => {
      res.writeHead(200, {
        'content-type': TYPES[type] ?? 'application/octet-stream',
        'content-length': body.length,
        // The page only talks to this server: no other origin may be framed, scripted or fetched.
        'content-security-policy':
          "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    });
  }
}
