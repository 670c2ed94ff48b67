import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB and does not deliver larger ones; nothing bigger can be a delivery. */
export const GITHUB_PAYLOAD_CAP_BYTES = 25 * 1024 * 1024;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface BodyLimitOptions {
  /** Largest body accepted, in bytes (default: GitHub's payload cap). */
  maxBytes?: number;
  /** Where webhooks arrive (Probot's default `/api/github/webhooks`): the only path whose body is read. */
  webhookPath: string;
}

/** The declared length is over the limit (a missing or malformed header is not: the streamed count decides). */
export function declaredLengthExceeds(contentLength: string | undefined, maxBytes: number): boolean {
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > maxBytes;
}

function pathnameOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/**
 * Reads the body while counting its bytes; resolves `null` and stops reading as soon as it passes `maxBytes`, so
 * at most `maxBytes` (plus one chunk) is ever held in memory.
 */
function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  res.writeHead(413, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: `Payload Too Large: webhook bodies are limited to ${maxBytes} bytes (GitHub's payload cap)`,
    }),
  );
  // Closing a socket that still has unread bytes makes the kernel send a reset, which can discard the 413 before
  // the client reads it (Node closes a `Connection: close` socket as soon as the answer is out). So, like a web
  // server's lingering close, the rest of the body is read and dropped (nothing is kept: memory stays flat) for a
  // bounded time after the answer, then the socket is destroyed whatever the client still sends.
  res.once("finish", () => {
    req.resume();
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    req.socket.once("close", () => clearTimeout(linger));
  });
}

/** How long a refused body may go on arriving (and be dropped) after the 413, so that the client reads it. */
const LINGER_MS = 2_000;

// The same decoder as @octokit/webhooks' own body reader, so a signature verifies exactly as it would there.
const utf8 = new TextDecoder("utf-8", { fatal: false });

/**
 * Wraps a Node request handler (Probot's webhook middleware) so that no body over `maxBytes` is buffered: a
 * declared Content-Length over the limit is refused at once with 413, and a webhook body streamed without one
 * (or longer than it claims) is counted as it arrives and refused the moment it passes the limit — before the
 * signature check, which needs the whole body. A body within the limit is handed on as `req.body` (a string),
 * which @octokit/webhooks' middleware uses instead of reading the stream again.
 */
export function limitRequestBodies(handler: RequestHandler, options: BodyLimitOptions): RequestHandler {
  const maxBytes = options.maxBytes ?? GITHUB_PAYLOAD_CAP_BYTES;
  const webhookPath = pathnameOf(options.webhookPath);
  return async (req, res) => {
    if (declaredLengthExceeds(req.headers["content-length"], maxBytes)) {
      refuseTooLarge(req, res, maxBytes);
      return;
    }
    if (req.method === "POST" && pathnameOf(req.url) === webhookPath) {
      let body: Buffer | null;
      try {
        body = await readBodyWithin(req, maxBytes);
      } catch {
        // The client went away mid-body: there is no one to answer.
        res.destroy();
        return;
      }
      if (body === null) {
        refuseTooLarge(req, res, maxBytes);
        return;
      }
      (req as IncomingMessage & { body?: string }).body = utf8.decode(body);
    }
    return handler(req, res);
  };
}
