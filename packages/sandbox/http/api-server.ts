import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { FaultInjector, FaultKind } from "../instruments/faults.js";
import type { Interceptor } from "../instruments/interceptions.js";
import type { LatencyInjector } from "../instruments/latency.js";
import { isWrite, type RequestLog } from "../instruments/request-log.js";
import { type Identity, identityLabel } from "../state/model.js";
import type { World } from "../state/world.js";
import { ApiError } from "./api-error.js";
import type { RawHttpHandler } from "./git-http-backend.js";
import type { Handler, SandboxRequest, SandboxResponse } from "./handler.js";
import type { RouteTable } from "./route-table.js";

export interface DispatchInput {
  method: string;
  /** Path and query, e.g. `/repos/acme/webshop/pulls?state=all`. */
  url: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface DispatchOutput {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The connection is to be dropped (after `afterMs`) instead of answered: a reset or a timeout. */
  drop?: { afterMs: number; kind: FaultKind };
}

/** What passed through the server, for conformance checks and other observers. */
export interface Exchange {
  method: string;
  /** The path as requested, without the query (`/repos/acme/webshop/pulls/1`). */
  path: string;
  /** The query string without `?`; empty when none. */
  query: string;
  route: string;
  status: number;
  identity: Identity;
  requestBody: unknown;
  responseBody: unknown;
  contentType: string;
  fault?: string;
}

function decodeJwtIssuer(token: string): number | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as { alg?: unknown };
    const payload = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8")) as {
      iss?: unknown;
    };
    if (typeof header.alg !== "string") return null;
    return Number(payload.iss);
  } catch {
    return null;
  }
}

/**
 * GitHub Enterprise Server serves the REST API under `/api/v3` (Probot's GHE_HOST, Octokit's baseUrl
 * `https://HOST/api/v3`); github.com serves it at the root. The sandbox answers both ways, so an App configured
 * for GHES (`GHE_HOST=127.0.0.1:PORT GHE_PROTOCOL=http`) talks to it unchanged.
 */
export const GHES_API_PREFIX = "/api/v3";

function withoutGhesPrefix(pathname: string): string {
  if (pathname === GHES_API_PREFIX) return "/";
  // GitHub Enterprise Server serves GraphQL at /api/graphql (Octokit derives it from the /api/v3 base URL).
  if (pathname === "/api/graphql") return "/graphql";
  return pathname.startsWith(`${GHES_API_PREFIX}/`) ? pathname.slice(GHES_API_PREFIX.length) : pathname;
}

/** The GitHub REST surface of the sandbox, independent of the transport (HTTP or in-process). */
export class ApiServer {
  private server: Server | null = null;
  private readonly observers: ((exchange: Exchange) => void)[] = [];
  private readonly openSockets = new Set<import("node:net").Socket>();
  private readonly rawHandlers: RawHttpHandler[] = [];

  constructor(
    private readonly world: World,
    private readonly table: RouteTable<Handler>,
    private readonly instruments: {
      log: RequestLog;
      faults: FaultInjector;
      latency: LatencyInjector;
      interceptions: Interceptor;
    },
    private readonly report: (message: string) => void,
  ) {}

  observe(observer: (exchange: Exchange) => void): () => void {
    this.observers.push(observer);
    return () => {
      const at = this.observers.indexOf(observer);
      if (at !== -1) this.observers.splice(at, 1);
    };
  }

  /** Serves some paths outside the REST API over HTTP (git's smart HTTP protocol); tried in order first. */
  mount(handler: RawHttpHandler): void {
    this.rawHandlers.push(handler);
  }

  authenticate(header: string | undefined): Identity {
    if (!header) return { kind: "anonymous" };
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError(401, "Bad credentials");
    const token = match[1];
    const known = this.world.tokens.get(token);
    if (known) return known;
    const issuer = decodeJwtIssuer(token);
    if (issuer !== null) {
      // Any well-formed JWT is accepted; its `iss` picks the App when the sandbox knows it.
      return { kind: "app", app: this.world.appById(issuer) ?? this.world.app };
    }
    throw new ApiError(401, "Bad credentials");
  }

