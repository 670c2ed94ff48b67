import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One POST the receiver took: which channel's URL it came to, and its JSON body. */
export interface ReceivedPost {
  channel: string;
  contentType: string;
  body: unknown;
}

/** How a channel's URL answers: a status, or never (to see a sender's timeout). */
export type ReceiverBehaviour = { status: number } | { hang: true };

/**
 * A local stand-in for Slack, Teams and a status page: an HTTP server on 127.0.0.1 that hands out one secret-looking
 * URL per channel and keeps every JSON body posted to it. The demo narrates what it received; tests check each
 * payload's shape and make a channel fail.
 */
export interface NotificationReceiver {
  /** The URL of a channel (a random path, as real webhook URLs are). */
  url(channel: string): string;
  /** The token in a channel's URL: it must never show up in a log or a timeline. */
  secretOf(channel: string): string;
  received: ReceivedPost[];
  /** Makes a channel answer with a status (500) or not at all, from now on. */
  behave(channel: string, behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

const BODY_MAX = 1_000_000;

export async function startNotificationReceiver(
  options: { onPost?: (post: ReceivedPost) => void } = {},
): Promise<NotificationReceiver> {
  const tokens = new Map<string, string>();
  const behaviours = new Map<string, ReceiverBehaviour>();
  const received: ReceivedPost[] = [];
  const hanging = new Set<ServerResponse>();

  const channelOf = (path: string): string | null => {
    const match = /^\/hooks\/([a-z0-9-]+)\/([0-9a-f]+)$/.exec(path);
    if (!match || tokens.get(match[1] as string) !== match[2]) return null;
    return match[1] as string;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const channel = channelOf(req.url ?? "");
    if (req.method !== "POST" || channel === null) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_MAX) chunks.push(chunk);
    });
    req.on("end", () => {
      const behaviour = behaviours.get(channel) ?? { status: 200 };
      if ("hang" in behaviour) {
        hanging.add(res);
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = null;
      }
      if (behaviour.status < 300) {
        const post = { channel, contentType: String(req.headers["content-type"] ?? ""), body };
        received.push(post);
        options.onPost?.(post);
      }
      res
        .writeHead(behaviour.status, { "content-type": "text/plain" })
        .end(behaviour.status < 300 ? "ok" : "no");
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const tokenOf = (channel: string) => {
    let token = tokens.get(channel);
    if (!token) {
      token = randomBytes(12).toString("hex");
      tokens.set(channel, token);
    }
    return token;
  };
  return {
    url: (channel) => `http://127.0.0.1:${port}/hooks/${channel}/${tokenOf(channel)}`,
    secretOf: tokenOf,
    received,
    behave: (channel, behaviour) => behaviours.set(channel, behaviour),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
