import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { LatencyInjector } from "../instruments/latency.js";
import { announceRefChange } from "../services/ref-effects.js";
import { type Identity, identityLabel, type Permission, type Repository, type User } from "../state/model.js";
import type { World } from "../state/world.js";

/** One request served through git's smart HTTP protocol. */
export interface GitHttpRecord {
  seq: number;
  method: string;
  /** `/<owner>/<repo>.git/<rest>` without the query. */
  path: string;
  /** `git-upload-pack` (fetch, clone) or `git-receive-pack` (push); the advertisement names it in its query. */
  service: "git-upload-pack" | "git-receive-pack" | "unknown";
  /** `app:<slug>`, `user:<login>` or `anonymous`, as in the REST request log. */
  identity: string;
  status: number;
  ms: number;
  bytesIn: number;
  bytesOut: number;
}

/** The smart HTTP requests the sandbox served, apart from the REST log (a clone is not an API call). */
export class GitHttpLog {
  private records: GitHttpRecord[] = [];
  private seq = 0;

  add(record: Omit<GitHttpRecord, "seq">): void {
    this.records.push({ ...record, seq: ++this.seq });
  }

  all(): readonly GitHttpRecord[] {
    return this.records;
  }

  reset(): void {
    this.records = [];
  }

  /** Requests and bytes both ways, optionally of one identity. */
  total(identity?: string): { requests: number; bytesIn: number; bytesOut: number } {
    const total = { requests: 0, bytesIn: 0, bytesOut: 0 };
    for (const record of this.records) {
      if (identity !== undefined && record.identity !== identity) continue;
      total.requests++;
      total.bytesIn += record.bytesIn;
      total.bytesOut += record.bytesOut;
    }
    return total;
  }
}

/** Takes a request before the REST API does; answers whether it took it. */
export type RawHttpHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const GIT_PATH = /^\/([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)\.git(\/.*)$/;
const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

class GitHttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly challenge = false,
  ) {
    super(message);
    this.name = "GitHttpRefusal";
  }
}

/**
 * Serves `<sandbox url>/<owner>/<repo>.git/...` with `git http-backend` (CGI: an argument array and an
 * environment, no shell), so that clone, fetch (partial clones included) and push work as against GitHub.
 * Credentials are GitHub's: Basic with a token as the password (`x-access-token:<token>`), or a token header.
 * Public repositories are readable anonymously; pushing needs write access (installations have it).
 *
 * The in-memory ref table is the sandbox's authority, so a push is followed by reading back the refs it moved
 * on disk: they are applied to the table and announced (`push`, `create`, `delete`, PR `synchronize`) before
 * the push is answered. Pushes to one repository run one at a time for that reason.
 */
export class GitHttpBackend {
  readonly log = new GitHttpLog();
  private readonly pushes = new Map<Repository, Promise<unknown>>();

  constructor(
    private readonly world: World,
    private readonly latency: LatencyInjector,
    private readonly report: (message: string) => void,
  ) {}

