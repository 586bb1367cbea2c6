/**
 * A local stand-in for a Bot Framework channel's endpoint (the service URL): it records every
 * activity the bot posts to /v3/conversations/{id}/activities and answers as the channel would.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChannelStandIn {
  /** The service URL to put on activities. */
  url: string;
  received: Array<{ conversation: string; body: { type?: string; text?: string } }>;
  close(): Promise<void>;
}

export async function startChannelStandIn(): Promise<ChannelStandIn> {
  const received: ChannelStandIn['received'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      if (req.method === 'POST' && conversation) received.push({ conversation: decodeURIComponent(conversation), body: JSON.parse(body) as { type?: string } });
      // Two calls, not a chain: restify, loaded in this process, patches writeHead to return nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
