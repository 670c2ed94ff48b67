import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import {
  declaredLengthExceeds,
  GITHUB_PAYLOAD_CAP_BYTES,
  limitRequestBodies,
} from "../../src/server/body-limit.js";
import { streamPost } from "./stream-body.js";

// An unsigned body far over GitHub's 25 MB payload cap must be refused while it streams in, before the signature
// check (which needs the whole body) buffers it: here against the server the tests run the App on.

const MB = 1024 * 1024;
const WEBHOOK_HEADERS = {
  "content-type": "application/json",
  "x-github-event": "push",
  "x-github-delivery": randomUUID(),
  "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
};

describe("declaredLengthExceeds", () => {
  it("refuses only a well-formed length over the limit", () => {
    expect(declaredLengthExceeds(String(GITHUB_PAYLOAD_CAP_BYTES + 1), GITHUB_PAYLOAD_CAP_BYTES)).toBe(true);
    expect(declaredLengthExceeds(String(GITHUB_PAYLOAD_CAP_BYTES), GITHUB_PAYLOAD_CAP_BYTES)).toBe(false);
    expect(declaredLengthExceeds("99999999999999999999999", 10)).toBe(true);
    // No or malformed header: the streamed count decides (Node's parser rejects a malformed one anyway).
    expect(declaredLengthExceeds(undefined, 10)).toBe(false);
    expect(declaredLengthExceeds("12abc", 10)).toBe(false);
  });
});

describe("limitRequestBodies", () => {
  let server: Server;
  let url: string;
  const seen: { body: unknown }[] = [];

  beforeAll(async () => {
    const handler = limitRequestBodies(
      (req, res) => {
        seen.push({ body: (req as { body?: unknown }).body });
        res.writeHead(204).end();
      },
      { maxBytes: 1000, webhookPath: "/hooks" },
    );
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("hands a body within the limit on as a string, byte for byte", async () => {
    const body = JSON.stringify({ text: "héllo ✓", pad: "x".repeat(900) });
    const response = await fetch(`${url}/hooks/`, { method: "POST", body });
    expect(response.status).toBe(204);
    expect(seen.at(-1)?.body).toBe(body);
  });

  it("refuses a declared length over the limit on any path, and a streamed body over it on the webhook path", async () => {
    const declared = await streamPost(url, {
      path: "/elsewhere",
      headers: {},
      framing: { contentLength: 5000 },
      sendUpTo: 0,
    });
    expect(declared.status).toBe(413);
    const streamed = await streamPost(url, {
      path: "/hooks?x=1",
      headers: {},
      framing: "chunked",
      sendUpTo: 64 * 1024,
      chunkBytes: 512,
    });
    expect(streamed.status).toBe(413);
    expect(seen.every((request) => typeof request.body === "string")).toBe(true);
  });
});

describe("the App's server on the sandbox", () => {
  let sandbox: Sandbox;
  let app: AppOnSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
    app = await startAppOnSandbox(sandbox, { throttle: { enabled: false }, retry: { enabled: false } });
  });
  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  it.each([
    ["streamed without a Content-Length", "chunked" as const],
    ["declaring 256 MB up front", { contentLength: 256 * MB }],
  ])("refuses an unsigned body over 25 MB %s with 413 before reading it all", async (_name, framing) => {
    const result = await streamPost(app.url, {
      path: "/api/github/webhooks",
      headers: WEBHOOK_HEADERS,
      framing,
      sendUpTo: 256 * MB,
    });
    expect(result.status).toBe(413);
    // Refused at the cap, not after the whole body: what was sent stops a socket buffer or so past 25 MB.
    expect(result.sentBytes).toBeLessThan(64 * MB);
  });
});