  readonly handle: RawHttpHandler = (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = GIT_PATH.exec(url.pathname);
    if (!match) return false;
    const [, owner = "", name = "", rest = ""] = match;
    void this.serve(req, res, { owner, name, rest, url }).catch((error: unknown) => {
      this.report(`sandbox: git over HTTP ${url.pathname} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
    return true;
  };

  private async serve(
    req: IncomingMessage,
    res: ServerResponse,
    target: { owner: string; name: string; rest: string; url: URL },
  ): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const service = serviceOf(target.rest, target.url.searchParams);
    let identity: Identity = { kind: "anonymous" };
    const counts = { status: 0, bytesIn: 0, bytesOut: 0 };
    try {
      identity = this.authenticate(req.headers.authorization);
      const repo = this.world.repo(target.owner, target.name);
      if (!repo) throw new GitHttpRefusal(404, "Repository not found.");
      const user = identity.kind === "user" || identity.kind === "installation" ? identity.user : null;
      const permission = this.permission(repo, identity);
      if (permission === "none") {
        throw user ? new GitHttpRefusal(404, "Repository not found.") : this.challenge();
      }
      const pushing = service === "git-receive-pack";
      if (pushing && !user) throw this.challenge();
      if (pushing && RANK[permission] < RANK.write) {
        throw new GitHttpRefusal(403, `Permission to ${target.owner}/${target.name}.git denied.`);
      }
      const smart =
        (method === "GET" && target.rest === "/info/refs" && service !== "unknown") ||
        (method === "POST" && (target.rest === "/git-upload-pack" || target.rest === "/git-receive-pack"));
      if (!smart) throw new GitHttpRefusal(404, "Not found (only git's smart HTTP protocol is served).");

      const isApp = identity.kind === "installation" && identity.app === this.world.app;
      const delay = this.latency.delayFor(method, target.url.pathname, isApp);
      // Unreferenced: a delayed answer outstanding when the sandbox closes must not keep its process alive.
      if (delay > 0) await sleep(delay, undefined, { ref: false });

      const run = () => this.runBackend(req, res, repo, { method, target, user, pushing, counts });
      if (method === "POST" && pushing) await this.serialized(repo, run);
      else await run();
    } catch (error) {
      if (!(error instanceof GitHttpRefusal)) throw error;
      counts.status = error.status;
      res.writeHead(error.status, {
        "content-type": "text/plain; charset=utf-8",
        ...(error.challenge ? { "www-authenticate": 'Basic realm="GitHub"' } : {}),
      });
      res.end(`${error.message}\n`);
      req.resume();
    } finally {
      this.log.add({
        method,
        path: target.url.pathname,
        service,
        identity: identityLabel(identity),
        status: counts.status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        bytesIn: counts.bytesIn,
        bytesOut: counts.bytesOut,
      });
    }
  }

  private challenge(): GitHttpRefusal {
    return new GitHttpRefusal(401, "Authentication required.", true);
  }

  private authenticate(header: string | undefined): Identity {
    if (!header) return { kind: "anonymous" };
    let token: string | undefined;
    const basic = /^basic\s+(\S+)$/i.exec(header.trim());
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      token = decoded.slice(decoded.indexOf(":") + 1);
    } else {
      token = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim())?.[1];
    }
    const identity = token ? this.world.tokens.get(token) : undefined;
    if (!identity) throw new GitHttpRefusal(401, "Invalid username or password.", true);
    return identity;
  }

  private permission(repo: Repository, identity: Identity): Permission {
    if (identity.kind === "installation") return "admin";
    const fallback: Permission = repo.private ? "none" : "read";
    if (identity.kind !== "user") return fallback;
    if (identity.user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
    return repo.collaborators.get(identity.user.login.toLowerCase()) ?? fallback;
  }

  private async serialized(repo: Repository, run: () => Promise<void>): Promise<void> {
    const previous = this.pushes.get(repo) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.pushes.set(repo, next);
    try {
      await next;
    } finally {
      if (this.pushes.get(repo) === next) this.pushes.delete(repo);
    }
  }

  private async runBackend(
    req: IncomingMessage,
    res: ServerResponse,
    repo: Repository,
    context: {
      method: string;
      target: { rest: string; url: URL };
      user: User | null;
      pushing: boolean;
      counts: { status: number; bytesIn: number; bytesOut: number };
    },
  ): Promise<void> {
    const { method, target, user, pushing, counts } = context;
    const store = repo.store;
    const moves = method === "POST" && pushing;
    let before: Map<string, string> | null = null;
    if (moves) {
      await store.flush();
      before = await diskRefs(repo);
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      HOME: "/nonexistent",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_PROJECT_ROOT: dirname(store.gitDir),
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: `/${basename(store.gitDir)}${target.rest}`,
      REQUEST_METHOD: method,
      QUERY_STRING: target.url.search.replace(/^\?/, ""),
      REMOTE_ADDR: "127.0.0.1",
      // Partial clones ask for objects by id and with filters, as GitHub allows.
      GIT_CONFIG_COUNT: "3",
      GIT_CONFIG_KEY_0: "uploadpack.allowFilter",
      GIT_CONFIG_VALUE_0: "true",
      GIT_CONFIG_KEY_1: "uploadpack.allowAnySHA1InWant",
      GIT_CONFIG_VALUE_1: "true",
      GIT_CONFIG_KEY_2: "http.receivepack",
      GIT_CONFIG_VALUE_2: pushing ? "true" : "false",
    };
    const optional: [string, string | undefined][] = [
      ["CONTENT_TYPE", header("content-type")],
      ["CONTENT_LENGTH", header("content-length")],
      ["HTTP_CONTENT_ENCODING", header("content-encoding")],
      ["GIT_PROTOCOL", header("git-protocol")],
      ["REMOTE_USER", user?.login],
    ];
    for (const [key, value] of optional) if (value !== undefined) env[key] = value;

    const child = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdin.on("error", () => {});
    res.on("close", () => {
      if (child.exitCode === null) child.kill();
    });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    // Only now is the body read: the stream stays paused through the checks and waits above.
    req.on("data", (chunk: Buffer) => {
      counts.bytesIn += chunk.length;
    });
    req.pipe(child.stdin);

    // CGI: a header block (`Status:` and HTTP headers) up to a blank line, then the body, streamed.
    let head: Buffer | null = Buffer.alloc(0);
    child.stdout.on("data", (chunk: Buffer) => {
      if (head === null) {
        counts.bytesOut += chunk.length;
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) return;
      head = null;
      counts.status = parsed.status;
      res.writeHead(parsed.status, parsed.headers);
      counts.bytesOut += parsed.body.length;
      if (parsed.body.length > 0) res.write(parsed.body);
    });
    const code = await exited;
    if (head !== null) {
      counts.status = 500;
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`git http-backend ended without an answer (exit ${code}): ${stderr.trim()}\n`);
      return;
    }
    // The push is answered once its ref moves are in the table, so the pusher's next API call sees them.
    if (before && counts.status === 200) await this.applyPushedRefs(repo, before, user);
    res.end();
  }

  private async applyPushedRefs(repo: Repository, before: Map<string, string>, user: User | null) {
    const after = await diskRefs(repo);
    const actor = user ?? repo.owner;
    for (const ref of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(ref) ?? null;
      const now = after.get(ref) ?? null;
      if (was === now) continue;
      const current = repo.refs.get(ref);
      if (current === now) continue;
      try {
        if (now === null) repo.refs.delete(ref);
        else if (current === null) repo.refs.create(ref, now);
        else repo.refs.update(ref, now);
      } catch (error) {
        this.report(`sandbox: the pushed ${ref} could not be applied: ${String(error)}`);
        continue;
      }
      await announceRefChange(this.world, repo, { ref, before: current, after: now }, actor);
    }
  }
}

/** Branches and tags as git has them on disk. */
async function diskRefs(repo: Repository): Promise<Map<string, string>> {
  const { stdout } = await repo.store.git([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/heads",
    "refs/tags",
  ]);
  const refs = new Map<string, string>();
  for (const line of stdout.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}

function serviceOf(rest: string, query: URLSearchParams): GitHttpRecord["service"] {
  const named = rest === "/info/refs" ? query.get("service") : rest.slice(1);
  return named === "git-upload-pack" || named === "git-receive-pack" ? named : "unknown";
}

function parseCgiHead(
  data: Buffer,
): { status: number; headers: Record<string, string>; body: Buffer } | null {
  let end = data.indexOf("\r\n\r\n");
  let skip = 4;
  const bare = data.indexOf("\n\n");
  if (bare !== -1 && (end === -1 || bare < end)) {
    end = bare;
    skip = 2;
  }
  if (end === -1) return null;
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of data.subarray(0, end).toString("latin1").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
    else headers[name] = value;
  }
  return { status, headers, body: data.subarray(end + skip) };
}