  async dispatch(input: DispatchInput): Promise<DispatchOutput> {
    const started = performance.now();
    const method = input.method.toUpperCase();
    const parsed = new URL(input.url, "http://127.0.0.1");
    const path = withoutGhesPrefix(parsed.pathname).replace(/\/+$/, "") || "/";
    const query = parsed.search.replace(/^\?/, "");
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(input.headers))
      if (value !== undefined) headers[key.toLowerCase()] = value;
    let identity: Identity = { kind: "anonymous" };
    let route = "(unmatched)";
    let requestBody: unknown;
    let fault: FaultKind | undefined;
    let refused: string | undefined;
    let response: SandboxResponse;
    const isApp = () => identity.kind === "installation" && identity.app === this.world.app;
    try {
      identity = this.authenticate(headers.authorization);
      const match = this.table.match(method, path);
      if (!match) {
        throw new ApiError(501, `The sandbox does not implement ${method} ${path}`, {
          documentationUrl: "https://docs.github.com/rest",
        });
      }
      route = match.template;
      if (input.body.length > 0) {
        try {
          requestBody = JSON.parse(input.body.toString("utf8"));
        } catch {
          throw new ApiError(400, "Problems parsing JSON");
        }
      }
      const delay = this.instruments.latency.delayFor(method, path, isApp());
      // Unreferenced: a delayed answer outstanding when the sandbox closes must not keep its process alive.
      if (delay > 0) await sleep(delay, undefined, { ref: false });
      const interception = isApp() ? this.instruments.interceptions.take(method, route) : null;
      await interception?.before?.();
      const decision =
        isApp() && !interception?.refuse ? this.instruments.faults.decide(method, path, route) : null;
      if (interception?.refuse) {
        const { status, message, errors } = interception.refuse;
        refused = `refused ${status}`;
        response = {
          status,
          body: { message, ...(errors ? { errors } : {}), documentation_url: "https://docs.github.com/rest" },
        };
      } else if (decision?.phase === "before") {
        fault = decision.kind;
        response = this.faultResponse(decision.kind);
      } else {
        const req: SandboxRequest = {
          method,
          path,
          template: match.template,
          params: match.params,
          query: parsed.searchParams,
          headers,
          body: requestBody,
          identity,
        };
        response = await this.run(match.handler, req);
        if (decision) {
          fault = decision.kind;
          response = this.faultResponse(decision.kind);
        }
      }
    } catch (error) {
      response = this.errorResponse(error, method, path);
    }
    const ms = Math.round((performance.now() - started) * 100) / 100;
    this.instruments.log.add({
      method,
      path,
      query,
      route,
      status: fault === "reset" || fault === "timeout" ? 0 : response.status,
      ms,
      identity: identityLabel(identity),
      write: isWrite(method),
      ...(fault || refused ? { fault: fault ?? refused } : {}),
    });
    const output = this.encode(response);
    for (const observer of this.observers) {
      observer({
        method,
        path,
        query,
        route,
        status: response.status,
        identity,
        requestBody,
        responseBody: response.body,
        contentType: output.headers["content-type"] ?? "",
        ...(fault || refused ? { fault: fault ?? refused } : {}),
      });
    }
    if (fault === "reset") output.drop = { afterMs: 0, kind: fault };
    if (fault === "timeout")
      output.drop = { afterMs: this.instruments.faults.current?.timeoutMs ?? 2000, kind: fault };
    return output;
  }

  private async run(handler: Handler, req: SandboxRequest): Promise<SandboxResponse> {
    return handler(req, this.world);
  }

  private faultResponse(kind: FaultKind): SandboxResponse {
    const answer = this.instruments.faults.response(kind, this.world.options.clock().getTime());
    if (!answer) return { status: 0 };
    return { status: answer.status, body: answer.body, headers: answer.headers };
  }

  private errorResponse(error: unknown, method: string, path: string): SandboxResponse {
    if (error instanceof ApiError)
      return { status: error.status, body: error.body(), headers: error.extra.headers ?? {} };
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.report(`sandbox: ${method} ${path} failed: ${message}`);
    return {
      status: 500,
      body: {
        message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
        documentation_url: "https://docs.github.com/rest",
        status: "500",
      },
    };
  }

  private encode(response: SandboxResponse): DispatchOutput {
    const headers: Record<string, string> = {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-used": "1",
      "x-ratelimit-resource": "core",
      "x-ratelimit-reset": String(Math.ceil(this.world.options.clock().getTime() / 1000) + 3600),
      ...(response.headers ?? {}),
    };
    let body: Buffer = Buffer.alloc(0);
    if (response.raw) {
      headers["content-type"] = response.raw.contentType;
      body = Buffer.isBuffer(response.raw.data) ? response.raw.data : Buffer.from(response.raw.data, "utf8");
    } else if (response.body !== undefined && response.status !== 204) {
      headers["content-type"] = "application/json; charset=utf-8";
      body = Buffer.from(JSON.stringify(response.body), "utf8");
    }
    return { status: response.status, headers, body };
  }

  /** Serves the API over HTTP on 127.0.0.1 only. */
  async listen(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      if (this.rawHandlers.some((handle) => handle(req, res))) return;
      void this.serve(req, res);
    });
    server.on("connection", (socket) => {
      this.openSockets.add(socket);
      socket.on("close", () => this.openSockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    return `http://127.0.0.1:${actual}`;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(req.headers))
      headers[key] = Array.isArray(value) ? value.join(", ") : value;
    const output = await this.dispatch({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers,
      body: Buffer.concat(chunks),
    });
    if (output.drop) {
      const drop = output.drop;
      setTimeout(() => req.socket.destroy(), drop.afterMs).unref();
      return;
    }
    res.writeHead(output.status, output.headers);
    res.end(output.body);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.openSockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
