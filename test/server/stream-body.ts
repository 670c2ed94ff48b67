import { connect } from "node:net";

export interface StreamedPost {
  /** The server's HTTP status, or null when it closed the connection without one. */
  status: number | null;
  /** Body bytes written to the socket before the server answered (or the budget ran out). */
  sentBytes: number;
}

export interface StreamOptions {
  path: string;
  headers: Record<string, string>;
  /**
   * `chunked`: no Content-Length, the body streamed in chunked encoding; a number: that Content-Length is
   * declared whatever is actually sent (a lie when it differs from `sendUpTo`).
   */
  framing: "chunked" | { contentLength: number };
  /** Stop after this many body bytes even if the server never answers. */
  sendUpTo: number;
  chunkBytes?: number;
  /** Give up after this long (the whole exchange is bounded). */
  timeoutMs?: number;
}

/**
 * POSTs a large body over a raw socket, chunk by chunk, and stops sending as soon as the server answers: the way
 * an attacker streams a body, with exact control over the framing (Node's HTTP client would refuse to send more
 * than a declared Content-Length).
 */
export function streamPost(url: string, options: StreamOptions): Promise<StreamedPost> {
  const { hostname, port } = new URL(url);
  const chunkBytes = options.chunkBytes ?? 1024 * 1024;
  const chunked = options.framing === "chunked";
  const head = [
    `POST ${options.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
    chunked
      ? "Transfer-Encoding: chunked"
      : `Content-Length: ${(options.framing as { contentLength: number }).contentLength}`,
    "",
    "",
  ].join("\r\n");
  const data = Buffer.alloc(chunkBytes, "a");
  const frame = chunked
    ? Buffer.concat([Buffer.from(`${chunkBytes.toString(16)}\r\n`), data, Buffer.from("\r\n")])
    : data;

  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let sentBytes = 0;
    let status: number | null = null;
    let received = "";
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, sentBytes });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 60_000);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) {
        status = Number(match[1]);
        finish();
      }
    });
    socket.on("error", finish);
    socket.on("close", finish);
    const pump = () => {
      while (!finished && sentBytes < options.sendUpTo) {
        sentBytes += chunkBytes;
        if (!socket.write(frame)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (!finished && chunked) socket.write("0\r\n\r\n");
    };
    socket.once("connect", () => {
      socket.write(head);
      pump();
    });
  });
}

/** Resident memory of a process, in bytes (Linux: VmRSS in /proc/<pid>/status). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kilobytes) * 1024;
}
