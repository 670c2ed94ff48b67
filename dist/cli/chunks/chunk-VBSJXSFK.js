// packages/sandbox/start-sandbox.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// packages/sandbox/actor.ts
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
var Person = class {
  constructor(login, repo, client) {
    this.login = login;
    this.repo = repo;
    this.client = client;
  }
  login;
  repo;
  client;
  request(method, path, body) {
    return this.client.request(method, path, body).then((response) => response.data);
  }
  repoPath(path) {
    return `/repos/${this.repo}${path}`;
  }
  async branchSha(branch) {
    try {
      const ref = await this.request(
        "GET",
        this.repoPath(`/git/ref/heads/${encodePath(branch)}`)
      );
      return ref.object.sha;
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  }
  /** Writes a commit (blobs, tree on the parent's tree, commit) without moving any branch; returns its SHA. */
  async commit(files, options) {
    const tree = [];
    for (const [path, spec] of Object.entries(files)) {
      if (spec === null) {
        tree.push({ path, mode: "100644", type: "blob", sha: null });
        continue;
      }
      const content = typeof spec === "string" || Buffer.isBuffer(spec) ? spec : spec.content;
      const mode = typeof spec === "string" || Buffer.isBuffer(spec) ? "100644" : spec.mode;
      if (typeof content === "string") {
        tree.push({ path, mode, type: "blob", content });
      } else {
        const blob = await this.request("POST", this.repoPath("/git/blobs"), {
          content: content.toString("base64"),
          encoding: "base64"
        });
        tree.push({ path, mode, type: "blob", sha: blob.sha });
      }
    }
    let baseTree;
    if (options.parent) {
      const parent = await this.request(
        "GET",
        this.repoPath(`/git/commits/${options.parent}`)
      );
      baseTree = parent.tree.sha;
    }
    const written = await this.request("POST", this.repoPath("/git/trees"), {
      ...baseTree ? { base_tree: baseTree } : {},
      tree
    });
    const commit = await this.request("POST", this.repoPath("/git/commits"), {
      message: options.message ?? `Update ${Object.keys(files).join(", ")}`,
      tree: written.sha,
      parents: options.parent ? [options.parent] : []
    });
    return commit.sha;
  }
  /** Commits files onto a branch (creating it when missing) and moves the branch: one `push` event. */
  async push(branch, files, options = {}) {
    const tip = await this.branchSha(branch);
    let parent = options.parent ?? tip;
    if (parent === null) parent = await this.resolve(options.from ?? await this.defaultBranch());
    const sha = await this.commit(files, {
      parent,
      ...options.message ? { message: options.message } : {}
    });
    if (tip === null) {
      await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    } else {
      await this.request("PATCH", this.repoPath(`/git/refs/heads/${encodePath(branch)}`), {
        sha,
        force: options.force ?? false
      });
    }
    return sha;
  }
  /** Points a branch at a commit (creating it when missing); `force` allows a non-fast-forward move. */
  async setBranch(branch, sha, options = {}) {
    const tip = await this.branchSha(branch);
    if (tip === null)
      await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    else
      await this.request("PATCH", this.repoPath(`/git/refs/heads/${encodePath(branch)}`), {
        sha,
        force: options.force ?? false
      });
  }
  async createBranch(branch, from) {
    const sha = await this.resolve(from ?? await this.defaultBranch());
    await this.request("POST", this.repoPath("/git/refs"), { ref: `refs/heads/${branch}`, sha });
    return sha;
  }
  async deleteBranch(branch) {
    await this.request("DELETE", this.repoPath(`/git/refs/heads/${encodePath(branch)}`));
  }
  async openPullRequest(input) {
    const pull = await this.request(
      "POST",
      this.repoPath("/pulls"),
      {
        head: input.head,
        base: input.base ?? await this.defaultBranch(),
        title: input.title,
        ...input.body !== void 0 ? { body: input.body } : {},
        ...input.draft !== void 0 ? { draft: input.draft } : {}
      }
    );
    return { number: pull.number, headSha: pull.head.sha };
  }
  async updatePullRequest(number, fields) {
    await this.request("PATCH", this.repoPath(`/pulls/${number}`), fields);
  }
  async createIssue(input) {
    const issue = await this.request("POST", this.repoPath("/issues"), input);
    return issue.number;
  }
  async updateIssue(number, fields) {
    await this.request("PATCH", this.repoPath(`/issues/${number}`), fields);
  }
  async addLabels(number, labels2) {
    await this.request("POST", this.repoPath(`/issues/${number}/labels`), { labels: labels2 });
  }
  async removeLabel(number, label) {
    await this.request("DELETE", this.repoPath(`/issues/${number}/labels/${encodeURIComponent(label)}`));
  }
  async comment(number, body) {
    const comment2 = await this.request("POST", this.repoPath(`/issues/${number}/comments`), {
      body
    });
    return comment2.id;
  }
  async review(number, event, body) {
    const review = await this.request("POST", this.repoPath(`/pulls/${number}/reviews`), {
      event,
      ...body !== void 0 ? { body } : {}
    });
    return review.id;
  }
  async dismissReview(number, reviewId, message = "dismissed") {
    await this.request("PUT", this.repoPath(`/pulls/${number}/reviews/${reviewId}/dismissals`), { message });
  }
  async requestReviewers(number, reviewers) {
    await this.request("POST", this.repoPath(`/pulls/${number}/requested_reviewers`), { reviewers });
  }
  /** Merges a pull request by `merge`, `squash` or `rebase`; returns the new tip of the base branch. */
  async merge(number, method = "merge", options = {}) {
    const result = await this.request("PUT", this.repoPath(`/pulls/${number}/merge`), {
      merge_method: method,
      ...options.sha ? { sha: options.sha } : {},
      ...options.commitTitle ? { commit_title: options.commitTitle } : {},
      ...options.commitMessage ? { commit_message: options.commitMessage } : {}
    });
    return result.sha;
  }
  async createStatus(sha, context, state) {
    await this.request("POST", this.repoPath(`/statuses/${sha}`), { context, state });
  }
  async createDeployment(ref, environment = "production") {
    const deployment = await this.request("POST", this.repoPath("/deployments"), {
      ref,
      environment,
      auto_merge: false,
      required_contexts: []
    });
    return deployment.id;
  }
  async setDeploymentStatus(id, state) {
    await this.request("POST", this.repoPath(`/deployments/${id}/statuses`), { state });
  }
  async resolve(name) {
    if (/^[0-9a-f]{40}$/.test(name)) return name;
    const sha = await this.branchSha(name);
    if (!sha) throw new Error(`${this.repo}: no branch ${name}`);
    return sha;
  }
  async defaultBranch() {
    const repo = await this.request("GET", this.repoPath(""));
    return repo.default_branch;
  }
};
var OtherApp = class {
  constructor(slug, repo, client) {
    this.slug = slug;
    this.repo = repo;
    this.client = client;
  }
  slug;
  repo;
  client;
  async request(method, path, body) {
    return (await this.client.request(method, `/repos/${this.repo}${path}`, body)).data;
  }
  async createCheckRun(input) {
    const run = await this.request("POST", "/check-runs", {
      name: input.name,
      head_sha: input.headSha,
      ...input.externalId ? { external_id: input.externalId } : {},
      ...input.status ? { status: input.status } : {},
      ...input.conclusion ? { conclusion: input.conclusion } : {},
      ...input.output ? { output: input.output } : {}
    });
    return run.id;
  }
  async updateCheckRun(id, fields) {
    await this.request("PATCH", `/check-runs/${id}`, fields);
  }
  async completeCheckRun(id, conclusion2, output) {
    await this.updateCheckRun(id, { status: "completed", conclusion: conclusion2, ...output ? { output } : {} });
  }
  /** What CI does: a run starts (in_progress), then completes with a conclusion. A second call is a re-run. */
  async runCheck(name, headSha, conclusion2) {
    const id = await this.createCheckRun({ name, headSha, status: "in_progress" });
    await this.completeCheckRun(id, conclusion2, {
      title: `${name}: ${conclusion2}`,
      summary: `${name} finished: ${conclusion2}`
    });
    return id;
  }
  /** A commit status, as CI services that report statuses do (its creator is this App's bot user). */
  async createStatus(sha, context, state) {
    const status = await this.request("POST", `/statuses/${sha}`, { context, state });
    return status.id;
  }
  async comment(issue, body) {
    const comment2 = await this.request("POST", `/issues/${issue}/comments`, { body });
    return comment2.id;
  }
  async createIssue(input) {
    const issue = await this.request("POST", "/issues", input);
    return issue.number;
  }
};

// packages/sandbox/git/run-git.ts
import { execFile } from "node:child_process";
var GitCommandError = class extends Error {
  constructor(args, exitCode, stderr) {
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim().split("\n")[0] ?? ""}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.name = "GitCommandError";
  }
  args;
  exitCode;
  stderr;
};
function baseEnv() {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    HOME: "/nonexistent"
  };
}
var MAX_CONCURRENT = 6;
var running = 0;
var waiting = [];
async function acquire() {
  if (running < MAX_CONCURRENT) {
    running++;
    return;
  }
  await new Promise((resolve) => waiting.push(resolve));
}
function release() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}
async function runGit(args, options = {}) {
  await acquire();
  try {
    return await new Promise((resolve, reject) => {
      const child = execFile(
        "git",
        args,
        {
          encoding: "buffer",
          maxBuffer: 512 * 1024 * 1024,
          env: { ...baseEnv(), ...options.env }
        },
        (error, stdout, stderr) => {
          const code = error ? typeof error.code === "number" ? error.code : null : 0;
          const stderrText = stderr.toString("utf8");
          if (code === 0 || code !== null && options.okCodes?.includes(code)) {
            resolve({ stdout, stderr: stderrText, code: code ?? 0 });
          } else {
            reject(new GitCommandError(args, code, stderrText || (error?.message ?? "")));
          }
        }
      );
      child.stdin?.on("error", () => {
      });
      if (options.input !== void 0) child.stdin?.end(options.input);
      else child.stdin?.end();
    });
  } finally {
    release();
  }
}

// packages/sandbox/git/git-version.ts
var GitVersionError = class extends Error {
  constructor(found) {
    super(
      found === null ? "the sandbox needs git >= 2.38 (merge-tree --write-tree), but no git was found on PATH" : `the sandbox needs git >= 2.38 (merge-tree --write-tree), found git ${found}`
    );
    this.found = found;
    this.name = "GitVersionError";
  }
  found;
};
function parseGitVersion(text) {
  const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}
function isSupportedGitVersion(version) {
  const [major, minor] = version;
  return major > 2 || major === 2 && minor >= 38;
}
var checked = null;
function assertGitVersion() {
  checked ??= (async () => {
    let text;
    try {
      text = (await runGit(["version"])).stdout.toString("utf8").trim();
    } catch {
      throw new GitVersionError(null);
    }
    const version = parseGitVersion(text);
    if (!version || !isSupportedGitVersion(version))
      throw new GitVersionError(text.replace(/^git version /, ""));
    return version.join(".");
  })();
  return checked;
}

// packages/sandbox/http/api-server.ts
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// packages/sandbox/instruments/request-log.ts
var WRITE_METHODS = /* @__PURE__ */ new Set(["POST", "PATCH", "PUT", "DELETE"]);
function isWrite(method) {
  return WRITE_METHODS.has(method);
}
var RequestLog = class {
  constructor(appIdentity) {
    this.appIdentity = appIdentity;
  }
  appIdentity;
  records = [];
  seq = 0;
  add(record) {
    const full = { ...record, seq: ++this.seq };
    this.records.push(full);
    return full;
  }
  all() {
    return this.records;
  }
  reset() {
    this.records = [];
  }
  /** Requests and writes per identity. */
  byIdentity() {
    const counts = {};
    for (const record of this.records) {
      const count = counts[record.identity] ?? { requests: 0, writes: 0 };
      counts[record.identity] = count;
      count.requests++;
      if (record.write) count.writes++;
    }
    return counts;
  }
  /** What the App itself sent with its installation tokens (JWT token requests are not counted). */
  forApp() {
    return this.countWhere((record) => record.identity === this.appIdentity());
  }
  forIdentity(identity) {
    return this.countWhere((record) => record.identity === identity);
  }
  total() {
    return this.countWhere(() => true);
  }
  /** The App's requests as `METHOD /route` lines, for assertions and reports. */
  appRoutes() {
    return this.records.filter((record) => record.identity === this.appIdentity()).map((record) => `${record.method} ${record.route}`);
  }
  appWrites() {
    return this.records.filter((record) => record.identity === this.appIdentity() && record.write);
  }
  countWhere(predicate) {
    let requests = 0;
    let writes = 0;
    for (const record of this.records) {
      if (!predicate(record)) continue;
      requests++;
      if (record.write) writes++;
    }
    return { requests, writes };
  }
};

// packages/sandbox/state/model.ts
function identityLabel(identity) {
  switch (identity.kind) {
    case "user":
      return `user:${identity.user.login}`;
    case "installation":
      return `app:${identity.app.slug}`;
    case "app":
      return `jwt:${identity.app.slug}`;
    default:
      return "anonymous";
  }
}
function fullName(repo) {
  return `${repo.owner.login}/${repo.name}`;
}

// packages/sandbox/http/api-error.ts
var ApiError = class extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
    this.name = "ApiError";
  }
  status;
  extra;
  body() {
    const body = {
      message: this.message,
      documentation_url: this.extra.documentationUrl ?? "https://docs.github.com/rest",
      status: String(this.status)
    };
    if (this.extra.errors) body.errors = this.extra.errors;
    return body;
  }
};
function notFound() {
  return new ApiError(404, "Not Found");
}
function validationFailed(errors, message = "Validation Failed") {
  return new ApiError(422, message, { errors });
}
function invalidField(resource, field, message) {
  return new ApiError(422, message ?? `Invalid request.

"${field}" wasn't supplied.`, {
    errors: [{ resource, field, code: "missing_field" }]
  });
}

// packages/sandbox/http/api-server.ts
function decodeJwtIssuer(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8"));
    const payload = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8"));
    if (typeof header.alg !== "string") return null;
    return Number(payload.iss);
  } catch {
    return null;
  }
}
var GHES_API_PREFIX = "/api/v3";
function withoutGhesPrefix(pathname) {
  if (pathname === GHES_API_PREFIX) return "/";
  if (pathname === "/api/graphql") return "/graphql";
  return pathname.startsWith(`${GHES_API_PREFIX}/`) ? pathname.slice(GHES_API_PREFIX.length) : pathname;
}
var ApiServer = class {
  constructor(world, table, instruments, report) {
    this.world = world;
    this.table = table;
    this.instruments = instruments;
    this.report = report;
  }
  world;
  table;
  instruments;
  report;
  server = null;
  observers = [];
  openSockets = /* @__PURE__ */ new Set();
  rawHandlers = [];
  observe(observer) {
    this.observers.push(observer);
    return () => {
      const at = this.observers.indexOf(observer);
      if (at !== -1) this.observers.splice(at, 1);
    };
  }
  /** Serves some paths outside the REST API over HTTP (git's smart HTTP protocol); tried in order first. */
  mount(handler) {
    this.rawHandlers.push(handler);
  }
  authenticate(header) {
    if (!header) return { kind: "anonymous" };
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError(401, "Bad credentials");
    const token = match[1];
    const known = this.world.tokens.get(token);
    if (known) return known;
    const issuer = decodeJwtIssuer(token);
    if (issuer !== null) {
      return { kind: "app", app: this.world.appById(issuer) ?? this.world.app };
    }
    throw new ApiError(401, "Bad credentials");
  }
  async dispatch(input) {
    const started = performance.now();
    const method = input.method.toUpperCase();
    const parsed = new URL(input.url, "http://127.0.0.1");
    const path = withoutGhesPrefix(parsed.pathname).replace(/\/+$/, "") || "/";
    const query = parsed.search.replace(/^\?/, "");
    const headers = {};
    for (const [key, value] of Object.entries(input.headers))
      if (value !== void 0) headers[key.toLowerCase()] = value;
    let identity = { kind: "anonymous" };
    let route2 = "(unmatched)";
    let requestBody;
    let fault;
    let refused;
    let response;
    const isApp = () => identity.kind === "installation" && identity.app === this.world.app;
    try {
      identity = this.authenticate(headers.authorization);
      const match = this.table.match(method, path);
      if (!match) {
        throw new ApiError(501, `The sandbox does not implement ${method} ${path}`, {
          documentationUrl: "https://docs.github.com/rest"
        });
      }
      route2 = match.template;
      if (input.body.length > 0) {
        try {
          requestBody = JSON.parse(input.body.toString("utf8"));
        } catch {
          throw new ApiError(400, "Problems parsing JSON");
        }
      }
      const delay = this.instruments.latency.delayFor(method, path, isApp());
      if (delay > 0) await sleep(delay, void 0, { ref: false });
      const interception = isApp() ? this.instruments.interceptions.take(method, route2) : null;
      await interception?.before?.();
      const decision = isApp() && !interception?.refuse ? this.instruments.faults.decide(method, path, route2) : null;
      if (interception?.refuse) {
        const { status, message, errors } = interception.refuse;
        refused = `refused ${status}`;
        response = {
          status,
          body: { message, ...errors ? { errors } : {}, documentation_url: "https://docs.github.com/rest" }
        };
      } else if (decision?.phase === "before") {
        fault = decision.kind;
        response = this.faultResponse(decision.kind);
      } else {
        const req = {
          method,
          path,
          template: match.template,
          params: match.params,
          query: parsed.searchParams,
          headers,
          body: requestBody,
          identity
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
      route: route2,
      status: fault === "reset" || fault === "timeout" ? 0 : response.status,
      ms,
      identity: identityLabel(identity),
      write: isWrite(method),
      ...fault || refused ? { fault: fault ?? refused } : {}
    });
    const output = this.encode(response);
    for (const observer of this.observers) {
      observer({
        method,
        path,
        query,
        route: route2,
        status: response.status,
        identity,
        requestBody,
        responseBody: response.body,
        contentType: output.headers["content-type"] ?? "",
        ...fault || refused ? { fault: fault ?? refused } : {}
      });
    }
    if (fault === "reset") output.drop = { afterMs: 0, kind: fault };
    if (fault === "timeout")
      output.drop = { afterMs: this.instruments.faults.current?.timeoutMs ?? 2e3, kind: fault };
    return output;
  }
  async run(handler, req) {
    return handler(req, this.world);
  }
  faultResponse(kind) {
    const answer = this.instruments.faults.response(kind, this.world.options.clock().getTime());
    if (!answer) return { status: 0 };
    return { status: answer.status, body: answer.body, headers: answer.headers };
  }
  errorResponse(error, method, path) {
    if (error instanceof ApiError)
      return { status: error.status, body: error.body(), headers: error.extra.headers ?? {} };
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    this.report(`sandbox: ${method} ${path} failed: ${message}`);
    return {
      status: 500,
      body: {
        message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
        documentation_url: "https://docs.github.com/rest",
        status: "500"
      }
    };
  }
  encode(response) {
    const headers = {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-used": "1",
      "x-ratelimit-resource": "core",
      "x-ratelimit-reset": String(Math.ceil(this.world.options.clock().getTime() / 1e3) + 3600),
      ...response.headers ?? {}
    };
    let body = Buffer.alloc(0);
    if (response.raw) {
      headers["content-type"] = response.raw.contentType;
      body = Buffer.isBuffer(response.raw.data) ? response.raw.data : Buffer.from(response.raw.data, "utf8");
    } else if (response.body !== void 0 && response.status !== 204) {
      headers["content-type"] = "application/json; charset=utf-8";
      body = Buffer.from(JSON.stringify(response.body), "utf8");
    }
    return { status: response.status, headers, body };
  }
  /** Serves the API over HTTP on 127.0.0.1 only. */
  async listen(port = 0) {
    const server = createServer((req, res) => {
      if (this.rawHandlers.some((handle) => handle(req, res))) return;
      void this.serve(req, res);
    });
    server.on("connection", (socket) => {
      this.openSockets.add(socket);
      socket.on("close", () => this.openSockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    const { port: actual } = server.address();
    return `http://127.0.0.1:${actual}`;
  }
  async serve(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = {};
    for (const [key, value] of Object.entries(req.headers))
      headers[key] = Array.isArray(value) ? value.join(", ") : value;
    const output = await this.dispatch({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers,
      body: Buffer.concat(chunks)
    });
    if (output.drop) {
      const drop = output.drop;
      setTimeout(() => req.socket.destroy(), drop.afterMs).unref();
      return;
    }
    res.writeHead(output.status, output.headers);
    res.end(output.body);
  }
  async close() {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.openSockets) socket.destroy();
    await new Promise((resolve) => server.close(() => resolve()));
  }
};

// packages/sandbox/http/git-http-backend.ts
import { spawn } from "node:child_process";
import { basename, dirname } from "node:path";
import { setTimeout as sleep2 } from "node:timers/promises";

// packages/sandbox/git/ref-store.ts
var RefError = class extends Error {
  constructor(ref, reason, message) {
    super(message);
    this.ref = ref;
    this.reason = reason;
    this.name = "RefError";
  }
  ref;
  reason;
};
function isValidRefName(name) {
  if (!name.startsWith("refs/") || name.split("/").length < 3) return false;
  if (name.endsWith("/") || name.endsWith(".") || name.includes("//") || name.includes("..")) return false;
  if (name.includes("@{") || name === "@") return false;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  return name.split("/").every((part) => part !== "" && !part.startsWith(".") && !part.endsWith(".lock"));
}
var RefStore = class {
  constructor(onChange) {
    this.onChange = onChange;
  }
  onChange;
  refs = /* @__PURE__ */ new Map();
  get(ref) {
    return this.refs.get(ref) ?? null;
  }
  /** Refs whose full name starts with `prefix`, sorted by name like GitHub. */
  list(prefix = "refs/") {
    return [...this.refs.entries()].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([ref, sha]) => ({ ref, sha }));
  }
  /** Atomic create: fails when the ref (or a ref it would collide with as a directory) exists. */
  create(ref, sha) {
    if (!isValidRefName(ref)) throw new RefError(ref, "invalid", `${ref} is not a valid ref name.`);
    if (this.refs.has(ref)) throw new RefError(ref, "exists", "Reference already exists");
    for (const existing of this.refs.keys()) {
      if (existing.startsWith(`${ref}/`) || ref.startsWith(`${existing}/`)) {
        throw new RefError(ref, "conflict", `Reference cannot be created: it conflicts with ${existing}`);
      }
    }
    this.refs.set(ref, sha);
    this.onChange({ ref, before: null, after: sha });
  }
  /** Compare-and-swap: `expected` (when given) must be the current value. */
  update(ref, sha, expected) {
    const before = this.refs.get(ref);
    if (before === void 0) throw new RefError(ref, "missing", "Reference does not exist");
    if (expected !== void 0 && before !== expected) {
      throw new RefError(ref, "stale", `Reference ${ref} moved from ${expected} to ${before}`);
    }
    this.refs.set(ref, sha);
    if (before !== sha) this.onChange({ ref, before, after: sha });
    return before;
  }
  delete(ref) {
    const before = this.refs.get(ref);
    if (before === void 0) throw new RefError(ref, "missing", "Reference does not exist");
    this.refs.delete(ref);
    this.onChange({ ref, before, after: null });
    return before;
  }
};

// packages/sandbox/git/tree-changes.ts
async function treeChanges(store, from, to) {
  const changes = { added: [], removed: [], modified: [] };
  await walk(store, from, to, "", changes);
  return changes;
}
async function allFiles(store, tree, prefix, into) {
  for (const entry of await store.readTree(tree) ?? []) {
    const path = `${prefix}${entry.name}`;
    if (entry.type === "tree") await allFiles(store, entry.sha, `${path}/`, into);
    else into.push(path);
  }
}
async function walk(store, from, to, prefix, changes) {
  if (from === to) return;
  const before = new Map(
    ((from ? await store.readTree(from) : []) ?? []).map((entry) => [entry.name, entry])
  );
  const after = new Map(((to ? await store.readTree(to) : []) ?? []).map((entry) => [entry.name, entry]));
  const names = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    const path = `${prefix}${name}`;
    if (old && now && old.sha === now.sha && old.mode === now.mode) continue;
    if (old?.type === "tree" && now?.type === "tree") {
      await walk(store, old.sha, now.sha, `${path}/`, changes);
      continue;
    }
    if (old) {
      if (old.type === "tree") await allFiles(store, old.sha, `${path}/`, changes.removed);
      else if (!now || now.type === "tree") changes.removed.push(path);
    }
    if (now) {
      if (now.type === "tree") await allFiles(store, now.sha, `${path}/`, changes.added);
      else if (old && old.type !== "tree") changes.modified.push(path);
      else changes.added.push(path);
    }
  }
}

// packages/sandbox/shapes/user-shape.ts
function nodeId(kind, id) {
  return Buffer.from(`0:${kind}${id}`).toString("base64").replace(/=+$/, "");
}
function userShape(world, user) {
  const url = world.apiUrl(`/users/${encodeURIComponent(user.login)}`);
  const html = user.type === "Bot" ? world.htmlUrl(`/apps/${user.login.replace(/\[bot\]$/, "")}`) : world.htmlUrl(`/${user.login}`);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `${world.baseUrl}/avatars/u/${user.id}`,
    gravatar_id: "",
    url,
    html_url: html,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false
  };
}
function gitIdentityOf(user, date) {
  return { name: user.name, email: user.email, date };
}
function authorAssociation(repo, user) {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  const permission = repo.collaborators.get(user.login.toLowerCase());
  if (permission && permission !== "none" && permission !== "read") return "COLLABORATOR";
  return "NONE";
}
function appShape(world, app) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("App", app.id),
    client_id: `Iv1.${app.slug}`,
    owner: userShape(world, app.owner),
    name: app.name,
    description: `${app.name} (sandbox)`,
    external_url: world.htmlUrl(`/apps/${app.slug}`),
    html_url: world.htmlUrl(`/apps/${app.slug}`),
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: {
      metadata: "read",
      checks: "write",
      contents: "write",
      issues: "write",
      pull_requests: "write",
      statuses: "write",
      deployments: "write",
      actions: "write"
    },
    events: [
      "check_run",
      "check_suite",
      "create",
      "delete",
      "deployment",
      "deployment_status",
      "issue_comment",
      "issues",
      "pull_request",
      "pull_request_review",
      "push",
      "release"
    ],
    installations_count: 1
  };
}

// packages/sandbox/shapes/repository-shape.ts
function epochSeconds(iso) {
  return Math.floor(Date.parse(iso) / 1e3);
}
function repositoryShape(world, repo, style = "rest") {
  const name = fullName(repo);
  const url = world.apiUrl(`/repos/${name}`);
  const html = world.htmlUrl(`/${name}`);
  const openIssues = [...repo.issues.values()].filter((issue) => issue.state === "open").length;
  const shape = {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: userShape(world, repo.owner),
    html_url: html,
    description: repo.description,
    fork: repo.forkOf !== null,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    created_at: style === "push" ? epochSeconds(repo.createdAt) : repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: style === "push" ? epochSeconds(repo.pushedAt) : repo.pushedAt,
    git_url: `git://127.0.0.1/${name}.git`,
    ssh_url: `git@127.0.0.1:${name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: repo.allowAutoMerge ?? false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    network_count: 0,
    subscribers_count: 0
  };
  if (style === "push") {
    shape.stargazers = 0;
    shape.master_branch = repo.defaultBranch;
    if (repo.owner.type === "Organization") shape.organization = repo.owner.login;
  }
  return shape;
}

// packages/sandbox/services/announce.ts
function organizationShape(world, org) {
  const url = world.apiUrl(`/orgs/${org.login}`);
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("Organization", org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${world.baseUrl}/avatars/u/${org.id}`,
    description: null
  };
}
function announce(world, repo, event, sender, body, options = {}) {
  if (repo.forkOf) return;
  const payload = {
    ...body,
    repository: repositoryShape(world, repo, options.repositoryStyle),
    sender: userShape(world, sender),
    installation: { id: world.app.installationId, node_id: nodeId("Installation", world.app.installationId) }
  };
  if (repo.owner.type === "Organization") payload.organization = organizationShape(world, repo.owner);
  world.announce({ event, payload });
}

// packages/sandbox/shapes/issue-shapes.ts
var NO_REACTIONS = {
  url: "",
  total_count: 0,
  "+1": 0,
  "-1": 0,
  laugh: 0,
  confused: 0,
  heart: 0,
  hooray: 0,
  eyes: 0,
  rocket: 0
};
function reactionsOf(url) {
  return { ...NO_REACTIONS, url: `${url}/reactions` };
}
function labelShape(world, repo, label) {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: world.apiUrl(`/repos/${fullName(repo)}/labels/${encodeURIComponent(label.name)}`),
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description
  };
}
function labelsOf(world, repo, names) {
  return names.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [labelShape(world, repo, label)] : [];
  });
}
function issueShape(world, repo, issue) {
  const base = `/repos/${fullName(repo)}`;
  const url = world.apiUrl(`${base}/issues/${issue.number}`);
  const assignees = issue.assignees.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const comments = [...repo.comments.values()].filter(
    (comment2) => comment2.issueNumber === issue.number
  ).length;
  const shape = {
    url,
    repository_url: world.apiUrl(base),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: world.htmlUrl(`/${fullName(repo)}/${issue.isPull ? "pull" : "issues"}/${issue.number}`),
    id: issue.id,
    node_id: nodeId(issue.isPull ? "PullRequest" : "Issue", issue.id),
    number: issue.number,
    title: issue.title,
    user: userShape(world, issue.user),
    labels: labelsOf(world, repo, issue.labels),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
    closed_by: issue.closedBy ? userShape(world, issue.closedBy) : null,
    reactions: reactionsOf(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: issue.app ? appShape(world, issue.app) : null,
    state_reason: issue.stateReason
  };
  if (issue.isPull) {
    const pull = repo.pulls.get(issue.number);
    const html = world.htmlUrl(`/${fullName(repo)}/pull/${issue.number}`);
    shape.draft = pull?.draft ?? false;
    shape.pull_request = {
      url: world.apiUrl(`${base}/pulls/${issue.number}`),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull?.mergedAt ?? null
    };
  }
  return shape;
}
function commentShape(world, repo, comment2) {
  const url = world.apiUrl(`/repos/${fullName(repo)}/issues/comments/${comment2.id}`);
  const issue = repo.issues.get(comment2.issueNumber);
  return {
    url,
    html_url: world.htmlUrl(
      `/${fullName(repo)}/${issue?.isPull ? "pull" : "issues"}/${comment2.issueNumber}#issuecomment-${comment2.id}`
    ),
    issue_url: world.apiUrl(`/repos/${fullName(repo)}/issues/${comment2.issueNumber}`),
    id: comment2.id,
    node_id: nodeId("IssueComment", comment2.id),
    user: userShape(world, comment2.user),
    created_at: comment2.createdAt,
    updated_at: comment2.updatedAt,
    author_association: authorAssociation(repo, comment2.user),
    body: comment2.body,
    reactions: reactionsOf(url),
    performed_via_github_app: comment2.app ? appShape(world, comment2.app) : null
  };
}

// packages/sandbox/shapes/pull-shapes.ts
function link(href2) {
  return { href: href2 };
}
function pullShape(world, repo, pull, issue, facts) {
  const base = `/repos/${fullName(repo)}`;
  const url = world.apiUrl(`${base}/pulls/${pull.number}`);
  const issueUrl = world.apiUrl(`${base}/issues/${pull.number}`);
  const html = world.htmlUrl(`/${fullName(repo)}/pull/${pull.number}`);
  const statusesUrl = world.apiUrl(`${base}/statuses/${pull.headSha}`);
  const repoShape = repositoryShape(world, repo);
  const owner = userShape(world, repo.owner);
  const assignees = issue.assignees.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const requested = pull.requestedReviewers.flatMap((login) => {
    const user = world.user(login);
    return user ? [userShape(world, user)] : [];
  });
  const shape = {
    url,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userShape(world, issue.user),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: requested,
    requested_teams: (pull.requestedTeams ?? []).map((slug) => teamShape(world, repo.owner.login, slug)),
    labels: labelsOf(world, repo, issue.labels),
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: world.apiUrl(`${base}/pulls/comments{/number}`),
    comments_url: `${issueUrl}/comments`,
    statuses_url: statusesUrl,
    head: {
      label: `${(pull.headRepo ?? repo).owner.login}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: pull.headRepo ? userShape(world, pull.headRepo.owner) : owner,
      repo: pull.headRepo ? repositoryShape(world, pull.headRepo) : repoShape
    },
    base: {
      label: `${repo.owner.login}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: facts?.baseSha ?? pull.baseSha,
      user: owner,
      repo: repoShape
    },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(world.apiUrl(`${base}/pulls/comments{/number}`)),
      commits: link(`${url}/commits`),
      statuses: link(statusesUrl)
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: pull.autoMerge ? {
      enabled_by: userShape(world, pull.autoMerge.enabledBy),
      merge_method: pull.autoMerge.method,
      commit_title: "",
      commit_message: ""
    } : null,
    active_lock_reason: null
  };
  if (facts) {
    const comments = [...repo.comments.values()].filter(
      (comment2) => comment2.issueNumber === pull.number
    ).length;
    Object.assign(shape, {
      merged: pull.merged,
      mergeable: pull.merged || issue.state === "closed" ? null : facts.mergeable,
      rebaseable: pull.merged || issue.state === "closed" ? null : facts.mergeable,
      mergeable_state: pull.merged ? "unknown" : facts.mergeable === null ? "unknown" : facts.mergeable ? pull.draft ? "draft" : "clean" : "dirty",
      merged_by: pull.mergedBy ? userShape(world, pull.mergedBy) : null,
      comments,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: facts.commits,
      additions: facts.additions,
      deletions: facts.deletions,
      changed_files: facts.changedFiles
    });
  }
  return shape;
}
function reviewShape(world, repo, review) {
  const pullUrl = world.apiUrl(`/repos/${fullName(repo)}/pulls/${review.pullNumber}`);
  const html = world.htmlUrl(`/${fullName(repo)}/pull/${review.pullNumber}#pullrequestreview-${review.id}`);
  const shape = {
    id: review.id,
    node_id: nodeId("PullRequestReview", review.id),
    user: userShape(world, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(repo, review.user),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: review.commitId
  };
  if (review.submittedAt) shape.submitted_at = review.submittedAt;
  return shape;
}
function teamShape(world, org, slug) {
  const id = [...`${org}/${slug}`.toLowerCase()].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 1e6, 7) + 1;
  const api = world.apiUrl(`/orgs/${org}/teams/${slug}`);
  return {
    id,
    node_id: nodeId("Team", id),
    url: api,
    html_url: world.htmlUrl(`/orgs/${org}/teams/${slug}`),
    name: slug,
    slug,
    description: null,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "push",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    parent: null
  };
}

// packages/sandbox/git/diff-files.ts
var MAX_PATCH_BYTES = 1e6;
var STATUS = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed"
};
function splitPatches(text) {
  const sections = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("diff --git ")) sections.push([]);
    else sections[sections.length - 1]?.push(line);
  }
  return sections.map((lines) => {
    const first = lines.findIndex((line) => line.startsWith("@@"));
    if (first === -1) return void 0;
    const hunks = lines.slice(first);
    while (hunks.length > 0 && hunks[hunks.length - 1] === "") hunks.pop();
    return hunks.join("\n");
  });
}
function splitCombinedDiff(output) {
  const boundary = output.indexOf("\0\0diff --git ");
  const head = boundary === -1 ? output : output.slice(0, boundary + 1);
  const patch = boundary === -1 ? "" : output.slice(boundary + 2);
  const fields = head.split("\0");
  const raw = [];
  let at = 0;
  while (at < fields.length && fields[at]?.startsWith(":")) {
    const [, , oldSha = "", newSha = "", statusField = ""] = fields[at].slice(1).split(" ");
    const letter = statusField.charAt(0);
    if (letter === "R" || letter === "C") {
      raw.push({ oldSha, newSha, letter, oldPath: fields[at + 1] ?? "", path: fields[at + 2] ?? "" });
      at += 3;
    } else {
      raw.push({ oldSha, newSha, letter, path: fields[at + 1] ?? "" });
      at += 2;
    }
  }
  const counts = [];
  while (counts.length < raw.length && at < fields.length) {
    const [adds = "", dels = "", path = ""] = fields[at].split("	");
    counts.push(adds === "-" ? null : [Number(adds), Number(dels)]);
    at += path === "" ? 3 : 1;
  }
  return { raw, counts, patch };
}
async function diffFiles(store, base, head) {
  const from = base ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
  const changes = await store.immutable(
    ["diff-files", from, head],
    [from, head],
    () => readDiff(store, from, head)
  );
  return changes.map((change) => ({ ...change }));
}
async function readDiff(store, from, head) {
  const { stdout } = await store.git([
    "diff-tree",
    "-r",
    "-M",
    "-z",
    "--raw",
    "--numstat",
    "-p",
    "--no-color",
    "--no-ext-diff",
    "--no-commit-id",
    from,
    head
  ]);
  const { raw: entries, counts, patch } = splitCombinedDiff(stdout.toString("utf8"));
  const patches = splitPatches(patch);
  return entries.map((entry, index) => {
    const count = counts[index] ?? null;
    const text = patches[index];
    const [additions, deletions] = count ?? [0, 0];
    const change = {
      filename: entry.path,
      status: STATUS[entry.letter] ?? "modified",
      additions,
      deletions,
      changes: additions + deletions,
      sha: entry.letter === "D" ? entry.oldSha : entry.newSha,
      binary: count === null
    };
    if (text !== void 0 && Buffer.byteLength(text) <= MAX_PATCH_BYTES) change.patch = text;
    if (entry.oldPath !== void 0 && entry.letter === "R") change.previous_filename = entry.oldPath;
    return change;
  });
}

// packages/sandbox/services/pull-facts.ts
var cache = /* @__PURE__ */ new WeakMap();
function currentBaseSha(repo, pull) {
  const open2 = repo.issues.get(pull.number)?.state === "open";
  return (open2 ? repo.refs.get(`refs/heads/${pull.baseRef}`) : null) ?? pull.baseSha;
}
function pullFacts(repo, pull) {
  const baseSha = currentBaseSha(repo, pull);
  const key = `${baseSha}:${pull.headSha}`;
  let perRepo = cache.get(repo);
  if (!perRepo) {
    perRepo = /* @__PURE__ */ new Map();
    cache.set(repo, perRepo);
  }
  const hit = perRepo.get(key);
  if (hit) return hit;
  const computed = (async () => {
    const store = repo.store;
    const mergeBase = await store.mergeBase(baseSha, pull.headSha) ?? baseSha;
    const [commits, files, merge] = await Promise.all([
      store.revList([pull.headSha], [baseSha]),
      diffFiles(store, mergeBase, pull.headSha),
      store.mergeTree(baseSha, pull.headSha)
    ]);
    return {
      baseSha,
      commits: commits.length,
      additions: files.reduce((sum, file) => sum + file.additions, 0),
      deletions: files.reduce((sum, file) => sum + file.deletions, 0),
      changedFiles: files.length,
      mergeable: merge.clean,
      files
    };
  })();
  perRepo.set(key, computed);
  computed.catch(() => perRepo.delete(key));
  return computed;
}

// packages/sandbox/services/pull-events.ts
async function renderPull(world, repo, pull) {
  const issue = repo.issues.get(pull.number);
  return pullShape(world, repo, pull, issue, await pullFacts(repo, pull));
}
async function announcePull(world, repo, pull, action, sender, extra = {}) {
  const body = { action, number: pull.number, ...extra, pull_request: await renderPull(world, repo, pull) };
  announce(world, repo, "pull_request", sender, body);
}
async function announceIssueOrPull(world, repo, issue, action, sender, extra = {}) {
  const pull = repo.pulls.get(issue.number);
  if (issue.isPull && pull) {
    await announcePull(world, repo, pull, action, sender, extra);
    return;
  }
  announce(world, repo, "issues", sender, { action, ...extra, issue: issueShape(world, repo, issue) });
}

// packages/sandbox/git/git-store.ts
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

// packages/sandbox/git/commit-signature.ts
import { createHmac, randomBytes as randomBytes2, timingSafeEqual } from "node:crypto";
var WebFlowKey = class {
  key = randomBytes2(32);
  /** An armored signature over `payload` (the commit object without its `gpgsig` header). */
  sign(payload) {
    const mac = createHmac("sha256", this.key).update(payload, "utf8").digest("base64");
    return `-----BEGIN PGP SIGNATURE-----

${mac}
-----END PGP SIGNATURE-----
`;
  }
  verifies(payload, signature) {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
};
function withSignature(payload, signature) {
  const end = payload.indexOf("\n\n");
  const head = end === -1 ? payload : payload.slice(0, end);
  const rest = end === -1 ? "\n" : payload.slice(end);
  const folded = signature.replace(/\n$/, "").split("\n").join("\n ");
  return `${head}
gpgsig ${folded}${rest}`;
}
function splitSignature(text) {
  const end = text.indexOf("\n\n");
  const head = (end === -1 ? text : text.slice(0, end)).split("\n");
  const start = head.findIndex((line) => line.startsWith("gpgsig "));
  if (start === -1) return null;
  let stop = start + 1;
  while (stop < head.length && head[stop].startsWith(" ")) stop++;
  const lines = head.slice(start, stop).map((line, i) => i === 0 ? line.slice("gpgsig ".length) : line.slice(1));
  const payloadHead = [...head.slice(0, start), ...head.slice(stop)].join("\n");
  return { signature: `${lines.join("\n")}
`, payload: payloadHead + (end === -1 ? "" : text.slice(end)) };
}

// packages/sandbox/git/git-objects.ts
var GitObjectFormatError = class extends Error {
  constructor(sha, what) {
    super(`git object ${sha} is not a valid ${what}`);
    this.name = "GitObjectFormatError";
  }
};
function parseIdentity(text) {
  const match = /^(.*) <([^>]*)> (-?\d+) ([+-]\d{4})$/.exec(text);
  if (!match) return null;
  const seconds = Number(match[3]);
  return {
    name: match[1] ?? "",
    email: match[2] ?? "",
    date: new Date(seconds * 1e3).toISOString().replace(/\.000Z$/, "Z")
  };
}
function gitDate(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${iso}`);
  return `@${Math.floor(ms / 1e3)} +0000`;
}
function headersOf(text) {
  const end = text.indexOf("\n\n");
  const head = end === -1 ? text : text.slice(0, end);
  const message = end === -1 ? "" : text.slice(end + 2);
  const headers = [];
  for (const line of head.split("\n")) {
    if (line.startsWith(" ") && headers.length > 0) {
      const last = headers[headers.length - 1];
      last[1] += `
${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(" ");
    headers.push(space === -1 ? [line, ""] : [line.slice(0, space), line.slice(space + 1)]);
  }
  return { headers, message };
}
function parseCommit(sha, content) {
  const text = content.toString("utf8");
  const { headers, message } = headersOf(text);
  let tree;
  const parents = [];
  let author = null;
  let committer = null;
  for (const [key, value] of headers) {
    if (key === "tree") tree = value;
    else if (key === "parent") parents.push(value);
    else if (key === "author") author = parseIdentity(value);
    else if (key === "committer") committer = parseIdentity(value);
  }
  if (!tree || !author || !committer) throw new GitObjectFormatError(sha, "commit");
  return { sha, tree, parents, author, committer, message, signed: splitSignature(text) };
}
function parseTag(sha, content) {
  const { headers, message } = headersOf(content.toString("utf8"));
  const get = (key) => headers.find(([k]) => k === key)?.[1];
  const object = get("object");
  const type = get("type");
  const tag = get("tag");
  if (!object || !type || tag === void 0) throw new GitObjectFormatError(sha, "tag");
  const tagger = get("tagger");
  return {
    sha,
    object,
    type,
    tag,
    tagger: tagger ? parseIdentity(tagger) : null,
    message
  };
}
function parseTree(sha, content) {
  const entries = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(32, at);
    const nul = content.indexOf(0, space);
    if (space === -1 || nul === -1 || nul + 21 > content.length) throw new GitObjectFormatError(sha, "tree");
    const rawMode = content.toString("latin1", at, space);
    const mode = rawMode.padStart(6, "0");
    const name = content.toString("utf8", space + 1, nul);
    const id = content.toString("hex", nul + 1, nul + 21);
    entries.push({ mode, type: typeOfMode(mode), sha: id, name });
    at = nul + 21;
  }
  return entries;
}
function typeOfMode(mode) {
  if (mode === "040000") return "tree";
  if (mode === "160000") return "commit";
  return "blob";
}
var TREE_MODES = ["100644", "100755", "040000", "160000", "120000"];

// packages/sandbox/git/immutable-queries.ts
var ImmutableQueries = class {
  constructor(limit = 5e3) {
    this.limit = limit;
  }
  limit;
  answers = /* @__PURE__ */ new Map();
  /** The answer for `key`, computed by `ask` the first time; a failed question is asked again next time. */
  async answer(key, ask) {
    const known = this.answers.get(key);
    if (known) return known;
    const pending = ask();
    this.answers.set(key, pending);
    if (this.answers.size > this.limit) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== void 0) this.answers.delete(oldest);
    }
    pending.catch(() => this.answers.delete(key));
    return pending;
  }
};

// packages/sandbox/git/git-store.ts
var EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
var SHA = /^[0-9a-f]{40}$/;
function isFullSha(value) {
  return typeof value === "string" && SHA.test(value);
}
var TreeEditError = class extends Error {
  constructor(path, reason) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.name = "TreeEditError";
  }
  path;
};
var GitStore = class _GitStore {
  constructor(gitDir) {
    this.gitDir = gitDir;
  }
  gitDir;
  cache = /* @__PURE__ */ new Map();
  /** Answers about commits named by SHA, which never change (see ImmutableQueries). */
  queries = new ImmutableQueries();
  refWrites = Promise.resolve();
  pendingRefs = [];
  static async create(gitDir) {
    await mkdir(gitDir, { recursive: true });
    await runGit(["-c", "init.defaultBranch=main", "init", "--bare", "--quiet", gitDir]);
    return new _GitStore(gitDir);
  }
  git(args, options) {
    return runGit(["--git-dir", this.gitDir, ...args], options);
  }
  // --- reading ---------------------------------------------------------------------------------------------
  async readObject(sha) {
    if (!isFullSha(sha)) return null;
    if (sha === EMPTY_TREE) return { type: "tree", content: Buffer.alloc(0) };
    const hit = this.cache.get(sha);
    if (hit) return hit;
    let object = await this.readLoose(sha);
    if (!object) object = await this.readViaCatFile(sha);
    if (object) this.remember(sha, object);
    return object;
  }
  remember(sha, object) {
    if (object.content.length > 1024 * 1024) return;
    if (this.cache.size >= 2e4) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== void 0) this.cache.delete(oldest);
    }
    this.cache.set(sha, object);
  }
  async readLoose(sha) {
    let compressed;
    try {
      compressed = await readFile(join(this.gitDir, "objects", sha.slice(0, 2), sha.slice(2)));
    } catch {
      return null;
    }
    const raw = inflateSync(compressed);
    const nul = raw.indexOf(0);
    const [type] = raw.toString("latin1", 0, nul).split(" ");
    return { type, content: raw.subarray(nul + 1) };
  }
  async readViaCatFile(sha) {
    const typeResult = await this.git(["cat-file", "-t", sha], { okCodes: [1, 128] });
    if (typeResult.code !== 0) return null;
    const type = typeResult.stdout.toString("utf8").trim();
    const content = (await this.git(["cat-file", type, sha])).stdout;
    return { type, content };
  }
  async objectType(sha) {
    return (await this.readObject(sha))?.type ?? null;
  }
  async readBlob(sha) {
    const object = await this.readObject(sha);
    return object?.type === "blob" ? object.content : null;
  }
  async readCommit(sha) {
    const object = await this.readObject(sha);
    return object?.type === "commit" ? parseCommit(sha, object.content) : null;
  }
  async readTree(sha) {
    const object = await this.readObject(sha);
    return object?.type === "tree" ? parseTree(sha, object.content) : null;
  }
  async readTag(sha) {
    const object = await this.readObject(sha);
    return object?.type === "tag" ? parseTag(sha, object.content) : null;
  }
  /** Follows annotated tags to the object they finally point at. */
  async peel(sha) {
    let current = sha;
    for (let depth = 0; depth < 20; depth++) {
      const object = await this.readObject(current);
      if (!object) return null;
      if (object.type !== "tag") return { sha: current, type: object.type };
      current = parseTag(current, object.content).object;
    }
    return null;
  }
  async peelToCommit(sha) {
    const peeled = await this.peel(sha);
    return peeled?.type === "commit" ? peeled.sha : null;
  }
  /** A tree-ish (commit, tag or tree sha) to its tree sha. */
  async treeOf(sha) {
    const peeled = await this.peel(sha);
    if (!peeled) return null;
    if (peeled.type === "tree") return peeled.sha;
    if (peeled.type === "commit") return (await this.readCommit(peeled.sha))?.tree ?? null;
    return null;
  }
  /** The entry at a slash-separated path inside a tree, or null. An empty path is the tree itself. */
  async entryAt(treeSha, path) {
    const parts = path.split("/").filter((part) => part !== "");
    let entry = { mode: "040000", type: "tree", sha: treeSha, name: "" };
    for (const part of parts) {
      if (entry.type !== "tree") return null;
      const entries = await this.readTree(entry.sha);
      const next = entries?.find((candidate) => candidate.name === part);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }
  /** Every entry below a tree, depth first in git's order; subtrees are listed before their contents. */
  async listRecursive(treeSha, prefix = "") {
    const entries = await this.readTree(treeSha) ?? [];
    const result = [];
    for (const entry of entries) {
      const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      result.push({ ...entry, path });
      if (entry.type === "tree") result.push(...await this.listRecursive(entry.sha, path));
    }
    return result;
  }
  // --- writing objects ---------------------------------------------------------------------------------------
  async writeBlob(content) {
    const { stdout } = await this.git(["hash-object", "-w", "-t", "blob", "--stdin"], { input: content });
    return stdout.toString("utf8").trim();
  }
  /** Writes a tree with `git mktree`, which sorts entries and checks that the objects exist. */
  async writeTree(entries) {
    if (entries.length === 0) {
      const { stdout: stdout2 } = await this.git(["mktree", "-z"], { input: "" });
      return stdout2.toString("utf8").trim();
    }
    const input = entries.map((entry) => `${entry.mode} ${entry.type} ${entry.sha}	${entry.name}\0`).join("");
    const args = entries.some((entry) => entry.type === "commit") ? ["mktree", "-z", "--missing"] : ["mktree", "-z"];
    const { stdout } = await this.git(args, { input });
    return stdout.toString("utf8").trim();
  }
  /**
   * Writes a commit with `git commit-tree`; with `sign`, the same object text with `sign(payload)` as its
   * `gpgsig` header, written with `hash-object` (commit-tree signs only through gpg).
   */
  async writeCommit(commit, sign) {
    if (sign) {
      const line = (who2, identity) => `${who2} ${identity.name} <${identity.email}> ${gitDate(identity.date).slice(1)}
`;
      const payload = `tree ${commit.tree}
${commit.parents.map((parent) => `parent ${parent}
`).join("")}${line("author", commit.author)}${line("committer", commit.committer)}
${commit.message}`;
      const { stdout: stdout2 } = await this.git(["hash-object", "-w", "-t", "commit", "--stdin"], {
        input: withSignature(payload, sign(payload))
      });
      return stdout2.toString("utf8").trim();
    }
    const args = ["commit-tree", commit.tree];
    for (const parent of commit.parents) args.push("-p", parent);
    const { stdout } = await this.git(args, {
      input: commit.message,
      env: {
        GIT_AUTHOR_NAME: commit.author.name,
        GIT_AUTHOR_EMAIL: commit.author.email,
        GIT_AUTHOR_DATE: gitDate(commit.author.date),
        GIT_COMMITTER_NAME: commit.committer.name,
        GIT_COMMITTER_EMAIL: commit.committer.email,
        GIT_COMMITTER_DATE: gitDate(commit.committer.date)
      }
    });
    return stdout.toString("utf8").trim();
  }
  /** Writes an annotated tag object with `git mktag`, which validates it like fsck does. */
  async writeTag(tag) {
    const seconds = Math.floor(Date.parse(tag.tagger.date) / 1e3);
    const text = `object ${tag.object}
type ${tag.type}
tag ${tag.tag}
tagger ${tag.tagger.name} <${tag.tagger.email}> ${seconds} +0000

${tag.message}`;
    const { stdout } = await this.git(["mktag"], { input: text });
    return stdout.toString("utf8").trim();
  }
  /**
   * Applies edits to a base tree (null = start empty) and writes every changed tree bottom-up. Subtrees that
   * end up empty disappear, as in git. Deleting a path the base does not have is an error, as on GitHub.
   */
  async editTree(baseTree, edits) {
    const nested = edits.map((edit) => ({ parts: edit.path.split("/"), entry: edit.entry, path: edit.path }));
    return await this.editLevel(baseTree, nested) ?? await this.writeTree([]);
  }
  async editLevel(base, edits) {
    const entries = /* @__PURE__ */ new Map();
    if (base) for (const entry of await this.readTree(base) ?? []) entries.set(entry.name, entry);
    const groups = /* @__PURE__ */ new Map();
    for (const edit of edits) {
      const [head = "", ...rest] = edit.parts;
      const group = groups.get(head) ?? [];
      group.push({ ...edit, parts: rest });
      groups.set(head, group);
    }
    for (const [name, group] of groups) {
      for (const edit of group.filter((candidate) => candidate.parts.length === 0)) {
        if (edit.entry === null) {
          if (!entries.has(name)) throw new TreeEditError(edit.path, "no such path in the base tree");
          entries.delete(name);
        } else {
          entries.set(name, { ...edit.entry, name });
        }
      }
      const deeper = group.filter((candidate) => candidate.parts.length > 0);
      if (deeper.length === 0) continue;
      const existing = entries.get(name);
      const subtree = await this.editLevel(existing?.type === "tree" ? existing.sha : null, deeper);
      if (subtree === null) entries.delete(name);
      else entries.set(name, { mode: "040000", type: "tree", sha: subtree, name });
    }
    if (entries.size === 0) return null;
    return this.writeTree([...entries.values()]);
  }
  // --- history ---------------------------------------------------------------------------------------------
  /** `git merge-tree --write-tree`: git's own merge (ort) without a work tree; conflicted files are listed. */
  async mergeTree(ours, theirs) {
    const { stdout, code } = await this.git(
      [
        "merge-tree",
        "--write-tree",
        "--name-only",
        "--no-messages",
        "-z",
        "--allow-unrelated-histories",
        ours,
        theirs
      ],
      { okCodes: [1] }
    );
    const fields = stdout.toString("utf8").split("\0");
    const tree = fields[0] ?? "";
    const conflicts = code === 0 ? [] : fields.slice(1).filter((field) => field !== "");
    return { clean: code === 0, tree, conflicts: [...new Set(conflicts)] };
  }
  async mergeBase(a, b) {
    return this.immutable(["merge-base", a, b], [a, b], async () => {
      const { stdout, code } = await this.git(["merge-base", a, b], { okCodes: [1] });
      return code === 0 ? stdout.toString("utf8").trim() : null;
    });
  }
  async isAncestor(ancestor, descendant) {
    const args = ["merge-base", "--is-ancestor", ancestor, descendant];
    return this.immutable(args, [ancestor, descendant], async () => {
      const { code } = await this.git(args, { okCodes: [1] });
      return code === 0;
    });
  }
  /** `ask`'s answer, remembered when every commit it names is a full SHA (a branch name can move). */
  immutable(args, commits, ask) {
    if (!commits.every(isFullSha)) return ask();
    return this.queries.answer(JSON.stringify(args), ask);
  }
  /** Commits reachable from `include` but not from `exclude`, newest first (git log order) unless `reverse`. */
  async revList(include, exclude = [], options = {}) {
    const args = ["rev-list"];
    if (options.reverse) args.push("--reverse");
    if (options.firstParent) args.push("--first-parent");
    if (options.max !== void 0) args.push(`--max-count=${options.max}`);
    if (options.skip !== void 0) args.push(`--skip=${options.skip}`);
    args.push(...include, ...exclude.map((sha) => `^${sha}`));
    if (options.path) args.push("--", options.path);
    const lines = await this.immutable(args, [...include, ...exclude], async () => {
      const { stdout } = await this.git(args);
      return stdout.toString("utf8").split("\n").filter((line) => line !== "");
    });
    return [...lines];
  }
  // --- refs ------------------------------------------------------------------------------------------------
  /**
   * Mirrors a ref into the repository on disk, so that a person can `git clone` it. The in-memory ref table
   * is the authority; changes are queued and written in order, many at a time (one `update-ref --stdin`).
   */
  mirrorRef(name, sha) {
    this.pendingRefs.push({ name, sha });
    const write = () => this.writePendingRefs();
    this.refWrites = this.refWrites.then(write, write);
    return this.refWrites;
  }
  async writePendingRefs() {
    const batch = this.pendingRefs.splice(0);
    if (batch.length === 0) return;
    const line = ({ name, sha }) => sha === null ? `delete ${name}
` : `update ${name} ${sha}
`;
    try {
      await this.git(["update-ref", "--stdin"], { input: batch.map(line).join("") });
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      for (const change of batch) {
        await this.git(["update-ref", "--stdin"], { input: line(change) }).catch((inner) => {
          if (!(inner instanceof GitCommandError)) throw inner;
        });
      }
    }
  }
  /** Resolves once every queued ref mirror write has reached the disk. */
  flush() {
    return this.refWrites;
  }
};

// packages/sandbox/services/resolve.ts
async function resolveCommit(repo, name) {
  if (name === "" || name.startsWith("-")) return null;
  const candidates = name.startsWith("refs/") ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`, `refs/${name}`];
  for (const ref of candidates) {
    const sha = repo.refs.get(ref);
    if (sha) return repo.store.peelToCommit(sha);
  }
  if (isFullSha(name)) return repo.store.peelToCommit(name);
  if (/^[0-9a-f]{4,39}$/.test(name)) {
    const { stdout, code } = await repo.store.git(["rev-parse", "--verify", "--quiet", `${name}^{commit}`], {
      okCodes: [1, 128]
    });
    return code === 0 ? stdout.toString("utf8").trim() : null;
  }
  return null;
}
function branchOf(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
}

// packages/sandbox/services/ref-effects.ts
var ZERO = "0000000000000000000000000000000000000000";
function refErrorToApi(error) {
  if (error instanceof RefError) {
    if (error.reason === "exists") throw new ApiError(422, "Reference already exists");
    if (error.reason === "missing") throw new ApiError(422, "Reference does not exist");
    if (error.reason === "not-fast-forward") throw new ApiError(422, "Update is not a fast forward");
    if (error.reason === "invalid") throw new ApiError(422, `${error.ref} is not a valid ref name.`);
    throw new ApiError(422, error.message);
  }
  throw error;
}
async function pushCommit(world, repo, commit) {
  const parentTree = commit.parents[0] ? (await repo.store.readCommit(commit.parents[0]))?.tree ?? null : null;
  const changes = await treeChanges(repo.store, parentTree, commit.tree);
  const person = (identity) => {
    const user = [...world.users.values()].find((candidate) => candidate.email === identity.email);
    return user ? { name: identity.name, email: identity.email, username: user.login } : { name: identity.name, email: identity.email };
  };
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    author: person(commit.author),
    committer: person(commit.committer),
    added: changes.added,
    removed: changes.removed,
    modified: changes.modified
  };
}
async function announceRefChange(world, repo, change, actor) {
  repo.pushedAt = world.now();
  const store = repo.store;
  const { ref, before, after } = change;
  let commitShas = [];
  let forced = false;
  if (after) {
    const afterCommit = await store.peelToCommit(after);
    if (afterCommit) {
      if (before) {
        const beforeCommit = await store.peelToCommit(before);
        forced = beforeCommit ? !await store.isAncestor(beforeCommit, afterCommit) : false;
        commitShas = await store.revList([afterCommit], beforeCommit ? [beforeCommit] : [], {
          reverse: true
        });
      } else {
        const others = repo.refs.list("refs/heads/").filter((entry) => entry.ref !== ref).map((entry) => entry.sha);
        commitShas = others.length > 0 ? await store.revList([afterCommit], others, { reverse: true }) : [];
      }
    }
  }
  repo.activities.push({
    id: world.nextId(),
    ref,
    before: before ?? ZERO,
    after: after ?? ZERO,
    timestamp: world.now(),
    activityType: before === null ? "branch_creation" : after === null ? "branch_deletion" : forced ? "force_push" : "push",
    actor
  });
  const commits = [];
  for (const sha of commitShas.slice(-20)) {
    const commit = await store.readCommit(sha);
    if (commit) commits.push(await pushCommit(world, repo, commit));
  }
  const headSha = after ? await store.peelToCommit(after) : null;
  const headCommitObject = headSha ? await store.readCommit(headSha) : null;
  const headCommit = headCommitObject ? commits.find((commit) => commit.id === headCommitObject.sha) ?? await pushCommit(world, repo, headCommitObject) : null;
  announce(
    world,
    repo,
    "push",
    actor,
    {
      ref,
      before: before ?? ZERO,
      after: after ?? ZERO,
      created: before === null,
      deleted: after === null,
      forced,
      base_ref: null,
      compare: world.htmlUrl(
        `/${fullName(repo)}/compare/${(before ?? ZERO).slice(0, 12)}...${(after ?? ZERO).slice(0, 12)}`
      ),
      commits,
      head_commit: headCommit,
      pusher: { name: actor.login, email: actor.email }
    },
    { repositoryStyle: "push" }
  );
  const branch = branchOf(ref);
  const tag = ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : null;
  const refName = branch ?? tag;
  if (refName !== null && (before === null || after === null)) {
    const refType = branch !== null ? "branch" : "tag";
    if (before === null) {
      announce(world, repo, "create", actor, {
        ref: refName,
        ref_type: refType,
        master_branch: repo.defaultBranch,
        description: repo.description,
        pusher_type: "user"
      });
    } else {
      announce(world, repo, "delete", actor, { ref: refName, ref_type: refType, pusher_type: "user" });
    }
  }
  if (branch === null) return;
  for (const pull of repo.pulls.values()) {
    const issue = repo.issues.get(pull.number);
    if (issue?.state !== "open") continue;
    const ownHead = pull.headRef === branch && pull.headRepo === null;
    if (ownHead && after && pull.headSha !== after) {
      const previous = pull.headSha;
      pull.headSha = after;
      issue.updatedAt = world.now();
      await announcePull(world, repo, pull, "synchronize", actor, { before: previous, after });
    } else if ((ownHead || pull.baseRef === branch) && after === null) {
      pull.baseSha = pull.baseRef === branch ? before ?? pull.baseSha : repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha;
      issue.state = "closed";
      issue.closedAt = world.now();
      issue.updatedAt = issue.closedAt;
      issue.closedBy = actor;
      await announcePull(world, repo, pull, "closed", actor);
    }
  }
}
async function createRef(world, repo, ref, sha, actor) {
  try {
    repo.refs.create(ref, sha);
  } catch (error) {
    refErrorToApi(error);
  }
  await announceRefChange(world, repo, { ref, before: null, after: sha }, actor);
}
async function moveRef(world, repo, ref, sha, actor, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const before = repo.refs.get(ref);
    if (before === null) throw new ApiError(422, "Reference does not exist");
    if (options.expected !== void 0 && before !== options.expected) {
      throw new ApiError(409, `Reference ${ref} was updated concurrently`);
    }
    if (!options.force && before !== sha) {
      const [oldCommit, newCommit] = await Promise.all([
        repo.store.peelToCommit(before),
        repo.store.peelToCommit(sha)
      ]);
      const fastForward = oldCommit !== null && newCommit !== null && await repo.store.isAncestor(oldCommit, newCommit);
      if (!fastForward) throw new ApiError(422, "Update is not a fast forward");
    }
    try {
      repo.refs.update(ref, sha, before);
    } catch (error) {
      if (error instanceof RefError && error.reason === "stale" && attempt < 10) continue;
      refErrorToApi(error);
    }
    if (before !== sha) await announceRefChange(world, repo, { ref, before, after: sha }, actor);
    return before;
  }
}
async function deleteRef(world, repo, ref, actor) {
  let before;
  try {
    before = repo.refs.delete(ref);
  } catch (error) {
    refErrorToApi(error);
  }
  await announceRefChange(world, repo, { ref, before, after: null }, actor);
}

// packages/sandbox/http/git-http-backend.ts
var GitHttpLog = class {
  records = [];
  seq = 0;
  add(record) {
    this.records.push({ ...record, seq: ++this.seq });
  }
  all() {
    return this.records;
  }
  reset() {
    this.records = [];
  }
  /** Requests and bytes both ways, optionally of one identity. */
  total(identity) {
    const total = { requests: 0, bytesIn: 0, bytesOut: 0 };
    for (const record of this.records) {
      if (identity !== void 0 && record.identity !== identity) continue;
      total.requests++;
      total.bytesIn += record.bytesIn;
      total.bytesOut += record.bytesOut;
    }
    return total;
  }
};
var GIT_PATH = /^\/([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)\.git(\/.*)$/;
var RANK = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
var GitHttpRefusal = class extends Error {
  constructor(status, message, challenge = false) {
    super(message);
    this.status = status;
    this.challenge = challenge;
    this.name = "GitHttpRefusal";
  }
  status;
  challenge;
};
var GitHttpBackend = class {
  constructor(world, latency, report) {
    this.world = world;
    this.latency = latency;
    this.report = report;
  }
  world;
  latency;
  report;
  log = new GitHttpLog();
  pushes = /* @__PURE__ */ new Map();
  handle = (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = GIT_PATH.exec(url.pathname);
    if (!match) return false;
    const [, owner = "", name = "", rest = ""] = match;
    void this.serve(req, res, { owner, name, rest, url }).catch((error) => {
      this.report(`sandbox: git over HTTP ${url.pathname} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
    return true;
  };
  async serve(req, res, target) {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const service = serviceOf(target.rest, target.url.searchParams);
    let identity = { kind: "anonymous" };
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
      const smart = method === "GET" && target.rest === "/info/refs" && service !== "unknown" || method === "POST" && (target.rest === "/git-upload-pack" || target.rest === "/git-receive-pack");
      if (!smart) throw new GitHttpRefusal(404, "Not found (only git's smart HTTP protocol is served).");
      const isApp = identity.kind === "installation" && identity.app === this.world.app;
      const delay = this.latency.delayFor(method, target.url.pathname, isApp);
      if (delay > 0) await sleep2(delay, void 0, { ref: false });
      const run = () => this.runBackend(req, res, repo, { method, target, user, pushing, counts });
      if (method === "POST" && pushing) await this.serialized(repo, run);
      else await run();
    } catch (error) {
      if (!(error instanceof GitHttpRefusal)) throw error;
      counts.status = error.status;
      res.writeHead(error.status, {
        "content-type": "text/plain; charset=utf-8",
        ...error.challenge ? { "www-authenticate": 'Basic realm="GitHub"' } : {}
      });
      res.end(`${error.message}
`);
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
        bytesOut: counts.bytesOut
      });
    }
  }
  challenge() {
    return new GitHttpRefusal(401, "Authentication required.", true);
  }
  authenticate(header) {
    if (!header) return { kind: "anonymous" };
    let token;
    const basic = /^basic\s+(\S+)$/i.exec(header.trim());
    if (basic?.[1]) {
      const decoded2 = Buffer.from(basic[1], "base64").toString("utf8");
      token = decoded2.slice(decoded2.indexOf(":") + 1);
    } else {
      token = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim())?.[1];
    }
    const identity = token ? this.world.tokens.get(token) : void 0;
    if (!identity) throw new GitHttpRefusal(401, "Invalid username or password.", true);
    return identity;
  }
  permission(repo, identity) {
    if (identity.kind === "installation") return "admin";
    const fallback = repo.private ? "none" : "read";
    if (identity.kind !== "user") return fallback;
    if (identity.user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
    return repo.collaborators.get(identity.user.login.toLowerCase()) ?? fallback;
  }
  async serialized(repo, run) {
    const previous = this.pushes.get(repo) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.pushes.set(repo, next);
    try {
      await next;
    } finally {
      if (this.pushes.get(repo) === next) this.pushes.delete(repo);
    }
  }
  async runBackend(req, res, repo, context) {
    const { method, target, user, pushing, counts } = context;
    const store = repo.store;
    const moves = method === "POST" && pushing;
    let before = null;
    if (moves) {
      await store.flush();
      before = await diskRefs(repo);
    }
    const header = (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    };
    const env = {
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
      GIT_CONFIG_VALUE_2: pushing ? "true" : "false"
    };
    const optional = [
      ["CONTENT_TYPE", header("content-type")],
      ["CONTENT_LENGTH", header("content-length")],
      ["HTTP_CONTENT_ENCODING", header("content-encoding")],
      ["GIT_PROTOCOL", header("git-protocol")],
      ["REMOTE_USER", user?.login]
    ];
    for (const [key, value] of optional) if (value !== void 0) env[key] = value;
    const child = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk.toString("utf8");
    });
    child.stdin.on("error", () => {
    });
    res.on("close", () => {
      if (child.exitCode === null) child.kill();
    });
    const exited = new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    req.on("data", (chunk) => {
      counts.bytesIn += chunk.length;
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    child.stdout.on("data", (chunk) => {
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
      res.end(`git http-backend ended without an answer (exit ${code}): ${stderr.trim()}
`);
      return;
    }
    if (before && counts.status === 200) await this.applyPushedRefs(repo, before, user);
    res.end();
  }
  async applyPushedRefs(repo, before, user) {
    const after = await diskRefs(repo);
    const actor = user ?? repo.owner;
    for (const ref of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
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
};
async function diskRefs(repo) {
  const { stdout } = await repo.store.git([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/heads",
    "refs/tags"
  ]);
  const refs = /* @__PURE__ */ new Map();
  for (const line of stdout.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}
function serviceOf(rest, query) {
  const named = rest === "/info/refs" ? query.get("service") : rest.slice(1);
  return named === "git-upload-pack" || named === "git-receive-pack" ? named : "unknown";
}
function parseCgiHead(data) {
  let end = data.indexOf("\r\n\r\n");
  let skip = 4;
  const bare = data.indexOf("\n\n");
  if (bare !== -1 && (end === -1 || bare < end)) {
    end = bare;
    skip = 2;
  }
  if (end === -1) return null;
  let status = 200;
  const headers = {};
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

// packages/sandbox/html/escape-html.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function safeHref(url) {
  if (!url) return "#";
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.href) : "#";
  } catch {
    return "#";
  }
}

// packages/sandbox/html/page-shell.ts
import { createHash } from "node:crypto";
var STYLE = `
:root { color: #1f2328; background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0; } header.top { background: #24292f; color: #fff; padding: 10px 24px; }
header.top a { color: #fff; font-weight: 600; text-decoration: none; }
main { max-width: 1012px; margin: 0 auto; padding: 16px 24px 48px; }
a { color: #0969da; } h1 { font-size: 1.6em; font-weight: 400; margin: 8px 0; } h1 .num { color: #59636e; }
h2 { font-size: 1.15em; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 28px; }
.state { display: inline-block; border-radius: 2em; padding: 2px 10px; color: #fff; font-weight: 600; margin-right: 8px; }
.state-open { background: #1f883d; } .state-closed { background: #cf222e; } .state-merged { background: #8250df; } .state-draft { background: #59636e; }
.meta { color: #59636e; } .label { display: inline-block; border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 8px; margin-right: 4px; font-size: 0.85em; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; margin: 12px 0; }
.box > .box-head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 12px; border-radius: 6px 6px 0 0; }
.box > .box-body { padding: 8px 12px; overflow-x: auto; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 0.8em; }
table { border-collapse: collapse; } td, th { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; }
ul.list { list-style: none; padding: 0; } ul.list li { border-bottom: 1px solid #d1d9e0; padding: 6px 0; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; } code { font-family: ui-monospace, monospace; }
pre.diff { padding: 0; } pre.diff span { display: block; padding: 0 8px; }
pre.diff .add { background: #dafbe1; } pre.diff .del { background: #ffebe9; } pre.diff .hunk { background: #ddf4ff; color: #59636e; }
.conclusion-success { color: #1a7f37; } .conclusion-failure, .conclusion-action_required { color: #cf222e; }
.conclusion-neutral, .conclusion-skipped, .conclusion-pending { color: #59636e; }
`;
var STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;
var SANDBOX_PAGE_CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
function page(input) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.title)} \xB7 sandbox GitHub</title><style>${STYLE}</style></head>
<body><header class="top"><a href="${escapeHtml(input.home)}">sandbox GitHub</a> <span>(read-only; hotfix-bot's local GitHub)</span></header><main>${input.body}</main></body></html>
`;
}

// packages/sandbox/html/render-markdown.ts
import MarkdownIt from "markdown-it";
var markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
function withoutHtmlComments(text) {
  let out = "";
  let at = 0;
  for (; ; ) {
    const start = text.indexOf("<!--", at);
    if (start === -1) return out + text.slice(at);
    out += text.slice(at, start);
    const end = text.indexOf("-->", start + 4);
    if (end === -1) return out;
    at = end + 3;
  }
}
function renderMarkdown(text) {
  if (!text) return '<p class="empty">No description provided.</p>';
  return markdown.render(withoutHtmlComments(text));
}

// packages/sandbox/html/html-pages.ts
var href = (world, path) => safeHref(world.htmlUrl(path));
function shell(world, repo, title, body, status = 200) {
  const home = repo ? world.htmlUrl(`/${fullName(repo)}`) : world.htmlUrl("/");
  return { status, html: page({ title, home: safeHref(home), body }) };
}
function notFound2(world, what) {
  return shell(world, null, "Not found", `<h1>Not found</h1><p>${escapeHtml(what)}</p>`, 404);
}
function stateBadge(state) {
  return `<span class="state state-${escapeHtml(state)}" data-state="${escapeHtml(state)}">${escapeHtml(state)}</span>`;
}
function who(login, isBot) {
  return `<strong>${escapeHtml(login)}</strong>${isBot ? ' <span class="bot">bot</span>' : ""}`;
}
function comment(c) {
  return `<article class="box" id="issuecomment-${c.id}" data-comment-id="${c.id}"><div class="box-head">${who(c.user.login, c.user.type === "Bot")} <span class="meta">commented ${escapeHtml(c.createdAt)}</span></div><div class="box-body markdown">${renderMarkdown(c.body)}</div></article>`;
}
function commentsOf(repo, number) {
  const list = [...repo.comments.values()].filter((c) => c.issueNumber === number).sort((a, b) => a.id - b.id);
  return list.map(comment).join("");
}
function labels(issue) {
  return issue.labels.map((name) => `<span class="label">${escapeHtml(name)}</span>`).join("");
}
function opening(issue) {
  return `<article class="box" data-issue-body><div class="box-head">${who(issue.user.login, issue.user.type === "Bot")} <span class="meta">opened ${escapeHtml(issue.createdAt)}</span></div><div class="box-body markdown">${renderMarkdown(issue.body)}</div></article>`;
}
function repositoryPage(world, repo) {
  const name = fullName(repo);
  const branches = repo.refs.list("refs/heads/").map(({ ref, sha }) => ({ name: ref.slice(11), sha }));
  const tags = repo.refs.list("refs/tags/").map(({ ref }) => ref.slice(10));
  const items = [...repo.issues.values()].sort((a, b) => b.number - a.number);
  const item = (issue) => {
    const pull = issue.isPull ? repo.pulls.get(issue.number) : void 0;
    const state = pull?.merged ? "merged" : issue.state;
    const path = `/${name}/${issue.isPull ? "pull" : "issues"}/${issue.number}`;
    return `<li>${stateBadge(state)}<a href="${href(world, path)}">${escapeHtml(issue.title)}</a> <span class="meta">#${issue.number} ${issue.isPull ? "pull request" : "issue"} by ${escapeHtml(issue.user.login)}</span> ${labels(issue)}</li>`;
  };
  const body = `<h1>${escapeHtml(name)}</h1><p class="meta">${escapeHtml(repo.description ?? "")} \xB7 default branch <code>${escapeHtml(repo.defaultBranch)}</code></p><h2>Issues and pull requests</h2>${items.length ? `<ul class="list">${items.map(item).join("")}</ul>` : '<p class="empty">None yet.</p>'}<h2>Branches</h2><ul class="list">${branches.map((b) => `<li><code>${escapeHtml(b.name)}</code> <a href="${href(world, `/${name}/commit/${b.sha}`)}"><code>${b.sha.slice(0, 7)}</code></a></li>`).join("")}</ul><h2>Tags and releases</h2><p>${tags.map((t) => `<code>${escapeHtml(t)}</code>`).join(" ") || "No tags."} \xB7 <a href="${href(world, `/${name}/releases`)}">Releases (${repo.releases.size})</a></p>`;
  return shell(world, repo, name, body);
}
function issuePage(world, repo, issue) {
  const body = `<h1><span data-title>${escapeHtml(issue.title)}</span> <span class="num">#${issue.number}</span></h1><p>${stateBadge(issue.state)} ${labels(issue)} <span class="meta">${escapeHtml(fullName(repo))}</span></p>` + opening(issue) + commentsOf(repo, issue.number);
  return shell(world, repo, `${issue.title} \xB7 Issue #${issue.number}`, body);
}
function conclusion(run) {
  const value = run.conclusion ?? run.status;
  return `<span class="conclusion-${escapeHtml(value)}" data-conclusion="${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}
function checkRun(world, repo, run) {
  const output = run.output;
  return `<article class="box" data-check-run="${escapeHtml(run.name)}"><div class="box-head"><strong>${escapeHtml(run.name)}</strong> ${conclusion(run)} <span class="meta">by ${escapeHtml(run.app.slug)}</span> <a href="${href(world, `/${fullName(repo)}/runs/${run.id}`)}">details</a></div>` + (output.title || output.summary || output.text ? `<div class="box-body markdown">${output.title ? `<h3>${escapeHtml(output.title)}</h3>` : ""}${output.summary ? renderMarkdown(output.summary) : ""}${output.text ? renderMarkdown(output.text) : ""}</div>` : "") + "</article>";
}
function diff(file) {
  const patch = file.patch ? `<pre class="diff"><code>${file.patch.split("\n").map((line) => {
    const kind = line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "ctx";
    return `<span class="${kind}">${escapeHtml(line) || " "}</span>`;
  }).join("")}</code></pre>` : `<p class="meta">${file.binary ? "Binary file not shown." : "Diff too large to show."}</p>`;
  return `<article class="box" data-file="${escapeHtml(file.filename)}"><div class="box-head"><code>${escapeHtml(file.filename)}</code> <span class="meta">${escapeHtml(file.status)}, +${file.additions} \u2212${file.deletions}</span></div><div class="box-body">${patch}</div></article>`;
}
async function commitList(world, repo, shas) {
  const commits = await Promise.all(shas.map((sha) => repo.store.readCommit(sha)));
  return `<ul class="list">${commits.flatMap(
    (c) => c ? [
      `<li data-commit="${c.sha}"><a href="${href(world, `/${fullName(repo)}/commit/${c.sha}`)}"><code>${c.sha.slice(0, 7)}</code></a> ${escapeHtml(c.message.split("\n")[0] ?? "")} <span class="meta">${escapeHtml(c.author.name)}</span></li>`
    ] : []
  ).join("")}</ul>`;
}
async function pullPage(world, repo, issue, pull) {
  const state = pull.merged ? "merged" : issue.state === "open" && pull.draft ? "draft" : issue.state;
  const facts = await pullFacts(repo, pull);
  const shas = await repo.store.revList([pull.headSha], [currentBaseSha(repo, pull)], {
    reverse: true,
    max: 250
  });
  const latest = /* @__PURE__ */ new Map();
  for (const run of [...repo.checkRuns.values()].sort((a, b) => a.id - b.id))
    if (run.headSha === pull.headSha) latest.set(`${run.app.slug}/${run.name}`, run);
  const runs = [...latest.values()];
  const statuses = repo.statuses.filter((s) => s.sha === pull.headSha);
  const reviews = [...repo.reviews.values()].filter((r) => r.pullNumber === pull.number);
  const body = `<h1><span data-title>${escapeHtml(issue.title)}</span> <span class="num">#${pull.number}</span></h1><p>${stateBadge(state)} <span class="meta">${escapeHtml(issue.user.login)} wants to merge ${facts.commits} commit${facts.commits === 1 ? "" : "s"} into <code>${escapeHtml(pull.baseRef)}</code> from <code>${escapeHtml(pull.headRef)}</code>${pull.mergedAt ? `; merged ${escapeHtml(pull.mergedAt)}${pull.mergeCommitSha ? ` as <code>${pull.mergeCommitSha.slice(0, 7)}</code>` : ""}` : ""}</span> ${labels(issue)}</p>` + opening(issue) + `<h2>Checks on <code>${pull.headSha.slice(0, 7)}</code></h2>` + (runs.length ? runs.map((run) => checkRun(world, repo, run)).join("") : '<p class="empty">No check runs.</p>') + (statuses.length ? `<ul class="list">${statuses.map((s) => `<li><strong>${escapeHtml(s.context)}</strong> <span class="conclusion-${escapeHtml(s.state)}">${escapeHtml(s.state)}</span> ${escapeHtml(s.description ?? "")}</li>`).join("")}</ul>` : "") + (reviews.length ? `<h2>Reviews</h2><ul class="list">${reviews.map((r) => `<li>${who(r.user.login, r.user.type === "Bot")} ${escapeHtml(r.state.toLowerCase().replace("_", " "))} <code>${escapeHtml(r.commitId.slice(0, 7))}</code>${r.body ? `<div class="markdown">${renderMarkdown(r.body)}</div>` : ""}</li>`).join("")}</ul>` : "") + `<h2>Conversation</h2>${commentsOf(repo, pull.number) || '<p class="empty">No comments.</p>'}<h2 id="commits">Commits (${shas.length})</h2>${await commitList(world, repo, shas)}<h2 id="files">Files changed (${facts.files.length}) <span class="meta">+${facts.additions} \u2212${facts.deletions}</span></h2>${facts.files.slice(0, 300).map(diff).join("")}`;
  return shell(world, repo, `${issue.title} \xB7 Pull Request #${pull.number}`, body);
}
async function commitPage(world, repo, sha) {
  const commit = await repo.store.readCommit(sha);
  if (!commit) return notFound2(world, `No commit ${sha} in ${fullName(repo)}`);
  const files = await diffFiles(repo.store, commit.parents[0] ?? null, commit.sha);
  const body = `<h1>${escapeHtml(commit.message.split("\n")[0] ?? "")}</h1><pre>${escapeHtml(commit.message)}</pre><p class="meta">${escapeHtml(commit.author.name)} \xB7 commit <code>${commit.sha}</code>${commit.parents.map((p) => ` \xB7 parent <a href="${href(world, `/${fullName(repo)}/commit/${p}`)}"><code>${p.slice(0, 7)}</code></a>`).join("")}</p>` + files.slice(0, 300).map(diff).join("");
  return shell(world, repo, commit.message.split("\n")[0] ?? sha, body);
}
function releasesPage(world, repo, tag) {
  const releases = [...repo.releases.values()].filter((r) => tag === null || r.tagName === tag).sort((a, b) => b.id - a.id);
  if (tag !== null && releases.length === 0) return notFound2(world, `No release for tag ${tag}`);
  const body = `<h1>Releases \xB7 ${escapeHtml(fullName(repo))}</h1>` + (releases.length ? releases.map(
    (r) => `<article class="box" data-release="${escapeHtml(r.tagName)}"><div class="box-head"><strong>${escapeHtml(r.name ?? r.tagName)}</strong> <code>${escapeHtml(r.tagName)}</code>${r.draft ? " (draft)" : ""}${r.prerelease ? " (pre-release)" : ""} <span class="meta">by ${escapeHtml(r.author.login)} ${escapeHtml(r.publishedAt ?? r.createdAt)}</span></div><div class="box-body markdown">${renderMarkdown(r.body)}</div></article>`
  ).join("") : '<p class="empty">No releases.</p>');
  return shell(world, repo, `Releases \xB7 ${fullName(repo)}`, body);
}
function checkRunPage(world, repo, run) {
  const body = `<h1>${escapeHtml(run.name)} ${conclusion(run)}</h1><p class="meta">on <a href="${href(world, `/${fullName(repo)}/commit/${run.headSha}`)}"><code>${run.headSha.slice(0, 7)}</code></a> by ${escapeHtml(run.app.slug)}; started ${escapeHtml(run.startedAt ?? "\u2013")}, completed ${escapeHtml(run.completedAt ?? "\u2013")}</p>` + checkRun(world, repo, run);
  return shell(world, repo, `${run.name} \xB7 check run`, body);
}

// packages/sandbox/http/html-routes.ts
var PREFIX = "/html/";
var HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": SANDBOX_PAGE_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store"
};
function decoded(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
async function route(world, path) {
  const parts = path.slice(PREFIX.length).split("/").map(decoded);
  if (parts.includes(null)) return notFound2(world, `Not a valid address: ${path}`);
  const [owner, name, kind, id, ...more] = parts;
  const repo = owner && name ? world.repo(owner, name) : null;
  if (!repo) return notFound2(world, `No repository ${owner ?? ""}/${name ?? ""} in the sandbox`);
  if (kind === void 0 || kind === "") return repositoryPage(world, repo);
  const number = Number(id);
  if ((kind === "issues" || kind === "pull") && Number.isInteger(number)) {
    const issue = repo.issues.get(number);
    if (!issue) return notFound2(world, `No issue or pull request #${id}`);
    const pull = repo.pulls.get(number);
    if (issue.isPull && pull) return pullPage(world, repo, issue, pull);
    return issuePage(world, repo, issue);
  }
  if (kind === "releases") {
    if (id === void 0) return releasesPage(world, repo, null);
    if (id === "tag" && more.length > 0) return releasesPage(world, repo, more.join("/"));
  }
  if (kind === "commit" && id && /^[0-9a-f]{40}$/.test(id)) return commitPage(world, repo, id);
  if (kind === "runs" && Number.isInteger(number)) {
    const run = repo.checkRuns.get(number);
    if (run) return checkRunPage(world, repo, run);
  }
  return notFound2(world, `The sandbox has no page for ${path}`);
}
function htmlRoutes(world, report) {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith(PREFIX)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("The sandbox's pages are read-only\n");
      return true;
    }
    route(world, path).then((found) => {
      res.writeHead(found.status, HEADERS).end(req.method === "HEAD" ? void 0 : found.html);
    }).catch((error) => {
      report(
        `sandbox: GET ${path} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`
      );
      res.writeHead(500, { "content-type": "text/plain" }).end("Sandbox error\n");
    });
    return true;
  };
}

// packages/sandbox/import-repository.ts
var ImportRepositoryError = class extends Error {
  constructor(from, reason) {
    super(`cannot import ${from}: ${reason}`);
    this.from = from;
    this.name = "ImportRepositoryError";
  }
  from;
};
async function importRepository(world, spec) {
  const owner = spec.owner ?? "acme";
  if (world.repo(owner, spec.name)) {
    throw new ImportRepositoryError(spec.from, `${owner}/${spec.name} exists in the sandbox`);
  }
  const repo = await world.createRepository({
    owner,
    name: spec.name,
    ...spec.defaultBranch ? { defaultBranch: spec.defaultBranch } : {}
  });
  for (const [login, permission] of Object.entries(spec.collaborators ?? {})) {
    repo.collaborators.set(world.ensureUser(login).login.toLowerCase(), permission);
  }
  const store = repo.store;
  await store.git([
    "fetch",
    "--quiet",
    "--no-tags",
    spec.from,
    "+refs/heads/*:refs/heads/*",
    "+refs/tags/*:refs/tags/*"
  ]);
  const { stdout } = await store.git([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/heads",
    "refs/tags"
  ]);
  for (const line of stdout.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) repo.refs.create(line.slice(space + 1), line.slice(0, space));
  }
  if (repo.refs.get(`refs/heads/${repo.defaultBranch}`) === null) {
    world.repos.delete(`${owner}/${spec.name}`.toLowerCase());
    throw new ImportRepositoryError(spec.from, `it has no branch ${repo.defaultBranch}`);
  }
  await store.flush();
  return repo;
}

// packages/sandbox/instruments/seeded-random.ts
function seededUnit(seed, key) {
  let hash = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 3266489909);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}

// packages/sandbox/instruments/faults.ts
var DEFAULT_FAULT_KINDS = ["500", "502", "reset", "secondary-rate-limit"];
var FaultInjector = class {
  options = null;
  occurrences = /* @__PURE__ */ new Map();
  injected = [];
  configure(options) {
    this.options = options;
    this.occurrences.clear();
    this.injected.length = 0;
  }
  get current() {
    return this.options;
  }
  decide(method, path, route2) {
    const options = this.options;
    if (!options || options.rate <= 0) return null;
    if (options.methods && !options.methods.includes(method)) return null;
    if (options.routes && !options.routes.some((wanted) => wanted === route2 || wanted === `${method} ${route2}`)) {
      return null;
    }
    const key = `${method} ${path}`;
    const n = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, n);
    const roll = seededUnit(options.seed, `${key}#${n}`);
    if (roll >= options.rate) return null;
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : DEFAULT_FAULT_KINDS;
    const kind = kinds[Math.floor(seededUnit(options.seed, `${key}#${n}:kind`) * kinds.length)];
    const phaseOption = options.phase ?? "before";
    const phase = phaseOption === "mixed" ? seededUnit(options.seed, `${key}#${n}:phase`) < 0.5 ? "before" : "after" : phaseOption;
    const effective = kind === "secondary-rate-limit" || kind === "rate-limit" ? "before" : phase;
    this.injected.push({ method, path, kind, phase: effective });
    return { kind, phase: effective };
  }
  /** The HTTP answer of a fault (null for `reset`/`timeout`, which drop the connection instead). */
  response(kind, nowMs) {
    const retryAfter = this.options?.retryAfterSeconds ?? 1;
    switch (kind) {
      case "500":
        return { status: 500, body: { message: "Server Error" }, headers: {} };
      case "502":
        return { status: 502, body: { message: "Server Error" }, headers: {} };
      case "secondary-rate-limit":
        return {
          status: 403,
          body: {
            message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            status: "403"
          },
          headers: { "retry-after": String(retryAfter) }
        };
      case "rate-limit":
        return {
          status: 403,
          body: {
            message: "API rate limit exceeded for installation.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            status: "403"
          },
          headers: {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": "5000",
            "x-ratelimit-resource": "core",
            "x-ratelimit-reset": String(Math.ceil(nowMs / 1e3) + retryAfter)
          }
        };
      default:
        return null;
    }
  }
};

// packages/sandbox/instruments/interceptions.ts
var Interceptor = class {
  active = [];
  add(options) {
    const entry = { options, remaining: options.times ?? 1, hits: 0 };
    this.active.push(entry);
    return {
      hits: () => entry.hits,
      cancel: () => this.remove(entry)
    };
  }
  clear() {
    this.active = [];
  }
  /** The first interception of `METHOD route` still in force, counted as used; null when none applies. */
  take(method, route2) {
    const key = `${method} ${route2}`;
    const entry = this.active.find((candidate) => candidate.options.route === key);
    if (!entry) return null;
    entry.hits++;
    entry.remaining--;
    if (entry.remaining <= 0) this.remove(entry);
    return entry.options;
  }
  remove(entry) {
    this.active = this.active.filter((candidate) => candidate !== entry);
  }
};

// packages/sandbox/instruments/latency.ts
var LatencyInjector = class {
  options = null;
  occurrences = /* @__PURE__ */ new Map();
  configure(options) {
    this.options = options;
    this.occurrences.clear();
  }
  delayFor(method, path, isApp) {
    const options = this.options;
    if (!options) return 0;
    if ((options.scope ?? "app") === "app" && !isApp) return 0;
    const key = `${method} ${path}`;
    const n = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, n);
    const jitter = options.jitterMs ? seededUnit(options.seed ?? 0, `${key}#${n}`) * options.jitterMs : 0;
    return Math.round(options.fixedMs + jitter);
  }
};

// packages/sandbox/http/route-table.ts
function compileSegments(parts) {
  return parts.map((part) => {
    const match = /^\{(\w+)\}$/.exec(part);
    return match?.[1] ? { param: match[1] } : { literal: part };
  });
}
function matchSegments(segments, parts, params) {
  if (segments.length !== parts.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if ("literal" in segment) {
      if (segment.literal !== part) return false;
    } else {
      if (part === "") return false;
      params[segment.param] = safeDecode(part);
    }
  }
  return true;
}
function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
function rank(route2) {
  const literals = [...route2.prefix, ...route2.suffix].filter((segment) => "literal" in segment).length;
  return route2.greedy === null ? 1e4 + literals : route2.suffix.length * 100 + literals;
}
var RouteTable = class {
  routes = [];
  add(method, template, handler) {
    const parts = template.split("/").slice(1);
    const greedyAt = parts.findIndex((part) => /^\{\w+[+*]\}$/.test(part));
    const route2 = greedyAt === -1 ? {
      method,
      template,
      prefix: compileSegments(parts),
      greedy: null,
      minGreedy: 0,
      suffix: [],
      handler
    } : {
      method,
      template: template.replace(/\{(\w+)[+*]\}/, "{$1}"),
      prefix: compileSegments(parts.slice(0, greedyAt)),
      greedy: parts[greedyAt].slice(1, -2),
      minGreedy: parts[greedyAt].endsWith("*}") ? 0 : 1,
      suffix: compileSegments(parts.slice(greedyAt + 1)),
      handler
    };
    this.routes.push(route2);
  }
  /**
   * The matching route for a method and raw path. Exact templates win over greedy ones, more literal segments
   * win over parameters, and among greedy ones the longer literal suffix wins, so `/commits/{ref+}/check-runs`
   * beats `/commits/{ref+}` whatever the order of registration.
   */
  match(method, path) {
    const parts = path.split("/").slice(1);
    const candidates = this.routes.filter((route2) => route2.method === method).sort((a, b) => rank(b) - rank(a));
    for (const route2 of candidates) {
      const params = {};
      if (route2.greedy === null) {
        if (matchSegments(route2.prefix, parts, params))
          return { template: route2.template, params, handler: route2.handler };
        continue;
      }
      const middle = parts.length - route2.prefix.length - route2.suffix.length;
      if (middle < route2.minGreedy) continue;
      if (!matchSegments(route2.prefix, parts.slice(0, route2.prefix.length), params)) continue;
      if (!matchSegments(route2.suffix, parts.slice(parts.length - route2.suffix.length), params)) continue;
      const greedyParts = parts.slice(route2.prefix.length, route2.prefix.length + middle);
      if (greedyParts.some((part) => part === "")) continue;
      params[route2.greedy] = greedyParts.map(safeDecode).join("/");
      return { template: route2.template, params, handler: route2.handler };
    }
    return null;
  }
  templates() {
    return this.routes.map(({ method, template }) => ({ method, template }));
  }
};

// packages/sandbox/routes/common.ts
function repoOf(world, req) {
  const repo = world.repo(req.params.owner ?? "", req.params.repo ?? "");
  if (!repo) throw notFound();
  return repo;
}
function actorOf(req) {
  const identity = req.identity;
  if (identity.kind === "user" || identity.kind === "installation") return identity.user;
  throw new ApiError(401, "Requires authentication");
}
var RANK2 = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
function permissionOf(repo, user) {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
  return repo.collaborators.get(user.login.toLowerCase()) ?? (repo.private ? "none" : "read");
}
function requireWrite(req, repo) {
  const user = actorOf(req);
  if (req.identity.kind === "installation") return user;
  if (RANK2[permissionOf(repo, user)] < RANK2.write) {
    throw new ApiError(403, `Must have push access to ${repo.owner.login}/${repo.name}.`);
  }
  return user;
}
function requireTriage(req, repo) {
  const user = actorOf(req);
  if (req.identity.kind === "installation") return user;
  if (RANK2[permissionOf(repo, user)] < RANK2.triage) {
    throw new ApiError(403, `Must have triage access to ${repo.owner.login}/${repo.name}.`);
  }
  return user;
}
function hasWrite(repo, user) {
  return RANK2[permissionOf(repo, user)] >= RANK2.write;
}
function bodyOf(req) {
  if (req.body === void 0 || req.body === null) return {};
  if (typeof req.body !== "object" || Array.isArray(req.body))
    throw new ApiError(400, "Problems parsing JSON");
  return req.body;
}
function requiredString(body, field, resource) {
  const value = body[field];
  if (typeof value !== "string" || value === "") throw invalidField(resource, field);
  return value;
}
function optionalString(body, field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") {
    throw new ApiError(422, `Invalid request.

For '${field}', ${JSON.stringify(value)} is not a string.`);
  }
  return value;
}
function optionalBoolean(body, field) {
  const value = body[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "boolean") {
    throw new ApiError(422, `Invalid request.

For '${field}', ${JSON.stringify(value)} is not a boolean.`);
  }
  return value;
}
function numberParam(req, name) {
  const raw = req.params[name] ?? "";
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}
function json(status, body, headers) {
  return headers ? { status, body, headers } : { status, body };
}
function paginate(world, req, items) {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get("per_page") ?? 30) || 30));
  const pageNumber = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page2 = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link2 = (n) => {
    const query = new URLSearchParams(req.query);
    query.set("per_page", String(perPage));
    query.set("page", String(n));
    return `<${world.apiUrl(req.path)}?${query.toString()}>`;
  };
  const parts = [];
  if (pageNumber > 1) parts.push(`${link2(pageNumber - 1)}; rel="prev"`);
  if (pageNumber < lastPage)
    parts.push(`${link2(pageNumber + 1)}; rel="next"`, `${link2(lastPage)}; rel="last"`);
  if (pageNumber > 1) parts.push(`${link2(1)}; rel="first"`);
  return { page: page2, headers: parts.length > 0 ? { link: parts.join(", ") } : {} };
}
function paginated(world, req, items, render2) {
  const { page: page2, headers } = paginate(world, req, items);
  return { status: 200, body: page2.map(render2), headers };
}

// packages/sandbox/routes/activity-routes.ts
function registerActivityRoutes(table) {
  table.add("GET", "/repos/{owner}/{repo}/activity", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = req.query.get("ref");
    const fullRef2 = ref === null ? null : ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
    const actor = req.query.get("actor")?.toLowerCase() ?? null;
    const type = req.query.get("activity_type");
    let activities = repo.activities.filter(
      (activity) => (fullRef2 === null || activity.ref === fullRef2) && (actor === null || activity.actor.login.toLowerCase() === actor) && (type === null || activity.activityType === type)
    );
    if (req.query.get("direction") !== "asc") activities = activities.slice().reverse();
    const { page: page2, headers } = paginate(world, req, activities);
    return json(
      200,
      page2.map((activity) => ({
        id: activity.id,
        node_id: nodeId("RepositoryActivity", activity.id),
        before: activity.before,
        after: activity.after,
        ref: activity.ref,
        timestamp: activity.timestamp,
        activity_type: activity.activityType,
        actor: userShape(world, activity.actor)
      })),
      headers
    );
  });
}

// packages/sandbox/routes/app-routes.ts
function jwtApp(req) {
  if (req.identity.kind !== "app") {
    throw new ApiError(401, "A JSON web token could not be decoded");
  }
  return req.identity.app;
}
function installationShape(world, app) {
  const permissions = appShape(world, app).permissions;
  return {
    id: app.installationId,
    // GitHub's description of GET /app/installations requires the account to be a user AND an enterprise
    // (allOf); the extra fields make one object that satisfies both and lose nothing.
    account: {
      ...userShape(world, app.owner),
      name: app.owner.login,
      slug: app.owner.login,
      created_at: app.createdAt,
      updated_at: app.createdAt
    },
    repository_selection: "all",
    access_tokens_url: world.apiUrl(`/app/installations/${app.installationId}/access_tokens`),
    repositories_url: world.apiUrl("/installation/repositories"),
    html_url: world.htmlUrl(`/organizations/${app.owner.login}/settings/installations/${app.installationId}`),
    app_id: app.id,
    app_slug: app.slug,
    client_id: `Iv1.${app.slug}`,
    target_id: app.owner.id,
    target_type: app.owner.type === "Organization" ? "Organization" : "User",
    permissions,
    events: appShape(world, app).events,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
    node_id: nodeId("Installation", app.installationId)
  };
}
function registerAppRoutes(table) {
  table.add("GET", "/app", async (req, world) => json(200, appShape(world, jwtApp(req))));
  table.add("GET", "/apps/{app_slug}", async (req, world) => {
    const app = world.apps.get(req.params.app_slug ?? "");
    if (!app) throw notFound();
    return json(200, appShape(world, app));
  });
  table.add(
    "GET",
    "/app/installations",
    async (req, world) => json(200, [installationShape(world, jwtApp(req))])
  );
  table.add("GET", "/app/installations/{installation_id}", async (req, world) => {
    const app = jwtApp(req);
    if (numberParam(req, "installation_id") !== app.installationId) throw notFound();
    return json(200, installationShape(world, app));
  });
  table.add("POST", "/app/installations/{installation_id}/access_tokens", async (req, world) => {
    const app = jwtApp(req);
    const installation = world.appByInstallation(numberParam(req, "installation_id"));
    if (!installation || installation.id !== app.id) throw notFound();
    const token = world.issueInstallationToken(installation);
    const expires = new Date(world.options.clock().getTime() + 60 * 60 * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
    return json(201, {
      token,
      expires_at: expires,
      permissions: appShape(world, installation).permissions,
      repository_selection: "all"
    });
  });
  table.add("GET", "/repos/{owner}/{repo}/installation", async (req, world) => {
    repoOf(world, req);
    if (req.identity.kind !== "app") throw new ApiError(401, "A JSON web token could not be decoded");
    return json(200, installationShape(world, world.app));
  });
  table.add("GET", "/installation/repositories", async (req, world) => {
    if (req.identity.kind !== "installation")
      throw new ApiError(403, "Resource not accessible by integration");
    const repositories = [...world.repos.values()].map((repo) => repositoryShape(world, repo));
    return json(200, { total_count: repositories.length, repository_selection: "all", repositories });
  });
}

// packages/sandbox/shapes/check-shapes.ts
function checkPullRequests(world, repo, headSha) {
  const repoRef = { id: repo.id, url: world.apiUrl(`/repos/${fullName(repo)}`), name: repo.name };
  return [...repo.pulls.values()].filter((pull) => pull.headSha === headSha && repo.issues.get(pull.number)?.state === "open").map((pull) => ({
    id: pull.id,
    number: pull.number,
    url: world.apiUrl(`/repos/${fullName(repo)}/pulls/${pull.number}`),
    head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef },
    base: {
      ref: pull.baseRef,
      sha: repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha,
      repo: repoRef
    }
  }));
}
function simpleCommitShape(commit) {
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email }
  };
}
function checkSuiteShape(world, repo, suite, headCommit) {
  const url = world.apiUrl(`/repos/${fullName(repo)}/check-suites/${suite.id}`);
  const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id);
  return {
    id: suite.id,
    node_id: nodeId("CheckSuite", suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url,
    before: headCommit.parents[0] ?? "0000000000000000000000000000000000000000",
    after: suite.headSha,
    pull_requests: checkPullRequests(world, repo, suite.headSha),
    app: appShape(world, suite.app),
    repository: repositoryShape(world, repo),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    head_commit: simpleCommitShape(headCommit),
    latest_check_runs_count: new Set(runs.map((run) => run.name)).size,
    check_runs_url: `${url}/check-runs`,
    rerequestable: suite.rerequestable,
    runs_rerequestable: true
  };
}
function checkRunShape(world, repo, run, checkSuite) {
  const url = world.apiUrl(`/repos/${fullName(repo)}/check-runs/${run.id}`);
  const shape = {
    id: run.id,
    name: run.name,
    node_id: nodeId("CheckRun", run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: world.htmlUrl(`/${fullName(repo)}/runs/${run.id}`),
    details_url: run.detailsUrl ?? world.htmlUrl(`/${fullName(repo)}/runs/${run.id}`),
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`
    },
    check_suite: checkSuite,
    app: appShape(world, run.app),
    pull_requests: checkPullRequests(world, repo, run.headSha)
  };
  return shape;
}
function checkAnnotationShape(world, repo, run, annotation) {
  return {
    path: annotation.path,
    blob_href: world.htmlUrl(`/${fullName(repo)}/blob/${run.headSha}/${annotation.path}`),
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    start_column: annotation.startColumn,
    end_column: annotation.endColumn,
    annotation_level: annotation.level,
    title: annotation.title,
    message: annotation.message,
    raw_details: annotation.rawDetails
  };
}

// packages/sandbox/routes/check-routes.ts
var STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
var CONCLUSIONS = [
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "success",
  "skipped",
  "stale",
  "timed_out"
];
var PRECEDENCE = [
  "action_required",
  "cancelled",
  "timed_out",
  "failure",
  "neutral",
  "skipped",
  "stale",
  "success"
];
var MAX_OUTPUT = 65535;
function installationOf(req) {
  if (req.identity.kind !== "installation")
    throw new ApiError(403, "You must authenticate via a GitHub App.");
  return { app: req.identity.app, user: req.identity.user };
}
function render(world, repo, run) {
  return checkRunShape(world, repo, run, { id: run.suiteId });
}
async function renderForWebhook(world, repo, run) {
  const suite = repo.checkSuites.get(run.suiteId);
  const head = await repo.store.readCommit(run.headSha);
  const checkSuite = suite && head ? checkSuiteShape(world, repo, suite, head) : { id: run.suiteId };
  return checkRunShape(world, repo, run, checkSuite);
}
function dateField(body, field) {
  const value = optionalString(body, field);
  if (value === void 0) return void 0;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw validationFailed([{ resource: "CheckRun", field, code: "invalid", value }]);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
var LEVELS = ["notice", "warning", "failure"];
function annotationOf(raw) {
  const invalid = (field) => validationFailed([{ resource: "CheckRun", field: `output.annotations.${field}`, code: "invalid" }]);
  if (typeof raw !== "object" || raw === null) throw invalid("item");
  const fields = raw;
  const line = (field, required) => {
    const value = fields[field];
    if (value === void 0 || value === null) {
      if (required) throw invalid(field);
      return null;
    }
    if (!Number.isSafeInteger(value) || value < 1) throw invalid(field);
    return value;
  };
  const path = optionalString(fields, "path");
  const message = optionalString(fields, "message");
  const level = optionalString(fields, "annotation_level");
  if (!path) throw invalid("path");
  if (message === void 0) throw invalid("message");
  if (!LEVELS.includes(level)) throw invalid("annotation_level");
  for (const [field, value] of [
    ["message", message],
    ["title", optionalString(fields, "title")],
    ["raw_details", optionalString(fields, "raw_details")]
  ]) {
    if (value !== void 0 && value.length > 65535) throw invalid(field);
  }
  return {
    path,
    startLine: line("start_line", true),
    endLine: line("end_line", true),
    startColumn: line("start_column", false),
    endColumn: line("end_column", false),
    level,
    title: optionalString(fields, "title") ?? null,
    message,
    rawDetails: optionalString(fields, "raw_details") ?? null
  };
}
function applyFields(world, run, body) {
  const name = optionalString(body, "name");
  if (name !== void 0) run.name = name;
  const detailsUrl = optionalString(body, "details_url");
  if (detailsUrl !== void 0) run.detailsUrl = detailsUrl;
  const externalId = optionalString(body, "external_id");
  if (externalId !== void 0) run.externalId = externalId;
  const startedAt = dateField(body, "started_at");
  if (startedAt !== void 0) run.startedAt = startedAt;
  const status = optionalString(body, "status");
  if (status !== void 0 && !STATUSES.includes(status)) {
    throw validationFailed([{ resource: "CheckRun", field: "status", code: "invalid", value: status }]);
  }
  const conclusion2 = optionalString(body, "conclusion");
  if (conclusion2 !== void 0 && !CONCLUSIONS.includes(conclusion2)) {
    throw validationFailed([
      { resource: "CheckRun", field: "conclusion", code: "invalid", value: conclusion2 }
    ]);
  }
  if (status === "completed" && conclusion2 === void 0 && run.conclusion === null) {
    throw new ApiError(422, `Invalid request.

"conclusion" wasn't supplied.`);
  }
  if (conclusion2 !== void 0) {
    run.status = "completed";
    run.conclusion = conclusion2;
    run.completedAt = dateField(body, "completed_at") ?? world.now();
  } else if (status !== void 0) {
    run.status = status;
    if (status !== "completed") {
      run.conclusion = null;
      run.completedAt = null;
    }
  }
  if (run.status === "in_progress" && run.startedAt === null) run.startedAt = world.now();
  const output = body.output;
  if (output !== void 0 && output !== null) {
    if (typeof output !== "object")
      throw validationFailed([{ resource: "CheckRun", field: "output", code: "invalid" }]);
    const fields = output;
    const title = optionalString(fields, "title");
    const summary = optionalString(fields, "summary");
    const text = optionalString(fields, "text");
    if (summary === void 0) throw new ApiError(422, `Invalid request.

"summary" wasn't supplied.`);
    for (const [field, value] of [
      ["summary", summary],
      ["text", text]
    ]) {
      if (value !== void 0 && value.length > MAX_OUTPUT) {
        throw new ApiError(
          422,
          `Invalid request.

Only ${MAX_OUTPUT} characters are allowed in output.${field}; ${value.length} were supplied.`
        );
      }
    }
    const annotations = Array.isArray(fields.annotations) ? fields.annotations : [];
    if (annotations.length > 50)
      throw new ApiError(422, "Invalid request.\n\nOnly 50 annotations are allowed per request.");
    run.output = {
      title: title ?? run.output.title,
      summary,
      text: text ?? run.output.text,
      // GitHub appends the annotations of each request to those the run has.
      annotations: [...run.output.annotations, ...annotations.map(annotationOf)]
    };
  }
  if (Array.isArray(body.actions)) run.actions = body.actions;
}
async function refreshSuite(world, repo, suite, actor) {
  const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id);
  const wasCompleted = suite.status === "completed";
  const allDone = runs.length > 0 && runs.every((run) => run.status === "completed");
  suite.status = allDone ? "completed" : runs.some((run) => run.status === "in_progress") ? "in_progress" : "queued";
  suite.conclusion = allDone ? PRECEDENCE.find((c) => runs.some((run) => run.conclusion === c)) ?? "success" : null;
  suite.updatedAt = world.now();
  if (allDone && !wasCompleted) {
    const head = await repo.store.readCommit(suite.headSha);
    if (head)
      announce(world, repo, "check_suite", actor, {
        action: "completed",
        check_suite: checkSuiteShape(world, repo, suite, head)
      });
  }
}
function suiteFor(world, repo, app, headSha) {
  for (const suite2 of repo.checkSuites.values()) {
    if (suite2.app === app && suite2.headSha === headSha) return suite2;
  }
  const branch = repo.refs.list("refs/heads/").find((entry) => entry.sha === headSha);
  const now = world.now();
  const suite = {
    id: world.nextId(),
    headSha,
    headBranch: branch ? branch.ref.slice("refs/heads/".length) : null,
    app,
    createdAt: now,
    updatedAt: now,
    status: "queued",
    conclusion: null,
    rerequestable: true
  };
  repo.checkSuites.set(suite.id, suite);
  return suite;
}
function selectRuns(req, runs) {
  let selected = [...runs].sort((a, b) => b.id - a.id);
  const name = req.query.get("check_name");
  if (name !== null) selected = selected.filter((run) => run.name === name);
  const status = req.query.get("status");
  if (status !== null) selected = selected.filter((run) => run.status === status);
  const appId = req.query.get("app_id");
  if (appId !== null) selected = selected.filter((run) => String(run.app.id) === appId);
  if ((req.query.get("filter") ?? "latest") === "latest") {
    const seen = /* @__PURE__ */ new Set();
    selected = selected.filter((run) => {
      const key = `${run.app.id}:${run.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return selected;
}
async function listRuns(world, repo, req, runs) {
  const selected = selectRuns(req, runs);
  const { page: page2, headers } = paginate(world, req, selected);
  const checkRuns = page2.map((run) => render(world, repo, run));
  return json(200, { total_count: selected.length, check_runs: checkRuns }, headers);
}
function registerCheckRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const { app, user } = installationOf(req);
    const body = bodyOf(req);
    const name = optionalString(body, "name");
    const headSha = optionalString(body, "head_sha");
    if (!name) throw validationFailed([{ resource: "CheckRun", field: "name", code: "missing_field" }]);
    if (!headSha)
      throw validationFailed([{ resource: "CheckRun", field: "head_sha", code: "missing_field" }]);
    if (!isFullSha(headSha) || !await repo.store.readCommit(headSha)) {
      throw validationFailed([
        {
          resource: "CheckRun",
          field: "head_sha",
          code: "invalid",
          message: `No commit found for SHA: ${headSha}`
        }
      ]);
    }
    const suite = suiteFor(world, repo, app, headSha);
    const run = {
      id: world.nextId(),
      suiteId: suite.id,
      name,
      headSha,
      app,
      status: "queued",
      conclusion: null,
      startedAt: world.now(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      actions: []
    };
    applyFields(world, run, body);
    repo.checkRuns.set(run.id, run);
    announce(world, repo, "check_run", user, {
      action: "created",
      check_run: await renderForWebhook(world, repo, run)
    });
    if (run.status === "completed") {
      announce(world, repo, "check_run", user, {
        action: "completed",
        check_run: await renderForWebhook(world, repo, run)
      });
    }
    await refreshSuite(world, repo, suite, user);
    return json(201, render(world, repo, run));
  });
  table.add("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    return json(200, render(world, repo, run));
  });
  table.add("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    return paginated(
      world,
      req,
      run.output.annotations,
      (annotation) => checkAnnotationShape(world, repo, run, annotation)
    );
  });
  table.add("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const { app, user } = installationOf(req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    if (run.app !== app)
      throw new ApiError(
        403,
        `Invalid app_id \`${app.id}\` - check run can only be modified by the GitHub App that created it.`
      );
    const body = bodyOf(req);
    applyFields(world, run, body);
    const touchedCompletion = body.conclusion !== void 0 || body.status === "completed";
    if (run.status === "completed" && touchedCompletion) {
      announce(world, repo, "check_run", user, {
        action: "completed",
        check_run: await renderForWebhook(world, repo, run)
      });
    }
    const suite = repo.checkSuites.get(run.suiteId);
    if (suite) await refreshSuite(world, repo, suite, user);
    return json(200, render(world, repo, run));
  });
  table.add("POST", "/repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    const actor = req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    if (!actor) throw new ApiError(401, "Requires authentication");
    announce(world, repo, "check_run", actor, {
      action: "rerequested",
      check_run: await renderForWebhook(world, repo, run)
    });
    return json(201, {});
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    return listRuns(
      world,
      repo,
      req,
      [...repo.checkRuns.values()].filter((run) => run.headSha === sha)
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const suiteId = numberParam(req, "check_suite_id");
    if (!repo.checkSuites.has(suiteId)) throw notFound();
    return listRuns(
      world,
      repo,
      req,
      [...repo.checkRuns.values()].filter((run) => run.suiteId === suiteId)
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/check-suites", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    const head = await repo.store.readCommit(sha);
    let suites = [...repo.checkSuites.values()].filter((suite) => suite.headSha === sha);
    const appId = req.query.get("app_id");
    if (appId !== null) suites = suites.filter((suite) => String(suite.app.id) === appId);
    const { page: page2, headers } = paginate(world, req, suites);
    return json(
      200,
      {
        total_count: suites.length,
        check_suites: head ? page2.map((suite) => checkSuiteShape(world, repo, suite, head)) : []
      },
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/check-suites/{check_suite_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const suite = repo.checkSuites.get(numberParam(req, "check_suite_id"));
    if (!suite) throw notFound();
    const head = await repo.store.readCommit(suite.headSha);
    if (!head) throw notFound();
    return json(200, checkSuiteShape(world, repo, suite, head));
  });
  table.add("POST", "/repos/{owner}/{repo}/check-suites", async (req, world) => {
    const repo = repoOf(world, req);
    const { app } = installationOf(req);
    const headSha = optionalString(bodyOf(req), "head_sha");
    if (!headSha || !isFullSha(headSha))
      throw validationFailed([{ resource: "CheckSuite", field: "head_sha", code: "invalid" }]);
    const head = await repo.store.readCommit(headSha);
    if (!head) throw validationFailed([{ resource: "CheckSuite", field: "head_sha", code: "invalid" }]);
    const existed = [...repo.checkSuites.values()].some(
      (suite2) => suite2.app === app && suite2.headSha === headSha
    );
    const suite = suiteFor(world, repo, app, headSha);
    return json(existed ? 200 : 201, checkSuiteShape(world, repo, suite, head));
  });
  table.add("POST", "/repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest", async (req, world) => {
    const repo = repoOf(world, req);
    const suite = repo.checkSuites.get(numberParam(req, "check_suite_id"));
    if (!suite) throw notFound();
    const actor = req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    if (!actor) throw new ApiError(401, "Requires authentication");
    const head = await repo.store.readCommit(suite.headSha);
    if (head)
      announce(world, repo, "check_suite", actor, {
        action: "rerequested",
        check_suite: checkSuiteShape(world, repo, suite, head)
      });
    return json(201, {});
  });
}

// packages/sandbox/services/web-flow.ts
var WEB_FLOW = { name: "GitHub", email: "noreply@github.com" };
function githubSignsRequest(req, body) {
  const custom = (field) => body[field] !== void 0 && body[field] !== null;
  return req.identity.kind === "installation" && !custom("author") && !custom("committer") && !custom("signature");
}
function webFlowSigner(world) {
  return (payload) => world.webFlow.sign(payload);
}
function verificationOf(world, commit) {
  if (!commit.signed) {
    return { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };
  }
  const { signature, payload } = commit.signed;
  if (!world.webFlow.verifies(payload, signature)) {
    return { verified: false, reason: "unknown_key", signature, payload, verified_at: null };
  }
  return { verified: true, reason: "valid", signature, payload, verified_at: commit.committer.date };
}

// packages/sandbox/shapes/git-shapes.ts
var UNSIGNED = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };
function repoUrl(world, repo, path) {
  return world.apiUrl(`/repos/${fullName(repo)}${path}`);
}
function shaNode(kind, sha) {
  return Buffer.from(`0:${kind}${sha}`).toString("base64").replace(/=+$/, "");
}
function blobShape(world, repo, sha, content) {
  const encoded = content.toString("base64").replace(/(.{60})/g, "$1\n");
  return {
    sha,
    node_id: shaNode("Blob", sha),
    size: content.length,
    url: repoUrl(world, repo, `/git/blobs/${sha}`),
    content: encoded.endsWith("\n") || encoded === "" ? encoded : `${encoded}
`,
    encoding: "base64"
  };
}
function treeEntryShape(world, repo, entry, size) {
  const shape = {
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha
  };
  if (entry.type === "blob") {
    shape.size = size ?? 0;
    shape.url = repoUrl(world, repo, `/git/blobs/${entry.sha}`);
  } else if (entry.type === "tree") {
    shape.url = repoUrl(world, repo, `/git/trees/${entry.sha}`);
  }
  return shape;
}
function gitCommitShape(world, repo, commit) {
  return {
    sha: commit.sha,
    node_id: shaNode("Commit", commit.sha),
    url: repoUrl(world, repo, `/git/commits/${commit.sha}`),
    html_url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: repoUrl(world, repo, `/git/trees/${commit.tree}`) },
    parents: commit.parents.map((sha) => ({
      sha,
      url: repoUrl(world, repo, `/git/commits/${sha}`),
      html_url: world.htmlUrl(`/${fullName(repo)}/commit/${sha}`)
    })),
    verification: verificationOf(world, commit)
  };
}
function refShape(world, repo, ref, sha, type) {
  return {
    ref,
    node_id: Buffer.from(`0:Ref${repo.id}:${ref}`).toString("base64").replace(/=+$/, ""),
    url: repoUrl(world, repo, `/git/${ref}`),
    object: { sha, type, url: repoUrl(world, repo, `/git/${type === "tag" ? "tags" : "commits"}/${sha}`) }
  };
}
function tagShape(world, repo, tag) {
  return {
    node_id: shaNode("Tag", tag.sha),
    sha: tag.sha,
    url: repoUrl(world, repo, `/git/tags/${tag.sha}`),
    tag: tag.tag,
    message: tag.message,
    tagger: tag.tagger ?? { name: "", email: "", date: (/* @__PURE__ */ new Date(0)).toISOString() },
    object: {
      sha: tag.object,
      type: tag.type,
      url: repoUrl(world, repo, `/git/${tag.type === "tag" ? "tags" : `${tag.type}s`}/${tag.object}`)
    },
    verification: UNSIGNED
  };
}
function accountOf(world, identity) {
  for (const user of world.users.values()) {
    if (user.email.toLowerCase() === identity.email.toLowerCase()) return userShape(world, user);
  }
  return null;
}
function diffEntryShape(world, repo, file, ref) {
  const encodedPath = file.filename.split("/").map(encodeURIComponent).join("/");
  const shape = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: world.htmlUrl(`/${fullName(repo)}/blob/${ref}/${encodedPath}`),
    raw_url: world.htmlUrl(`/${fullName(repo)}/raw/${ref}/${encodedPath}`),
    contents_url: repoUrl(world, repo, `/contents/${encodedPath}?ref=${ref}`)
  };
  if (file.patch !== void 0) shape.patch = file.patch;
  if (file.previous_filename !== void 0) shape.previous_filename = file.previous_filename;
  return shape;
}
function commitShape(world, repo, commit, files) {
  const shape = {
    url: repoUrl(world, repo, `/commits/${commit.sha}`),
    sha: commit.sha,
    node_id: shaNode("Commit", commit.sha),
    html_url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    comments_url: repoUrl(world, repo, `/commits/${commit.sha}/comments`),
    commit: {
      url: repoUrl(world, repo, `/git/commits/${commit.sha}`),
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: repoUrl(world, repo, `/git/trees/${commit.tree}`) },
      verification: verificationOf(world, commit)
    },
    author: accountOf(world, commit.author),
    committer: accountOf(world, commit.committer),
    parents: commit.parents.map((sha) => ({
      sha,
      url: repoUrl(world, repo, `/commits/${sha}`),
      html_url: world.htmlUrl(`/${fullName(repo)}/commit/${sha}`)
    }))
  };
  if (files) {
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    shape.stats = { total: additions + deletions, additions, deletions };
    shape.files = files.map((file) => diffEntryShape(world, repo, file, commit.sha));
  }
  return shape;
}

// packages/sandbox/routes/commit-routes.ts
function registerCommitRoutes(table) {
  table.add("GET", "/repos/{owner}/{repo}/commits", async (req, world) => {
    const repo = repoOf(world, req);
    const start = req.query.get("sha") ?? repo.defaultBranch;
    const sha = await resolveCommit(repo, start);
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${start}`);
    const path = req.query.get("path") ?? void 0;
    const shas = await repo.store.revList([sha], [], path ? { path } : {});
    const since = req.query.get("since");
    const until = req.query.get("until");
    const commits = await Promise.all(shas.map((one) => repo.store.readCommit(one)));
    let list = commits.flatMap((commit) => commit ? [commit] : []);
    if (since) list = list.filter((commit) => commit.committer.date >= since);
    if (until) list = list.filter((commit) => commit.committer.date <= until);
    const author = req.query.get("author");
    if (author) {
      const user = world.user(author);
      list = list.filter((commit) => commit.author.email === (user?.email ?? author));
    }
    const { page: page2, headers } = paginate(world, req, list);
    return json(
      200,
      page2.map((commit) => commitShape(world, repo, commit)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = req.params.ref ?? "";
    const sha = await resolveCommit(repo, ref);
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw notFound();
    if (req.headers.accept?.includes("application/vnd.github.sha")) {
      return { status: 200, raw: { data: sha, contentType: "text/plain; charset=utf-8" } };
    }
    const files = await diffFiles(repo.store, commit.parents[0] ?? null, sha);
    const perPage = Math.min(300, Math.max(1, Number(req.query.get("per_page") ?? 300) || 300));
    const pageNumber = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
    const pageFiles = files.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const shape = commitShape(world, repo, commit, pageFiles);
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    shape.stats = { total: additions + deletions, additions, deletions };
    const headers = {};
    if (pageNumber * perPage < files.length) {
      const query = new URLSearchParams(req.query);
      query.set("page", String(pageNumber + 1));
      const last = new URLSearchParams(req.query);
      last.set("page", String(Math.ceil(files.length / perPage)));
      headers.link = `<${world.apiUrl(req.path)}?${query}>; rel="next", <${world.apiUrl(req.path)}?${last}>; rel="last"`;
    }
    return json(200, shape, headers);
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    const found = [];
    for (const pull of repo.pulls.values()) {
      if (pull.headSha === sha || pull.mergeCommitSha === sha) {
        found.push(pull);
        continue;
      }
      const commits = await repo.store.revList([pull.headSha], [pull.baseSha]);
      if (commits.includes(sha)) found.push(pull);
    }
    const rendered = await Promise.all(found.map((pull) => renderPull(world, repo, pull)));
    const { page: page2, headers } = paginate(world, req, rendered);
    return json(200, page2, headers);
  });
  table.add("GET", "/repos/{owner}/{repo}/compare/{basehead+}", async (req, world) => {
    const repo = repoOf(world, req);
    const basehead = req.params.basehead ?? "";
    const separator = basehead.includes("...") ? "..." : "..";
    const at = basehead.indexOf(separator);
    if (at === -1) throw notFound();
    const baseName = basehead.slice(0, at);
    const headName = basehead.slice(at + separator.length);
    const [base, head] = await Promise.all([resolveCommit(repo, baseName), resolveCommit(repo, headName)]);
    if (!base || !head) throw notFound();
    const mergeBase = await repo.store.mergeBase(base, head);
    if (!mergeBase) throw new ApiError(404, `No common ancestor between ${baseName} and ${headName}.`);
    const [ahead, behind, baseCommit, mergeBaseCommit] = await Promise.all([
      repo.store.revList([head], [base], { reverse: true }),
      repo.store.revList([base], [head]),
      repo.store.readCommit(base),
      repo.store.readCommit(mergeBase)
    ]);
    if (!baseCommit || !mergeBaseCommit) throw notFound();
    const status = ahead.length === 0 && behind.length === 0 ? "identical" : behind.length === 0 ? "ahead" : ahead.length === 0 ? "behind" : "diverged";
    const commits = await Promise.all(ahead.slice(0, 250).map((sha) => repo.store.readCommit(sha)));
    const files = await diffFiles(repo.store, mergeBase, head);
    const name = fullName(repo);
    return json(200, {
      url: world.apiUrl(`/repos/${name}/compare/${basehead}`),
      html_url: world.htmlUrl(`/${name}/compare/${basehead}`),
      permalink_url: world.htmlUrl(`/${name}/compare/${base}...${head}`),
      diff_url: world.htmlUrl(`/${name}/compare/${basehead}.diff`),
      patch_url: world.htmlUrl(`/${name}/compare/${basehead}.patch`),
      base_commit: commitShape(world, repo, baseCommit),
      merge_base_commit: commitShape(world, repo, mergeBaseCommit),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: commits.flatMap((commit) => commit ? [commitShape(world, repo, commit)] : []),
      files: files.slice(0, 300).map((file) => diffEntryShape(world, repo, file, head))
    });
  });
  table.add("POST", "/repos/{owner}/{repo}/merges", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const baseName = requiredString(body, "base", "Merge");
    const headName = requiredString(body, "head", "Merge");
    const ref = `refs/heads/${baseName}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const baseSha = repo.refs.get(ref);
      if (!baseSha) throw new ApiError(404, "Base does not exist");
      const head = await resolveCommit(repo, headName);
      if (!head) throw new ApiError(404, "Head does not exist");
      if (await repo.store.isAncestor(head, baseSha)) return { status: 204 };
      const merge = await repo.store.mergeTree(baseSha, head);
      if (!merge.clean) throw new ApiError(409, "Merge conflict");
      const identity = gitIdentityOf(actor, world.now());
      const message = typeof body.commit_message === "string" ? body.commit_message : `Merge ${headName} into ${baseName}`;
      const sha = await repo.store.writeCommit({
        tree: merge.tree,
        parents: [baseSha, head],
        message,
        author: identity,
        committer: identity
      });
      try {
        await moveRef(world, repo, ref, sha, actor, { expected: baseSha, force: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) continue;
        throw error;
      }
      const commit = await repo.store.readCommit(sha);
      if (!commit) throw new Error(`merge commit ${sha} vanished`);
      return json(201, commitShape(world, repo, commit, await diffFiles(repo.store, baseSha, sha)));
    }
    throw new ApiError(409, "Merge conflict: the base branch kept moving");
  });
}

// packages/sandbox/routes/contents-routes.ts
function contentType(entry) {
  if (entry.type === "tree") return "dir";
  if (entry.type === "commit") return "submodule";
  return entry.mode === "120000" ? "symlink" : "file";
}
function entryShape(world, repo, path, entry, size, ref) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const url = world.apiUrl(`/repos/${fullName(repo)}/contents/${encoded}?ref=${encodeURIComponent(ref)}`);
  const gitUrl = world.apiUrl(
    `/repos/${fullName(repo)}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`
  );
  const html = world.htmlUrl(
    `/${fullName(repo)}/${entry.type === "tree" ? "tree" : "blob"}/${ref}/${encoded}`
  );
  return {
    type: contentType(entry),
    size,
    name: path.split("/").pop() ?? path,
    path,
    sha: entry.sha,
    url,
    git_url: gitUrl,
    html_url: html,
    download_url: entry.type === "blob" ? world.htmlUrl(`/${fullName(repo)}/raw/${ref}/${encoded}`) : null,
    _links: { self: url, git: gitUrl, html }
  };
}
function isRawRequest(req) {
  return /application\/vnd\.github(\.v3)?\.raw/.test(req.headers.accept ?? "");
}
async function readContents(req, world) {
  const repo = repoOf(world, req);
  const ref = req.query.get("ref") ?? repo.defaultBranch;
  const commit = await resolveCommit(repo, ref);
  if (!commit) throw new ApiError(404, `No commit found for the ref ${ref}`);
  const tree = await repo.store.treeOf(commit);
  const path = (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const entry = tree ? await repo.store.entryAt(tree, path) : null;
  if (!entry) throw notFound();
  if (entry.type === "tree") {
    const entries = await repo.store.readTree(entry.sha) ?? [];
    const listing = await Promise.all(
      entries.map(async (child) => {
        const childPath = path === "" ? child.name : `${path}/${child.name}`;
        const size = child.type === "blob" ? (await repo.store.readBlob(child.sha))?.length ?? 0 : 0;
        return entryShape(world, repo, childPath, child, size, ref);
      })
    );
    return json(200, listing);
  }
  if (entry.type === "commit")
    return json(200, { ...entryShape(world, repo, path, entry, 0, ref), submodule_git_url: "" });
  const content = await repo.store.readBlob(entry.sha) ?? Buffer.alloc(0);
  if (isRawRequest(req)) {
    const text = content.toString("utf8");
    const utf8 = Buffer.from(text, "utf8").equals(content);
    return {
      status: 200,
      raw: {
        data: content,
        contentType: utf8 ? "application/vnd.github.raw; charset=utf-8" : "application/octet-stream"
      }
    };
  }
  const shape = {
    ...entryShape(world, repo, path, entry, content.length, ref),
    content: content.toString("base64").replace(/(.{60})/g, "$1\n"),
    encoding: "base64"
  };
  if (entry.mode === "120000") shape.target = content.toString("utf8");
  return json(200, shape);
}
async function commitFileChange(req, world, change) {
  const repo = repoOf(world, req);
  const actor = requireWrite(req, repo);
  const body = bodyOf(req);
  const path = (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const message = requiredString(body, "message", "Commit");
  const branch = optionalString(body, "branch") ?? repo.defaultBranch;
  const ref = `refs/heads/${branch}`;
  const tip = repo.refs.get(ref);
  if (!tip) throw new ApiError(404, `Branch ${branch} not found`);
  const tipCommit = await repo.store.readCommit(tip);
  if (!tipCommit) throw notFound();
  const existing = await repo.store.entryAt(tipCommit.tree, path);
  const sha = optionalString(body, "sha");
  if (existing?.type === "tree") throw new ApiError(422, `${path} is a directory`);
  if (existing && sha === void 0) throw new ApiError(422, `Invalid request.

"sha" wasn't supplied.`);
  if (existing && sha !== existing.sha) throw new ApiError(409, `${path} does not match ${sha}`);
  if (!existing && change === "delete") throw notFound();
  let blob = null;
  if (change === "put") {
    const content2 = body.content;
    if (typeof content2 !== "string") throw invalidField("Content", "content");
    blob = await repo.store.writeBlob(Buffer.from(content2, "base64"));
  }
  const tree = await repo.store.editTree(tipCommit.tree, [
    { path, entry: blob ? { mode: existing?.mode ?? "100644", type: "blob", sha: blob } : null }
  ]);
  const fallback = gitIdentityOf(actor, world.now());
  const person = (value) => {
    if (typeof value !== "object" || value === null) return fallback;
    const { name, email } = value;
    return typeof name === "string" && typeof email === "string" ? { name, email, date: fallback.date } : fallback;
  };
  const author = person(body.author);
  const signs = githubSignsRequest(req, body);
  const committer = signs ? { ...WEB_FLOW, date: fallback.date } : body.committer ? person(body.committer) : author;
  const commitSha = await repo.store.writeCommit(
    { tree, parents: [tip], message, author, committer },
    signs ? webFlowSigner(world) : void 0
  );
  try {
    await moveRef(world, repo, ref, commitSha, actor, { expected: tip, force: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      throw new ApiError(409, `${path} does not match ${sha ?? "the branch tip"}`);
    throw error;
  }
  const commit = await repo.store.readCommit(commitSha);
  if (!commit) throw new Error(`commit ${commitSha} vanished`);
  const content = blob ? entryShape(
    world,
    repo,
    path,
    { mode: "100644", type: "blob", sha: blob, name: "" },
    Buffer.from(String(body.content), "base64").length,
    branch
  ) : null;
  return {
    status: change === "put" && !existing ? 201 : 200,
    body: { content, commit: gitCommitShape(world, repo, commit) }
  };
}
function registerContentsRoutes(table) {
  table.add("GET", "/repos/{owner}/{repo}/contents/{path*}", (req, world) => readContents(req, world));
  table.add("PUT", "/repos/{owner}/{repo}/contents/{path+}", async (req, world) => {
    const result = await commitFileChange(req, world, "put");
    return json(result.status, result.body);
  });
  table.add("DELETE", "/repos/{owner}/{repo}/contents/{path+}", async (req, world) => {
    const result = await commitFileChange(req, world, "delete");
    return json(result.status, result.body);
  });
}

// packages/sandbox/shapes/release-shapes.ts
function releaseShape(world, repo, release2) {
  const url = world.apiUrl(`/repos/${fullName(repo)}/releases/${release2.id}`);
  const tag = encodeURIComponent(release2.tagName);
  return {
    url,
    assets_url: `${url}/assets`,
    upload_url: `${world.baseUrl}/uploads/repos/${fullName(repo)}/releases/${release2.id}/assets{?name,label}`,
    html_url: world.htmlUrl(`/${fullName(repo)}/releases/tag/${tag}`),
    id: release2.id,
    author: userShape(world, release2.author),
    node_id: nodeId("Release", release2.id),
    tag_name: release2.tagName,
    target_commitish: release2.targetCommitish,
    name: release2.name,
    draft: release2.draft,
    immutable: false,
    prerelease: release2.prerelease,
    created_at: release2.createdAt,
    updated_at: release2.createdAt,
    published_at: release2.publishedAt,
    assets: [],
    tarball_url: release2.draft ? null : world.apiUrl(`/repos/${fullName(repo)}/tarball/${tag}`),
    zipball_url: release2.draft ? null : world.apiUrl(`/repos/${fullName(repo)}/zipball/${tag}`),
    body: release2.body
  };
}
function statusShape(world, repo, status) {
  return {
    url: world.apiUrl(`/repos/${fullName(repo)}/statuses/${status.sha}`),
    avatar_url: null,
    id: status.id,
    node_id: nodeId("StatusContext", status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    creator: userShape(world, status.creator)
  };
}
function deploymentShape(world, repo, deployment) {
  const url = world.apiUrl(`/repos/${fullName(repo)}/deployments/${deployment.id}`);
  return {
    url,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userShape(world, deployment.creator),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: world.apiUrl(`/repos/${fullName(repo)}`),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: deployment.app ? appShape(world, deployment.app) : null
  };
}
function deploymentStatusShape(world, repo, status) {
  const deploymentUrl = world.apiUrl(`/repos/${fullName(repo)}/deployments/${status.deploymentId}`);
  const shape = {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    creator: userShape(world, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: world.apiUrl(`/repos/${fullName(repo)}`),
    performed_via_github_app: status.app ? appShape(world, status.app) : null
  };
  if (status.logUrl) shape.log_url = status.logUrl;
  if (status.environmentUrl) shape.environment_url = status.environmentUrl;
  return shape;
}

// packages/sandbox/routes/deployment-routes.ts
var STATES = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];
function deploymentOf(repo, req) {
  const deployment = repo.deployments.get(numberParam(req, "deployment_id"));
  if (!deployment) throw notFound();
  return deployment;
}
function registerDeploymentRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/deployments", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const ref = optionalString(body, "ref");
    if (!ref) throw validationFailed([{ resource: "Deployment", field: "ref", code: "missing_field" }]);
    const sha = await resolveCommit(repo, ref);
    if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);
    const environment = optionalString(body, "environment") ?? "production";
    let payload = body.payload ?? {};
    if (typeof payload === "string") {
      try {
        payload = JSON.parse(payload);
      } catch {
        throw validationFailed([{ resource: "Deployment", field: "payload", code: "invalid" }]);
      }
    }
    const now = world.now();
    const deployment = {
      id: world.nextId(),
      sha,
      ref,
      task: optionalString(body, "task") ?? "deploy",
      payload,
      environment,
      originalEnvironment: environment,
      description: optionalString(body, "description") ?? "",
      creator: actor,
      createdAt: now,
      updatedAt: now,
      transientEnvironment: optionalBoolean(body, "transient_environment") ?? false,
      productionEnvironment: optionalBoolean(body, "production_environment") ?? environment === "production",
      app: req.identity.kind === "installation" ? req.identity.app : null
    };
    repo.deployments.set(deployment.id, deployment);
    announce(world, repo, "deployment", actor, {
      action: "created",
      deployment: deploymentShape(world, repo, deployment),
      workflow: null,
      workflow_run: null
    });
    return json(201, deploymentShape(world, repo, deployment));
  });
  table.add("GET", "/repos/{owner}/{repo}/deployments", async (req, world) => {
    const repo = repoOf(world, req);
    let deployments = [...repo.deployments.values()].sort((a, b) => b.id - a.id);
    for (const field of ["sha", "ref", "task", "environment"]) {
      const value = req.query.get(field);
      if (value !== null) deployments = deployments.filter((deployment) => deployment[field] === value);
    }
    const { page: page2, headers } = paginate(world, req, deployments);
    return json(
      200,
      page2.map((deployment) => deploymentShape(world, repo, deployment)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, deploymentShape(world, repo, deploymentOf(repo, req)));
  });
  table.add("POST", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const deployment = deploymentOf(repo, req);
    const body = bodyOf(req);
    const state = optionalString(body, "state");
    if (!state || !STATES.includes(state)) {
      throw validationFailed([
        { resource: "DeploymentStatus", field: "state", code: "invalid", value: state }
      ]);
    }
    const now = world.now();
    const targetUrl = optionalString(body, "target_url") ?? world.htmlUrl(`/${repo.owner.login}/${repo.name}/deployments/${deployment.id}`);
    const status = {
      id: world.nextId(),
      deploymentId: deployment.id,
      state,
      description: optionalString(body, "description") ?? "",
      environment: optionalString(body, "environment") ?? deployment.environment,
      targetUrl,
      logUrl: optionalString(body, "log_url") ?? "",
      environmentUrl: optionalString(body, "environment_url") ?? "",
      creator: actor,
      createdAt: now,
      updatedAt: now,
      app: req.identity.kind === "installation" ? req.identity.app : null
    };
    repo.deploymentStatuses.push(status);
    deployment.updatedAt = now;
    announce(world, repo, "deployment_status", actor, {
      action: "created",
      deployment_status: deploymentStatusShape(world, repo, status),
      deployment: deploymentShape(world, repo, deployment),
      check_run: null,
      workflow: null,
      workflow_run: null
    });
    return json(201, deploymentStatusShape(world, repo, status));
  });
  table.add("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const deployment = deploymentOf(repo, req);
    const statuses = repo.deploymentStatuses.filter((status) => status.deploymentId === deployment.id).sort((a, b) => b.id - a.id);
    const { page: page2, headers } = paginate(world, req, statuses);
    return json(
      200,
      page2.map((status) => deploymentStatusShape(world, repo, status)),
      headers
    );
  });
}

// packages/sandbox/routes/git-data-routes.ts
var BAD_OBJECT = "GitRPC::BadObjectState";
async function renderTree(world, repo, treeSha, recursive) {
  const args = ["ls-tree", "-l", "-z", ...recursive ? ["-r", "-t"] : [], treeSha];
  const { stdout } = await repo.store.git(args);
  const tree = stdout.toString("utf8").split("\0").filter((line) => line !== "").map((line) => {
    const tab = line.indexOf("	");
    const [mode = "", type = "", sha = "", size = ""] = line.slice(0, tab).split(/ +/);
    const entry = { mode, type, sha, name: "", path: line.slice(tab + 1) };
    return treeEntryShape(world, repo, entry, size === "-" ? void 0 : Number(size));
  });
  return {
    sha: treeSha,
    url: world.apiUrl(`/repos/${repo.owner.login}/${repo.name}/git/trees/${treeSha}`),
    tree,
    truncated: false
  };
}
function validPath(path) {
  return path !== "" && path.split("/").every((part) => part !== "" && part !== "." && part !== ".." && part !== ".git");
}
async function parseTreeEdits(repo, items) {
  if (!Array.isArray(items)) throw new ApiError(422, `Invalid request.

"tree" wasn't supplied.`);
  const edits = [];
  for (const item of items) {
    if (typeof item !== "object" || item === null) throw new ApiError(422, "Invalid tree info");
    const { path, mode, type, sha, content } = item;
    if (typeof path !== "string" || !validPath(path))
      throw new ApiError(422, `Invalid tree info: path ${JSON.stringify(path)}`);
    if (typeof mode !== "string" || !TREE_MODES.includes(mode)) {
      throw new ApiError(422, `Invalid tree info: mode ${JSON.stringify(mode)} for ${path}`);
    }
    const expectedType = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    if (type !== void 0 && type !== expectedType)
      throw new ApiError(422, `Invalid tree info: type ${String(type)} for mode ${mode}`);
    const hasSha = "sha" in item;
    const hasContent = content !== void 0;
    if (hasSha === hasContent) {
      throw new ApiError(
        422,
        "Must supply either tree.sha or tree.content. Request will be rejected if both are present."
      );
    }
    if (hasContent) {
      if (typeof content !== "string" || expectedType !== "blob")
        throw new ApiError(422, `Invalid tree info: content for ${path}`);
      const blob = await repo.store.writeBlob(Buffer.from(content, "utf8"));
      edits.push({ path, entry: { mode, type: "blob", sha: blob } });
      continue;
    }
    if (sha === null) {
      edits.push({ path, entry: null });
      continue;
    }
    if (!isFullSha(sha)) throw new ApiError(422, BAD_OBJECT);
    if (expectedType !== "commit" && await repo.store.objectType(sha) !== expectedType)
      throw new ApiError(422, BAD_OBJECT);
    edits.push({ path, entry: { mode, type: expectedType, sha } });
  }
  return edits;
}
function identityField(value, field, fallback) {
  if (value === void 0 || value === null) return fallback;
  if (typeof value !== "object")
    throw new ApiError(422, `Invalid request.

For '${field}', ${JSON.stringify(value)} is not an object.`);
  const { name, email, date } = value;
  if (typeof name !== "string" || typeof email !== "string") {
    throw new ApiError(422, `Invalid request.

"name" and "email" are required in '${field}'.`);
  }
  if (date !== void 0 && (typeof date !== "string" || Number.isNaN(Date.parse(date)))) {
    throw new ApiError(422, `Invalid request.

'${field}.date' is not a valid date.`);
  }
  return {
    name,
    email,
    date: typeof date === "string" ? new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z") : fallback.date
  };
}
function fullRef(req) {
  const ref = req.params.ref ?? "";
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}
async function renderRef(world, repo, ref, sha) {
  const type = await repo.store.objectType(sha) ?? "commit";
  return refShape(world, repo, ref, sha, type);
}
function registerGitDataRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/git/blobs", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const content = body.content;
    if (typeof content !== "string")
      throw new ApiError(422, `Invalid request.

"content" wasn't supplied.`);
    const encoding = body.encoding ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") {
      throw new ApiError(422, `encoding must be one of utf-8 or base64, got ${String(encoding)}`);
    }
    const sha = await repo.store.writeBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
    return json(201, { sha, url: world.apiUrl(`/repos/${repo.owner.login}/${repo.name}/git/blobs/${sha}`) });
  });
  table.add("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.file_sha ?? "";
    const content = isFullSha(sha) ? await repo.store.readBlob(sha) : null;
    if (!content) throw notFound();
    if (req.headers.accept?.includes("raw"))
      return { status: 200, raw: { data: content, contentType: "application/octet-stream" } };
    return json(200, blobShape(world, repo, sha, content));
  });
  table.add("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha+}", async (req, world) => {
    const repo = repoOf(world, req);
    const name = req.params.tree_sha ?? "";
    let tree = null;
    if (isFullSha(name)) tree = await repo.store.treeOf(name);
    else {
      const commit = await resolveCommit(repo, name);
      tree = commit ? await repo.store.treeOf(commit) : null;
    }
    if (!tree) throw notFound();
    const recursive = req.query.has("recursive") && !["0", "false", ""].includes(req.query.get("recursive") ?? "");
    return json(200, await renderTree(world, repo, tree, recursive));
  });
  table.add("POST", "/repos/{owner}/{repo}/git/trees", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    let baseTree = null;
    if (body.base_tree !== void 0 && body.base_tree !== null) {
      if (!isFullSha(body.base_tree)) throw new ApiError(422, "Invalid tree info: base_tree");
      baseTree = await repo.store.treeOf(body.base_tree);
      if (!baseTree) throw new ApiError(422, `Invalid tree info: base_tree ${body.base_tree} is not a tree`);
    }
    const edits = await parseTreeEdits(repo, body.tree);
    let sha;
    try {
      sha = await repo.store.editTree(baseTree, edits);
    } catch (error) {
      if (error instanceof TreeEditError) throw new ApiError(422, BAD_OBJECT);
      throw error;
    }
    return json(201, await renderTree(world, repo, sha, false));
  });
  table.add("POST", "/repos/{owner}/{repo}/git/commits", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const message = body.message;
    if (typeof message !== "string")
      throw new ApiError(422, `Invalid request.

"message" wasn't supplied.`);
    const tree = requiredString(body, "tree", "Commit");
    if (!isFullSha(tree) || await repo.store.objectType(tree) !== "tree")
      throw new ApiError(422, "Tree SHA does not exist");
    const parents = body.parents ?? [];
    if (!Array.isArray(parents)) throw new ApiError(422, "Invalid request.\n\nFor 'parents', not an array.");
    for (const parent of parents) {
      if (!isFullSha(parent) || await repo.store.objectType(parent) !== "commit") {
        throw new ApiError(422, "Parent SHA does not exist or is not a commit object");
      }
    }
    const fallback = gitIdentityOf(actorOf(req), world.now());
    const author = identityField(body.author, "author", fallback);
    const signs = githubSignsRequest(req, body);
    const committer = signs ? { ...WEB_FLOW, date: fallback.date } : identityField(body.committer, "committer", body.author ? author : fallback);
    const sha = await repo.store.writeCommit(
      { tree, parents, message, author, committer },
      signs ? webFlowSigner(world) : void 0
    );
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw new Error(`commit ${sha} vanished after writing`);
    return json(201, gitCommitShape(world, repo, commit));
  });
  table.add("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.commit_sha ?? "";
    const commit = isFullSha(sha) ? await repo.store.readCommit(sha) : null;
    if (!commit) throw notFound();
    return json(200, gitCommitShape(world, repo, commit));
  });
  table.add("GET", "/repos/{owner}/{repo}/git/ref/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = fullRef(req);
    const sha = repo.refs.get(ref);
    if (!sha) throw notFound();
    return json(200, await renderRef(world, repo, ref, sha));
  });
  table.add("GET", "/repos/{owner}/{repo}/git/matching-refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const matches = repo.refs.list(fullRef(req));
    return json(200, await Promise.all(matches.map(({ ref, sha }) => renderRef(world, repo, ref, sha))));
  });
  table.add("POST", "/repos/{owner}/{repo}/git/refs", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const ref = requiredString(body, "ref", "Reference");
    const sha = requiredString(body, "sha", "Reference");
    if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
      throw new ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!isFullSha(sha) || !await repo.store.objectType(sha))
      throw new ApiError(422, "Object does not exist");
    await createRef(world, repo, ref, sha, actor);
    return json(201, await renderRef(world, repo, ref, sha));
  });
  table.add("PATCH", "/repos/{owner}/{repo}/git/refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const sha = requiredString(body, "sha", "Reference");
    const force = optionalBoolean(body, "force") ?? false;
    const ref = fullRef(req);
    if (!isFullSha(sha) || !await repo.store.objectType(sha))
      throw new ApiError(422, "Object does not exist");
    await moveRef(world, repo, ref, sha, actor, { force });
    return json(200, await renderRef(world, repo, ref, sha));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/git/refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    await deleteRef(world, repo, fullRef(req), actor);
    return { status: 204 };
  });
  table.add("POST", "/repos/{owner}/{repo}/git/tags", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const tag = requiredString(body, "tag", "Tag");
    const message = typeof body.message === "string" ? body.message : "";
    const object = requiredString(body, "object", "Tag");
    const type = requiredString(body, "type", "Tag");
    if (!["commit", "tree", "blob"].includes(type)) throw new ApiError(422, `Invalid type ${type}`);
    if (!isFullSha(object) || await repo.store.objectType(object) !== type)
      throw new ApiError(422, "Object does not exist");
    const tagger = identityField(body.tagger, "tagger", gitIdentityOf(actor, world.now()));
    const sha = await repo.store.writeTag({ object, type, tag, message, tagger });
    const written = await repo.store.readTag(sha);
    if (!written) throw new Error(`tag ${sha} vanished after writing`);
    return json(201, tagShape(world, repo, written));
  });
  table.add("GET", "/repos/{owner}/{repo}/git/tags/{tag_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.tag_sha ?? "";
    const tag = isFullSha(sha) ? await repo.store.readTag(sha) : null;
    if (!tag) throw notFound();
    return json(200, tagShape(world, repo, tag));
  });
}

// packages/sandbox/routes/graphql-routes.ts
var METHODS = { MERGE: "merge", SQUASH: "squash", REBASE: "rebase" };
function inputValue(query, field, variables) {
  const match = new RegExp(`(?<![$\\w])${field}\\s*:\\s*(?:\\$(\\w+)|"([^"]*)"|(\\w+))`).exec(query);
  if (!match) return void 0;
  if (match[1] !== void 0) return variables[match[1]];
  return match[2] ?? match[3];
}
function graphqlError(type, message) {
  return {
    data: { enablePullRequestAutoMerge: null },
    errors: [{ type, path: ["enablePullRequestAutoMerge"], locations: [{ line: 1, column: 1 }], message }]
  };
}
function findPull(world, id) {
  for (const repo of world.repos.values()) {
    for (const pull of repo.pulls.values()) {
      if (nodeId("PullRequest", pull.id) === id) return { repo, pull };
    }
  }
  return null;
}
async function enableAutoMerge(req, world, query, variables) {
  const id = inputValue(query, "pullRequestId", variables);
  const method = inputValue(query, "mergeMethod", variables) ?? "MERGE";
  if (typeof id !== "string")
    return json(200, graphqlError("INVALID_ARGUMENTS", "pullRequestId is required"));
  if (typeof method !== "string" || !(method in METHODS)) {
    return json(200, graphqlError("INVALID_ARGUMENTS", `Invalid merge method: ${String(method)}`));
  }
  const found = findPull(world, id);
  if (!found) {
    return json(200, graphqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'.`));
  }
  const { repo, pull } = found;
  const actor = actorOf(req);
  if (req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
    return json(
      200,
      graphqlError("FORBIDDEN", `${actor.login} does not have permission to enable auto-merge.`)
    );
  }
  const issue = repo.issues.get(pull.number);
  if (pull.merged || issue?.state !== "open") {
    return json(200, graphqlError("UNPROCESSABLE", "Pull request is not open"));
  }
  if (!repo.allowAutoMerge) {
    return json(
      200,
      graphqlError("UNPROCESSABLE", "Pull request Auto merge is not allowed for this repository")
    );
  }
  const enabledAt = world.now();
  pull.autoMerge ??= { method: METHODS[method], enabledBy: actor, enabledAt };
  return json(200, {
    data: {
      enablePullRequestAutoMerge: {
        pullRequest: {
          id,
          number: pull.number,
          autoMergeRequest: {
            mergeMethod: pull.autoMerge.method.toUpperCase(),
            enabledAt: pull.autoMerge.enabledAt
          }
        }
      }
    }
  });
}
function registerGraphqlRoutes(table) {
  table.add("POST", "/graphql", async (req, world) => {
    const body = req.body ?? {};
    const query = typeof body.query === "string" ? body.query : "";
    const variables = typeof body.variables === "object" && body.variables !== null ? body.variables : {};
    if (/\benablePullRequestAutoMerge\b/.test(query)) return enableAutoMerge(req, world, query, variables);
    return json(200, {
      errors: [
        {
          type: "NOT_SUPPORTED",
          message: "the sandbox answers only the enablePullRequestAutoMerge mutation"
        }
      ]
    });
  });
}

// packages/sandbox/routes/issue-routes.ts
function issueOf(repo, req) {
  const issue = repo.issues.get(numberParam(req, "issue_number"));
  if (!issue) throw notFound();
  return issue;
}
function labelNames(value) {
  const list = Array.isArray(value) ? value : value?.labels;
  if (!Array.isArray(list)) throw new ApiError(422, "Invalid request.\n\nFor 'labels', expected an array.");
  return list.map((item) => {
    const name = typeof item === "string" ? item : item?.name;
    if (typeof name !== "string" || name.trim() === "")
      throw new ApiError(422, "Invalid request.\n\nLabel name is empty.");
    return name;
  });
}
function ensureLabel(world, repo, name, actor) {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing;
  const label = {
    id: world.nextId(),
    name,
    color: "ededed",
    description: null,
    isDefault: false
  };
  repo.labels.set(name.toLowerCase(), label);
  announce(world, repo, "label", actor, { action: "created", label: labelShape(world, repo, label) });
  return label;
}
async function applyLabels(world, repo, issue, wanted, actor) {
  const labels2 = wanted.map((name) => ensureLabel(world, repo, name, actor).name);
  const before = new Set(issue.labels.map((name) => name.toLowerCase()));
  const after = new Set(labels2.map((name) => name.toLowerCase()));
  const removed = issue.labels.filter((name) => !after.has(name.toLowerCase()));
  const added = [...new Set(labels2)].filter((name) => !before.has(name.toLowerCase()));
  issue.labels = [...new Map(labels2.map((name) => [name.toLowerCase(), name])).values()];
  if (added.length > 0 || removed.length > 0) issue.updatedAt = world.now();
  for (const name of removed) {
    const label = repo.labels.get(name.toLowerCase());
    await announceIssueOrPull(
      world,
      repo,
      issue,
      "unlabeled",
      actor,
      label ? { label: labelShape(world, repo, label) } : {}
    );
  }
  for (const name of added) {
    const label = repo.labels.get(name.toLowerCase());
    await announceIssueOrPull(world, repo, issue, "labeled", actor, {
      label: labelShape(world, repo, label)
    });
  }
}
function checkAssignees(world, repo, logins) {
  const invalid = logins.filter((login) => {
    const user = world.user(login);
    return !user || !hasWrite(repo, user);
  });
  if (invalid.length > 0) {
    throw validationFailed(
      invalid.map((value) => ({ resource: "Issue", field: "assignees", code: "invalid", value }))
    );
  }
  return logins.map((login) => world.user(login)?.login ?? login);
}
async function applyAssignees(world, repo, issue, wanted, actor) {
  const before = new Set(issue.assignees.map((login) => login.toLowerCase()));
  const after = new Set(wanted.map((login) => login.toLowerCase()));
  const removed = issue.assignees.filter((login) => !after.has(login.toLowerCase()));
  const added = wanted.filter((login) => !before.has(login.toLowerCase()));
  issue.assignees = [...wanted];
  for (const login of removed) {
    const user = world.user(login);
    if (user)
      await announceIssueOrPull(world, repo, issue, "unassigned", actor, {
        assignee: userShape(world, user)
      });
  }
  for (const login of added) {
    const user = world.user(login);
    if (user)
      await announceIssueOrPull(world, repo, issue, "assigned", actor, { assignee: userShape(world, user) });
  }
}
async function createIssue(world, repo, actor, input) {
  const now = world.now();
  const issue = {
    id: world.nextId(),
    number: repo.nextNumber++,
    title: input.title,
    body: input.body,
    user: actor,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    locked: false,
    isPull: input.isPull,
    app: input.app
  };
  repo.issues.set(issue.number, issue);
  return issue;
}
function sortIssues(req, issues, repo) {
  const sort = req.query.get("sort") ?? "created";
  const direction = req.query.get("direction") ?? "desc";
  const commentsOf2 = (issue) => [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  const key = (issue) => sort === "updated" ? issue.updatedAt : sort === "comments" ? commentsOf2(issue) : issue.number;
  const sorted = [...issues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
  });
  return direction === "asc" ? sorted : sorted.reverse();
}
function appOf(req) {
  return req.identity.kind === "installation" ? req.identity.app : null;
}
function commentOf(repo, req) {
  const comment2 = repo.comments.get(numberParam(req, "comment_id"));
  if (!comment2) throw notFound();
  return comment2;
}
function registerIssueRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/issues", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const body = bodyOf(req);
    const title = body.title;
    if (typeof title !== "string" && typeof title !== "number") {
      throw validationFailed([{ resource: "Issue", field: "title", code: "missing_field" }]);
    }
    const pushAccess = req.identity.kind === "installation" || hasWrite(repo, actor);
    const labels2 = pushAccess && body.labels !== void 0 ? labelNames({ labels: body.labels }) : [];
    const assigneeList = [
      ...typeof body.assignee === "string" ? [body.assignee] : [],
      ...Array.isArray(body.assignees) ? body.assignees.filter((a) => typeof a === "string") : []
    ];
    const assignees = pushAccess ? checkAssignees(world, repo, assigneeList) : [];
    const issue = await createIssue(world, repo, actor, {
      title: String(title),
      body: optionalString(body, "body") ?? null,
      isPull: false,
      // GitHub marks what an App wrote with its installation token: `performed_via_github_app`.
      app: appOf(req)
    });
    issue.labels = labels2.map((name) => ensureLabel(world, repo, name, actor).name);
    issue.assignees = assignees;
    announce(world, repo, "issues", actor, { action: "opened", issue: issueShape(world, repo, issue) });
    for (const name of issue.labels) {
      const label = repo.labels.get(name.toLowerCase());
      announce(world, repo, "issues", actor, {
        action: "labeled",
        issue: issueShape(world, repo, issue),
        label: labelShape(world, repo, label)
      });
    }
    return json(201, issueShape(world, repo, issue));
  });
  table.add("GET", "/repos/{owner}/{repo}/issues", async (req, world) => {
    const repo = repoOf(world, req);
    const state = req.query.get("state") ?? "open";
    const labels2 = (req.query.get("labels") ?? "").split(",").map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
    const creator = req.query.get("creator")?.toLowerCase();
    const assignee = req.query.get("assignee");
    const since = req.query.get("since");
    let issues = [...repo.issues.values()];
    if (state !== "all") issues = issues.filter((issue) => issue.state === state);
    if (labels2.length > 0) {
      issues = issues.filter(
        (issue) => labels2.every((label) => issue.labels.some((name) => name.toLowerCase() === label))
      );
    }
    if (creator) issues = issues.filter((issue) => issue.user.login.toLowerCase() === creator);
    if (assignee === "none") issues = issues.filter((issue) => issue.assignees.length === 0);
    else if (assignee === "*") issues = issues.filter((issue) => issue.assignees.length > 0);
    else if (assignee)
      issues = issues.filter(
        (issue) => issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase())
      );
    if (since) {
      const from = Date.parse(since);
      if (Number.isNaN(from)) throw new ApiError(422, `Invalid since: ${since}`);
      issues = issues.filter((issue) => Date.parse(issue.updatedAt) >= from);
    }
    const { page: page2, headers } = paginate(world, req, sortIssues(req, issues, repo));
    return json(
      200,
      page2.map((issue) => issueShape(world, repo, issue)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, issueShape(world, repo, issueOf(repo, req)));
  });
  table.add("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const issue = issueOf(repo, req);
    if (issue.user !== actor && req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
      throw new ApiError(403, "Must have admin rights to Repository.");
    }
    await updateIssue(world, repo, issue, bodyOf(req), actor);
    return json(200, issueShape(world, repo, issue));
  });
  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const issue = issueOf(repo, req);
    let comments = [...repo.comments.values()].filter((comment2) => comment2.issueNumber === issue.number);
    const since = req.query.get("since");
    if (since) comments = comments.filter((comment2) => Date.parse(comment2.updatedAt) >= Date.parse(since));
    comments.sort((a, b) => a.id - b.id);
    const { page: page2, headers } = paginate(world, req, comments);
    return json(
      200,
      page2.map((comment2) => commentShape(world, repo, comment2)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/issues/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const comments = [...repo.comments.values()].sort((a, b) => a.id - b.id);
    const { page: page2, headers } = paginate(world, req, comments);
    return json(
      200,
      page2.map((comment2) => commentShape(world, repo, comment2)),
      headers
    );
  });
  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const issue = issueOf(repo, req);
    const body = requiredString(bodyOf(req), "body", "IssueComment");
    if (body.length > 65536) {
      throw validationFailed([
        {
          resource: "IssueComment",
          field: "body",
          code: "custom",
          message: "body is too long (maximum is 65536 characters)"
        }
      ]);
    }
    const now = world.now();
    const comment2 = {
      id: world.nextId(),
      issueNumber: issue.number,
      body,
      user: actor,
      createdAt: now,
      updatedAt: now,
      app: appOf(req)
    };
    repo.comments.set(comment2.id, comment2);
    issue.updatedAt = now;
    announce(world, repo, "issue_comment", actor, {
      action: "created",
      issue: issueShape(world, repo, issue),
      comment: commentShape(world, repo, comment2)
    });
    return json(201, commentShape(world, repo, comment2));
  });
  table.add("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, commentShape(world, repo, commentOf(repo, req)));
  });
  table.add("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const comment2 = commentOf(repo, req);
    if (comment2.user !== actor && !(req.identity.kind === "installation" || hasWrite(repo, actor))) {
      throw new ApiError(403, "You must have write access to edit this comment.");
    }
    const body = requiredString(bodyOf(req), "body", "IssueComment");
    if (body.length > 65536) {
      throw validationFailed([
        {
          resource: "IssueComment",
          field: "body",
          code: "custom",
          message: "body is too long (maximum is 65536 characters)"
        }
      ]);
    }
    const previous = comment2.body;
    comment2.body = body;
    comment2.updatedAt = world.now();
    const issue = repo.issues.get(comment2.issueNumber);
    announce(world, repo, "issue_comment", actor, {
      action: "edited",
      changes: { body: { from: previous } },
      issue: issueShape(world, repo, issue),
      comment: commentShape(world, repo, comment2)
    });
    return json(200, commentShape(world, repo, comment2));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const comment2 = commentOf(repo, req);
    if (comment2.user !== actor && !(req.identity.kind === "installation" || hasWrite(repo, actor))) {
      throw new ApiError(403, "You must have write access to delete this comment.");
    }
    const shape = commentShape(world, repo, comment2);
    repo.comments.delete(comment2.id);
    const issue = repo.issues.get(comment2.issueNumber);
    announce(world, repo, "issue_comment", actor, {
      action: "deleted",
      issue: issueShape(world, repo, issue),
      comment: shape
    });
    return { status: 204 };
  });
  const currentLabels = (world, repo, issue) => issue.labels.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [labelShape(world, repo, label)] : [];
  });
  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const issue = issueOf(repo, req);
    const { page: page2, headers } = paginate(world, req, currentLabels(world, repo, issue));
    return json(200, page2, headers);
  });
  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, [...issue.labels, ...labelNames(req.body)], actor);
    return json(200, currentLabels(world, repo, issue));
  });
  table.add("PUT", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, labelNames(req.body ?? []), actor);
    return json(200, currentLabels(world, repo, issue));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, [], actor);
    return { status: 204 };
  });
  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    const name = (req.params.name ?? "").toLowerCase();
    if (!issue.labels.some((label) => label.toLowerCase() === name))
      throw new ApiError(404, "Label does not exist");
    await applyLabels(
      world,
      repo,
      issue,
      issue.labels.filter((label) => label.toLowerCase() !== name),
      actor
    );
    return json(200, currentLabels(world, repo, issue));
  });
  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const issue = issueOf(repo, req);
    const wanted = bodyOf(req).assignees ?? [];
    const valid = wanted.filter((login) => {
      const user = world.user(login);
      return user && hasWrite(repo, user);
    });
    await applyAssignees(
      world,
      repo,
      issue,
      [.../* @__PURE__ */ new Set([...issue.assignees, ...valid.map((login) => world.user(login)?.login ?? login)])],
      actor
    );
    return json(201, issueShape(world, repo, issue));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const issue = issueOf(repo, req);
    const drop = new Set((bodyOf(req).assignees ?? []).map((login) => login.toLowerCase()));
    await applyAssignees(
      world,
      repo,
      issue,
      issue.assignees.filter((login) => !drop.has(login.toLowerCase())),
      actor
    );
    return json(200, issueShape(world, repo, issue));
  });
  table.add("GET", "/repos/{owner}/{repo}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const { page: page2, headers } = paginate(world, req, [...repo.labels.values()]);
    return json(
      200,
      page2.map((label) => labelShape(world, repo, label)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/labels/{name}", async (req, world) => {
    const repo = repoOf(world, req);
    const label = repo.labels.get((req.params.name ?? "").toLowerCase());
    if (!label) throw notFound();
    return json(200, labelShape(world, repo, label));
  });
  table.add("POST", "/repos/{owner}/{repo}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const name = requiredString(body, "name", "Label");
    if (repo.labels.has(name.toLowerCase())) {
      throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const color = (optionalString(body, "color") ?? "ededed").replace(/^#/, "");
    if (!/^[0-9a-fA-F]{6}$/.test(color))
      throw validationFailed([{ resource: "Label", code: "invalid", field: "color" }]);
    const label = {
      id: world.nextId(),
      name,
      color,
      description: optionalString(body, "description") ?? null,
      isDefault: false
    };
    repo.labels.set(name.toLowerCase(), label);
    announce(world, repo, "label", actor, { action: "created", label: labelShape(world, repo, label) });
    return json(201, labelShape(world, repo, label));
  });
}
async function updateIssue(world, repo, issue, body, actor) {
  const changes = {};
  const title = optionalString(body, "title");
  if (title !== void 0 && title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = title;
  }
  if ("body" in body) {
    const text = optionalString(body, "body") ?? null;
    if (text !== issue.body) {
      changes.body = { from: issue.body ?? "" };
      issue.body = text;
    }
  }
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = world.now();
    await announceIssueOrPull(world, repo, issue, "edited", actor, { changes });
  }
  if (body.labels !== void 0)
    await applyLabels(world, repo, issue, labelNames({ labels: body.labels }), actor);
  if (body.assignees !== void 0 || body.assignee !== void 0) {
    const wanted = Array.isArray(body.assignees) ? body.assignees : typeof body.assignee === "string" ? [body.assignee] : [];
    await applyAssignees(world, repo, issue, checkAssignees(world, repo, wanted), actor);
  }
  const state = optionalString(body, "state");
  if (state !== void 0 && state !== "open" && state !== "closed") {
    throw validationFailed([{ resource: "Issue", field: "state", code: "invalid", value: state }]);
  }
  if (state && state !== issue.state) {
    const pull = repo.pulls.get(issue.number);
    if (state === "open" && pull?.merged) throw new ApiError(422, "Cannot reopen a merged pull request");
    const now = world.now();
    issue.state = state;
    issue.updatedAt = now;
    if (state === "closed") {
      if (pull) pull.baseSha = repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha;
      issue.closedAt = now;
      issue.closedBy = actor;
      issue.stateReason = issue.isPull ? null : optionalString(body, "state_reason") ?? "completed";
    } else {
      issue.closedAt = null;
      issue.closedBy = null;
      issue.stateReason = issue.isPull ? null : "reopened";
    }
    await announceIssueOrPull(world, repo, issue, state === "closed" ? "closed" : "reopened", actor);
  }
}

// packages/sandbox/routes/protection-routes.ts
function registerProtectionRoutes(table) {
  table.add("PUT", "/repos/{owner}/{repo}/branches/{branch+}/protection", async (req, world) => {
    const { repo, branch } = protectedBranchOf(world, req);
    const body = bodyOf(req);
    for (const field of [
      "required_status_checks",
      "enforce_admins",
      "required_pull_request_reviews",
      "restrictions"
    ]) {
      if (!(field in body)) throw new ApiError(422, `Invalid request.

"${field}" wasn't supplied.`);
    }
    const protection = repo.protections.get(branch) ?? { requiredSignatures: false };
    repo.protections.set(branch, protection);
    return json(200, protectionShape(world, repo, branch, protection.requiredSignatures));
  });
  table.add("GET", SIGNATURES, signaturesHandler(null));
  table.add("POST", SIGNATURES, signaturesHandler(true));
  table.add("DELETE", SIGNATURES, signaturesHandler(false));
}
var SIGNATURES = "/repos/{owner}/{repo}/branches/{branch+}/protection/required_signatures";
function signaturesHandler(enable) {
  return async (req, world) => {
    const { repo, branch } = protectedBranchOf(world, req);
    const protection = repo.protections.get(branch);
    if (!protection) throw new ApiError(404, "Branch not protected");
    if (enable !== null) protection.requiredSignatures = enable;
    if (enable === false) return { status: 204 };
    return json(200, signaturesShape(world, repo, branch, protection.requiredSignatures));
  };
}
function protectedBranchOf(world, req) {
  const repo = repoOf(world, req);
  const user = actorOf(req);
  if (req.identity.kind !== "installation" && permissionOf(repo, user) !== "admin") {
    throw new ApiError(404, "Not Found");
  }
  const branch = req.params.branch ?? "";
  if (!repo.refs.get(`refs/heads/${branch}`)) throw new ApiError(404, "Branch not found");
  return { repo, branch };
}
function protectionUrl(world, repo, branch) {
  return world.apiUrl(`/repos/${fullName(repo)}/branches/${encodeURIComponent(branch)}/protection`);
}
function signaturesShape(world, repo, branch, enabled) {
  return { url: `${protectionUrl(world, repo, branch)}/required_signatures`, enabled };
}
function protectionShape(world, repo, branch, signatures) {
  const url = protectionUrl(world, repo, branch);
  return {
    url,
    required_signatures: signaturesShape(world, repo, branch, signatures),
    enforce_admins: { url: `${url}/enforce_admins`, enabled: false },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false }
  };
}

// packages/sandbox/services/merging.ts
var SIBLING_IDENTITY = {
  name: "sandbox",
  email: "sandbox@127.0.0.1",
  date: "2000-01-01T00:00:00Z"
};
async function cherryPickTree(repo, ontoSha, commitSha) {
  const store = repo.store;
  const [onto, commit] = await Promise.all([store.readCommit(ontoSha), store.readCommit(commitSha)]);
  if (!onto || !commit) throw new Error(`cherry-pick of ${commitSha} onto ${ontoSha}: commit missing`);
  const sibling = await store.writeCommit({
    tree: onto.tree,
    parents: commit.parents.slice(0, 1),
    message: `sibling of ${ontoSha} for ${commitSha}
`,
    author: SIBLING_IDENTITY,
    committer: SIBLING_IDENTITY
  });
  return store.mergeTree(sibling, commitSha);
}

// packages/sandbox/services/signed-commits.ts
async function requireVerifiedCommits(world, repo, base, head) {
  if (!repo.protections.get(base.branch)?.requiredSignatures) return;
  for (const sha of await repo.store.revList([head], [base.sha])) {
    const commit = await repo.store.readCommit(sha);
    if (!commit || verificationOf(world, commit).verified !== true) {
      throw new ApiError(405, "Commits must have verified signatures.");
    }
  }
}

// packages/sandbox/routes/pull-routes.ts
function pullOf(repo, req) {
  const number = numberParam(req, "pull_number");
  const pull = repo.pulls.get(number);
  const issue = repo.issues.get(number);
  if (!pull || !issue) throw notFound();
  return { pull, issue };
}
function headOf(world, repo, head) {
  const colon = head.indexOf(":");
  if (colon === -1) return { branch: head, fork: null };
  const owner = head.slice(0, colon);
  const branch = head.slice(colon + 1);
  if (owner.toLowerCase() === repo.owner.login.toLowerCase()) return { branch, fork: null };
  const fork = world.repo(owner, repo.name);
  return fork?.forkOf === repo ? { branch, fork } : null;
}
function headBranch(repo, head) {
  const colon = head.indexOf(":");
  if (colon === -1) return head;
  return head.slice(0, colon).toLowerCase() === repo.owner.login.toLowerCase() ? head.slice(colon + 1) : null;
}
async function mergePull(world, repo, pull, issue, actor, body) {
  const method = optionalString(body, "merge_method") ?? "merge";
  if (!["merge", "squash", "rebase"].includes(method)) {
    throw validationFailed([
      { resource: "PullRequest", field: "merge_method", code: "invalid", value: method }
    ]);
  }
  const expectedHead = optionalString(body, "sha");
  if (expectedHead !== void 0 && expectedHead !== pull.headSha) {
    throw new ApiError(409, "Head branch was modified. Review and try the merge again.");
  }
  const store = repo.store;
  const baseRef = `refs/heads/${pull.baseRef}`;
  const baseSha = repo.refs.get(baseRef);
  if (!baseSha) throw new ApiError(405, "Base branch does not exist");
  await requireVerifiedCommits(world, repo, { branch: pull.baseRef, sha: baseSha }, pull.headSha);
  const now = world.now();
  const committer = { ...WEB_FLOW, date: now };
  const sign = webFlowSigner(world);
  const title = optionalString(body, "commit_title");
  const message = optionalString(body, "commit_message");
  let newTip;
  if (method === "merge") {
    const merge = await store.mergeTree(baseSha, pull.headSha);
    if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
    const subject = title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}`;
    newTip = await store.writeCommit(
      {
        tree: merge.tree,
        parents: [baseSha, pull.headSha],
        message: `${subject}

${message ?? issue.title}`,
        author: gitIdentityOf(actor, now),
        committer
      },
      sign
    );
  } else if (method === "squash") {
    const merge = await store.mergeTree(baseSha, pull.headSha);
    if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
    const commits = await store.revList([pull.headSha], [baseSha], { reverse: true });
    const messages = await Promise.all(
      commits.map(async (sha) => (await store.readCommit(sha))?.message.trim() ?? "")
    );
    const subject = title ?? `${issue.title} (#${pull.number})`;
    const details = message ?? messages.map((text) => `* ${text}`).join("\n\n");
    newTip = await store.writeCommit(
      {
        tree: merge.tree,
        parents: [baseSha],
        message: details === "" ? subject : `${subject}

${details}`,
        author: gitIdentityOf(issue.user, now),
        committer
      },
      sign
    );
  } else {
    const commits = await store.revList([pull.headSha], [baseSha], { reverse: true });
    newTip = baseSha;
    for (const sha of commits) {
      const commit = await store.readCommit(sha);
      if (!commit || commit.parents.length > 1) throw new ApiError(405, "This branch can't be rebased");
      const picked = await cherryPickTree(repo, newTip, sha);
      if (!picked.clean) throw new ApiError(405, "This branch can't be rebased");
      newTip = await store.writeCommit(
        {
          tree: picked.tree,
          parents: [newTip],
          message: commit.message,
          author: commit.author,
          committer
        },
        sign
      );
    }
  }
  try {
    await moveRef(world, repo, baseRef, newTip, actor, { expected: baseSha, force: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      throw new ApiError(405, "Base branch was modified. Review and try the merge again.");
    }
    throw error;
  }
  pull.baseSha = baseSha;
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = actor;
  pull.mergeCommitSha = newTip;
  issue.state = "closed";
  issue.closedAt = now;
  issue.closedBy = actor;
  issue.updatedAt = now;
  await announcePull(world, repo, pull, "closed", actor);
  return newTip;
}
async function requestReviewers(world, repo, pull, issue, logins, actor) {
  for (const login of logins) {
    const user = world.user(login);
    if (!user || !hasWrite(repo, user)) {
      throw new ApiError(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`
      );
    }
    if (user === issue.user) throw new ApiError(422, "Review cannot be requested from pull request author.");
  }
  for (const login of logins) {
    const user = world.user(login);
    if (pull.requestedReviewers.some((existing) => existing.toLowerCase() === user.login.toLowerCase()))
      continue;
    pull.requestedReviewers.push(user.login);
    await announcePull(world, repo, pull, "review_requested", actor, {
      requested_reviewer: userShape(world, user)
    });
  }
}
function registerPullRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const body = bodyOf(req);
    const head = optionalString(body, "head");
    const base = optionalString(body, "base");
    const title = optionalString(body, "title");
    if (!head) throw validationFailed([{ resource: "PullRequest", field: "head", code: "missing_field" }]);
    if (!base) throw validationFailed([{ resource: "PullRequest", field: "base", code: "missing_field" }]);
    if (!title) throw validationFailed([{ resource: "PullRequest", field: "title", code: "missing_field" }]);
    const target = headOf(world, repo, head);
    const branch = target?.branch ?? null;
    const headSha = target ? (target.fork ?? repo).refs.get(`refs/heads/${target.branch}`) : null;
    if (!branch || !headSha)
      throw validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
    const baseSha = repo.refs.get(`refs/heads/${base}`);
    if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
    for (const pull2 of repo.pulls.values()) {
      if (pull2.headRef === branch && pull2.headRepo === (target?.fork ?? null) && pull2.baseRef === base && repo.issues.get(pull2.number)?.state === "open") {
        throw validationFailed([
          {
            resource: "PullRequest",
            code: "custom",
            message: `A pull request already exists for ${repo.owner.login}:${branch}.`
          }
        ]);
      }
    }
    if ((await repo.store.revList([headSha], [baseSha], { max: 1 })).length === 0) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${branch}` }
      ]);
    }
    const issue = await createIssue(world, repo, actor, {
      title,
      body: optionalString(body, "body") ?? null,
      isPull: true,
      app: null
    });
    const pull = {
      number: issue.number,
      id: world.nextId(),
      headRef: branch,
      headSha,
      baseRef: base,
      baseSha,
      draft: optionalBoolean(body, "draft") ?? false,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      requestedReviewers: [],
      maintainerCanModify: optionalBoolean(body, "maintainer_can_modify") ?? true,
      headRepo: target?.fork ?? null
    };
    repo.pulls.set(pull.number, pull);
    await announcePull(world, repo, pull, "opened", actor);
    return json(201, await renderPull(world, repo, pull));
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const state = req.query.get("state") ?? "open";
    const head = req.query.get("head");
    const base = req.query.get("base");
    let pulls = [...repo.pulls.values()];
    if (state !== "all") pulls = pulls.filter((pull) => repo.issues.get(pull.number)?.state === state);
    if (head) {
      const branch = headBranch(repo, head);
      pulls = pulls.filter((pull) => pull.headRef === branch);
    }
    if (base) pulls = pulls.filter((pull) => pull.baseRef === base);
    const sort = req.query.get("sort") ?? "created";
    const direction = req.query.get("direction") ?? (sort === "created" ? "desc" : "desc");
    pulls.sort((a, b) => {
      if (sort === "updated") {
        const ua = repo.issues.get(a.number)?.updatedAt ?? "";
        const ub = repo.issues.get(b.number)?.updatedAt ?? "";
        if (ua !== ub) return ua < ub ? -1 : 1;
      }
      return a.number - b.number;
    });
    if (direction === "desc") pulls.reverse();
    const { page: page2, headers } = paginate(world, req, pulls);
    return json(
      200,
      page2.map((pull) => pullShape(world, repo, pull, repo.issues.get(pull.number), null)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    return json(200, await renderPull(world, repo, pull));
  });
  table.add("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const { pull, issue } = pullOf(repo, req);
    if (issue.user !== actor && req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
      throw new ApiError(403, "Must have push access to the pull request.");
    }
    const body = bodyOf(req);
    const base = optionalString(body, "base");
    const canModify = optionalBoolean(body, "maintainer_can_modify");
    if (canModify !== void 0) pull.maintainerCanModify = canModify;
    await updateIssue(
      world,
      repo,
      issue,
      { title: body.title, ..."body" in body ? { body: body.body } : {} },
      actor
    );
    if (base !== void 0 && base !== pull.baseRef) {
      const baseSha = repo.refs.get(`refs/heads/${base}`);
      if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
      const from = { ref: { from: pull.baseRef }, sha: { from: currentBaseSha(repo, pull) } };
      pull.baseRef = base;
      pull.baseSha = baseSha;
      issue.updatedAt = world.now();
      await announcePull(world, repo, pull, "edited", actor, { changes: { base: from } });
    }
    if (body.state !== void 0) await updateIssue(world, repo, issue, { state: body.state }, actor);
    return json(200, await renderPull(world, repo, pull));
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const facts = await pullFacts(repo, pull);
    const { page: page2, headers } = paginate(world, req, facts.files.slice(0, 3e3));
    return json(
      200,
      page2.map((file) => diffEntryShape(world, repo, file, pull.headSha)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const shas = await repo.store.revList([pull.headSha], [currentBaseSha(repo, pull)], { reverse: true });
    const { page: page2, headers } = paginate(world, req, shas.slice(0, 250));
    const commits = await Promise.all(page2.map((sha) => repo.store.readCommit(sha)));
    return json(
      200,
      commits.flatMap((commit) => commit ? [commitShape(world, repo, commit)] : []),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    if (!pull.merged) throw notFound();
    return { status: 204 };
  });
  table.add("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    if (pull.merged) throw new ApiError(405, "Pull Request is not mergeable");
    if (issue.state !== "open") throw new ApiError(422, "Pull Request is not open");
    if (pull.draft) throw new ApiError(405, "Pull Request is still a draft");
    const sha = await mergePull(world, repo, pull, issue, actor, bodyOf(req));
    return json(200, { sha, merged: true, message: "Pull Request successfully merged" });
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const actor = req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    const reviews = [...repo.reviews.values()].filter((review) => review.pullNumber === pull.number).filter((review) => review.state !== "PENDING" || review.user === actor).sort((a, b) => a.id - b.id);
    const { page: page2, headers } = paginate(world, req, reviews);
    return json(
      200,
      page2.map((review) => reviewShape(world, repo, review)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const review = repo.reviews.get(numberParam(req, "review_id"));
    if (!review || review.pullNumber !== pull.number) throw notFound();
    return json(200, reviewShape(world, repo, review));
  });
  table.add("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const { pull, issue } = pullOf(repo, req);
    const body = bodyOf(req);
    const event = optionalString(body, "event");
    const text = optionalString(body, "body") ?? "";
    const states = {
      APPROVE: "APPROVED",
      REQUEST_CHANGES: "CHANGES_REQUESTED",
      COMMENT: "COMMENTED"
    };
    if (event !== void 0 && !(event in states)) {
      throw validationFailed([
        { resource: "PullRequestReview", field: "event", code: "invalid", value: event }
      ]);
    }
    const state = event ? states[event] : "PENDING";
    if (actor === issue.user && state === "APPROVED")
      throw new ApiError(422, "Unprocessable Entity: Can not approve your own pull request");
    if (actor === issue.user && state === "CHANGES_REQUESTED") {
      throw new ApiError(422, "Unprocessable Entity: Can not request changes on your own pull request");
    }
    if ((state === "CHANGES_REQUESTED" || state === "COMMENTED") && text === "") {
      throw new ApiError(422, "Unprocessable Entity: Body is required for this review event");
    }
    const review = {
      id: world.nextId(),
      pullNumber: pull.number,
      user: actor,
      body: text,
      state,
      commitId: optionalString(body, "commit_id") ?? pull.headSha,
      submittedAt: state === "PENDING" ? null : world.now()
    };
    repo.reviews.set(review.id, review);
    if (state !== "PENDING") await submitted(world, repo, pull, review, actor);
    return json(200, reviewShape(world, repo, review));
  });
  table.add(
    "POST",
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events",
    async (req, world) => {
      const repo = repoOf(world, req);
      const actor = actorOf(req);
      const { pull, issue } = pullOf(repo, req);
      const review = repo.reviews.get(numberParam(req, "review_id"));
      if (!review || review.pullNumber !== pull.number || review.user !== actor) throw notFound();
      if (review.state !== "PENDING")
        throw new ApiError(422, "Unprocessable Entity: Can not submit a non-pending review");
      const event = optionalString(bodyOf(req), "event");
      const state = event === "APPROVE" ? "APPROVED" : event === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : event === "COMMENT" ? "COMMENTED" : null;
      if (!state)
        throw validationFailed([
          { resource: "PullRequestReview", field: "event", code: "invalid", value: event }
        ]);
      if (actor === issue.user && state !== "COMMENTED")
        throw new ApiError(422, "Unprocessable Entity: Can not approve your own pull request");
      review.state = state;
      review.body = optionalString(bodyOf(req), "body") ?? review.body;
      review.submittedAt = world.now();
      await submitted(world, repo, pull, review, actor);
      return json(200, reviewShape(world, repo, review));
    }
  );
  table.add(
    "PUT",
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals",
    async (req, world) => {
      const repo = repoOf(world, req);
      const actor = requireWrite(req, repo);
      const { pull } = pullOf(repo, req);
      const review = repo.reviews.get(numberParam(req, "review_id"));
      if (!review || review.pullNumber !== pull.number) throw notFound();
      if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED") {
        throw new ApiError(
          422,
          `Unprocessable Entity: Can not dismiss a ${review.state.toLowerCase()} pull request review`
        );
      }
      review.state = "DISMISSED";
      announce(world, repo, "pull_request_review", actor, {
        action: "dismissed",
        review: reviewEventShape(world, repo, review),
        pull_request: pullShape(world, repo, pull, repo.issues.get(pull.number), null)
      });
      return json(200, reviewShape(world, repo, review));
    }
  );
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const users = pull.requestedReviewers.flatMap((login) => {
      const user = world.user(login);
      return user ? [userShape(world, user)] : [];
    });
    const teams = (pull.requestedTeams ?? []).map((slug) => teamShape(world, repo.owner.login, slug));
    return json(200, { users, teams });
  });
  table.add("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    const reviewers = bodyOf(req).reviewers ?? [];
    const teams = bodyOf(req).team_reviewers ?? [];
    if (!Array.isArray(reviewers))
      throw validationFailed([{ resource: "PullRequest", field: "reviewers", code: "invalid" }]);
    if (!Array.isArray(teams))
      throw validationFailed([{ resource: "PullRequest", field: "team_reviewers", code: "invalid" }]);
    for (const slug of teams) {
      if (!world.teams.has(`${repo.owner.login}/${slug}`.toLowerCase()))
        throw new ApiError(
          422,
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`
        );
    }
    await requestReviewers(world, repo, pull, issue, reviewers, actor);
    for (const slug of teams) {
      const known = pull.requestedTeams ?? [];
      if (!known.some((existing) => existing.toLowerCase() === slug.toLowerCase()))
        pull.requestedTeams = [...known, slug];
    }
    return json(201, pullShape(world, repo, pull, issue, null));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    const drop = new Set((bodyOf(req).reviewers ?? []).map((login) => login.toLowerCase()));
    const removed = pull.requestedReviewers.filter((login) => drop.has(login.toLowerCase()));
    pull.requestedReviewers = pull.requestedReviewers.filter((login) => !drop.has(login.toLowerCase()));
    for (const login of removed) {
      const user = world.user(login);
      if (user)
        await announcePull(world, repo, pull, "review_request_removed", actor, {
          requested_reviewer: userShape(world, user)
        });
    }
    return json(200, pullShape(world, repo, pull, issue, null));
  });
}
function reviewEventShape(world, repo, review) {
  return { ...reviewShape(world, repo, review), state: review.state.toLowerCase() };
}
async function submitted(world, repo, pull, review, actor) {
  pull.requestedReviewers = pull.requestedReviewers.filter(
    (login) => login.toLowerCase() !== actor.login.toLowerCase()
  );
  announce(world, repo, "pull_request_review", actor, {
    action: "submitted",
    review: reviewEventShape(world, repo, review),
    pull_request: pullShape(world, repo, pull, repo.issues.get(pull.number), null)
  });
}

// packages/sandbox/routes/release-routes.ts
function releaseOf(repo, req) {
  const release2 = repo.releases.get(numberParam(req, "release_id"));
  if (!release2) throw notFound();
  return release2;
}
async function ensureTag(world, repo, release2, actor) {
  const ref = `refs/tags/${release2.tagName}`;
  if (repo.refs.get(ref)) return;
  const target = await resolveCommit(repo, release2.targetCommitish);
  if (!target) {
    throw validationFailed([{ resource: "Release", code: "invalid", field: "target_commitish" }]);
  }
  await createRef(world, repo, ref, target, actor);
}
function announcePublished(world, repo, release2, actor) {
  announce(world, repo, "release", actor, {
    action: "published",
    release: releaseShape(world, repo, release2)
  });
  if (!release2.prerelease) {
    announce(world, repo, "release", actor, {
      action: "released",
      release: releaseShape(world, repo, release2)
    });
  }
}
function registerReleaseRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/releases", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const tagName = optionalString(body, "tag_name");
    if (!tagName) throw validationFailed([{ resource: "Release", code: "missing_field", field: "tag_name" }]);
    if ([...repo.releases.values()].some((release3) => release3.tagName === tagName)) {
      throw validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
    }
    const draft = optionalBoolean(body, "draft") ?? false;
    const now = world.now();
    const release2 = {
      id: world.nextId(),
      tagName,
      targetCommitish: optionalString(body, "target_commitish") ?? repo.defaultBranch,
      name: optionalString(body, "name") ?? null,
      body: optionalString(body, "body") ?? null,
      draft,
      prerelease: optionalBoolean(body, "prerelease") ?? false,
      author: actor,
      createdAt: now,
      publishedAt: draft ? null : now
    };
    if (!draft) await ensureTag(world, repo, release2, actor);
    repo.releases.set(release2.id, release2);
    announce(world, repo, "release", actor, {
      action: "created",
      release: releaseShape(world, repo, release2)
    });
    if (!draft) announcePublished(world, repo, release2, actor);
    return json(201, releaseShape(world, repo, release2));
  });
  table.add("GET", "/repos/{owner}/{repo}/releases", async (req, world) => {
    const repo = repoOf(world, req);
    const releases = [...repo.releases.values()].sort((a, b) => b.id - a.id);
    const { page: page2, headers } = paginate(world, req, releases);
    return json(
      200,
      page2.map((release2) => releaseShape(world, repo, release2)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/releases/latest", async (req, world) => {
    const repo = repoOf(world, req);
    const latest = [...repo.releases.values()].filter((release2) => !release2.draft && !release2.prerelease).sort((a, b) => b.id - a.id)[0];
    if (!latest) throw notFound();
    return json(200, releaseShape(world, repo, latest));
  });
  table.add("GET", "/repos/{owner}/{repo}/releases/tags/{tag+}", async (req, world) => {
    const repo = repoOf(world, req);
    const release2 = [...repo.releases.values()].find(
      (candidate) => candidate.tagName === req.params.tag && !candidate.draft
    );
    if (!release2) throw notFound();
    return json(200, releaseShape(world, repo, release2));
  });
  table.add("GET", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, releaseShape(world, repo, releaseOf(repo, req)));
  });
  table.add("PATCH", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const release2 = releaseOf(repo, req);
    const body = bodyOf(req);
    const changes = {};
    const name = optionalString(body, "name");
    if (name !== void 0 && name !== release2.name) {
      changes.name = { from: release2.name ?? "" };
      release2.name = name;
    }
    const text = optionalString(body, "body");
    if (text !== void 0 && text !== release2.body) {
      changes.body = { from: release2.body ?? "" };
      release2.body = text;
    }
    const tagName = optionalString(body, "tag_name");
    if (tagName !== void 0 && tagName !== release2.tagName) {
      if ([...repo.releases.values()].some((other) => other !== release2 && other.tagName === tagName)) {
        throw validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
      }
      changes.tag_name = { from: release2.tagName };
      release2.tagName = tagName;
    }
    const target = optionalString(body, "target_commitish");
    if (target !== void 0) release2.targetCommitish = target;
    const prerelease = optionalBoolean(body, "prerelease");
    if (prerelease !== void 0) release2.prerelease = prerelease;
    const draft = optionalBoolean(body, "draft");
    const publishing = draft === false && release2.draft;
    if (publishing) {
      await ensureTag(world, repo, release2, actor);
      release2.draft = false;
      release2.publishedAt = world.now();
    }
    if (Object.keys(changes).length > 0) {
      announce(world, repo, "release", actor, {
        action: "edited",
        changes,
        release: releaseShape(world, repo, release2)
      });
    }
    if (publishing) announcePublished(world, repo, release2, actor);
    return json(200, releaseShape(world, repo, release2));
  });
  table.add("DELETE", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const release2 = releaseOf(repo, req);
    repo.releases.delete(release2.id);
    announce(world, repo, "release", actor, {
      action: "deleted",
      release: releaseShape(world, repo, release2)
    });
    return { status: 204 };
  });
}

// packages/sandbox/routes/repo-routes.ts
function registerRepoRoutes(table) {
  table.add("GET", "/repos/{owner}/{repo}", async (req, world) => {
    const repo = repoOf(world, req);
    const shape = repositoryShape(world, repo);
    if (req.identity.kind === "user" || req.identity.kind === "installation") {
      const permission = req.identity.kind === "installation" ? "admin" : permissionOf(repo, req.identity.user);
      const rank2 = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(permission);
      shape.permissions = {
        admin: rank2 >= 5,
        maintain: rank2 >= 4,
        push: rank2 >= 3,
        triage: rank2 >= 2,
        pull: rank2 >= 1
      };
    }
    return json(200, shape);
  });
  table.add("GET", "/repos/{owner}/{repo}/branches", async (req, world) => {
    const repo = repoOf(world, req);
    const branches = repo.refs.list("refs/heads/");
    const protectedOnly = req.query.get("protected") === "true";
    return paginated(world, req, protectedOnly ? [] : branches, ({ ref, sha }) => ({
      name: ref.slice("refs/heads/".length),
      commit: { sha, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`) },
      protected: false
    }));
  });
  table.add("GET", "/repos/{owner}/{repo}/branches/{branch+}", async (req, world) => {
    const repo = repoOf(world, req);
    const name = req.params.branch ?? "";
    const sha = repo.refs.get(`refs/heads/${name}`);
    if (!sha) throw new ApiError(404, "Branch not found");
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw notFound();
    const url = world.apiUrl(`/repos/${fullName(repo)}/branches/${encodeURIComponent(name)}`);
    return json(200, {
      name,
      commit: commitShape(world, repo, commit),
      _links: { self: url, html: world.htmlUrl(`/${fullName(repo)}/tree/${name}`) },
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: "off", contexts: [], checks: [] }
      },
      protection_url: `${url}/protection`
    });
  });
  table.add("GET", "/repos/{owner}/{repo}/tags", async (req, world) => {
    const repo = repoOf(world, req);
    const tags = repo.refs.list("refs/tags/").reverse();
    const rendered = await Promise.all(
      tags.map(async ({ ref, sha }) => {
        const name = ref.slice("refs/tags/".length);
        const commit = await repo.store.peelToCommit(sha) ?? sha;
        return {
          name,
          commit: { sha: commit, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${commit}`) },
          zipball_url: world.apiUrl(`/repos/${fullName(repo)}/zipball/refs/tags/${encodeURIComponent(name)}`),
          tarball_url: world.apiUrl(`/repos/${fullName(repo)}/tarball/refs/tags/${encodeURIComponent(name)}`),
          node_id: Buffer.from(`0:Tag${repo.id}:${name}`).toString("base64")
        };
      })
    );
    return paginated(world, req, rendered, (tag) => tag);
  });
  table.add("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", async (req, world) => {
    const repo = repoOf(world, req);
    const user = world.user(req.params.username ?? "");
    if (!user) throw new ApiError(404, `${req.params.username} is not a user`);
    const permission = permissionOf(repo, user);
    const legacy = {
      admin: "admin",
      maintain: "write",
      write: "write",
      triage: "read",
      read: "read",
      none: "none"
    };
    const shape = userShape(world, user);
    return json(200, {
      permission: legacy[permission],
      role_name: permission,
      user: {
        ...shape,
        permissions: {
          admin: permission === "admin",
          maintain: false,
          push: legacy[permission] !== "read" && permission !== "none",
          triage: false,
          pull: permission !== "none"
        },
        role_name: permission
      }
    });
  });
  table.add("PUT", "/repos/{owner}/{repo}/collaborators/{username}", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const user = world.ensureUser(req.params.username ?? "");
    const permission = typeof body.permission === "string" ? body.permission : "write";
    if (!["admin", "maintain", "write", "triage", "read", "pull", "push"].includes(permission)) {
      throw new ApiError(422, `Invalid permission ${permission}`);
    }
    const normalized = permission === "push" ? "write" : permission === "pull" ? "read" : permission;
    repo.collaborators.set(user.login.toLowerCase(), normalized);
    return { status: 204 };
  });
  table.add(
    "POST",
    "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    async (req, world) => {
      const repo = repoOf(world, req);
      const user = requireWrite(req, repo);
      const body = bodyOf(req);
      const ref = requiredString(body, "ref", "WorkflowDispatch");
      const inputs = body.inputs ?? {};
      if (typeof inputs !== "object" || Array.isArray(inputs))
        throw new ApiError(422, "inputs must be an object");
      if (!await resolveCommit(repo, ref)) throw new ApiError(422, `No ref found for: ${ref}`);
      repo.dispatches.push({
        workflowId: req.params.workflow_id ?? "",
        ref,
        inputs,
        by: user.login,
        at: world.now()
      });
      return { status: 204 };
    }
  );
}

// packages/sandbox/routes/search-routes.ts
function searchTerms(q) {
  const terms = [];
  let current = "";
  let quoted = false;
  for (const char of q) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(char)) {
      if (current) terms.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current) terms.push(current);
  return terms;
}
var unquote = (value) => value.replaceAll('"', "");
function dateFilter(value, term) {
  const parse = (text) => {
    const t = Date.parse(text);
    if (Number.isNaN(t)) throw new ApiError(422, `Validation Failed: the date in "${term}" is not a date`);
    return t;
  };
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range?.[1] && range[2]) {
    const [from, to] = [parse(range[1]), parse(range[2])];
    return (time) => time !== null && Date.parse(time) >= from && Date.parse(time) <= to;
  }
  const compare = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (compare?.[1] && compare[2]) {
    const bound = parse(compare[2]);
    const op = compare[1];
    return (time) => {
      if (time === null) return false;
      const t = Date.parse(time);
      return op === ">=" ? t >= bound : op === "<=" ? t <= bound : op === ">" ? t > bound : t < bound;
    };
  }
  const day = parse(value);
  return (time) => time !== null && Date.parse(time) >= day && Date.parse(time) < day + 864e5;
}
function qualifierFilter(world, key, rawValue, term) {
  const value = unquote(rawValue);
  const lower = value.toLowerCase();
  switch (key) {
    case "org":
    case "user":
      return (repo) => repo.owner.login.toLowerCase() === lower;
    case "repo":
      return (repo) => `${repo.owner.login}/${repo.name}`.toLowerCase() === lower;
    case "is":
    case "type":
    case "state":
      if (lower === "issue") return (_, issue) => !issue.isPull;
      if (lower === "pr" || lower === "pull-request") return (_, issue) => issue.isPull;
      if (lower === "open" || lower === "closed") return (_, issue) => issue.state === lower;
      if (lower === "merged") return (repo, issue) => Boolean(repo.pulls.get(issue.number)?.mergedAt);
      if (lower === "unmerged")
        return (repo, issue) => issue.isPull && !repo.pulls.get(issue.number)?.mergedAt;
      throw new ApiError(422, `Validation Failed: the sandbox does not know "${term}"`);
    case "label": {
      const wanted = new Set(
        rawValue.split(",").map((name) => unquote(name).trim().toLowerCase()).filter(Boolean)
      );
      return (_, issue) => issue.labels.some((name) => wanted.has(name.toLowerCase()));
    }
    case "author": {
      if (lower.startsWith("app/")) {
        const slug = lower.slice("app/".length);
        return (_, issue) => issue.app?.slug.toLowerCase() === slug;
      }
      return (_, issue) => issue.user.login.toLowerCase() === lower;
    }
    case "updated": {
      const matches = dateFilter(value, term);
      return (_, issue) => matches(issue.updatedAt);
    }
    case "created": {
      const matches = dateFilter(value, term);
      return (_, issue) => matches(issue.createdAt);
    }
    case "merged": {
      const matches = dateFilter(value, term);
      return (repo, issue) => matches(repo.pulls.get(issue.number)?.mergedAt ?? null);
    }
    default:
      throw new ApiError(
        422,
        `Validation Failed: the sandbox does not know the qualifier "${key}:" (${term})`
      );
  }
}
function searchFilters(world, q) {
  return searchTerms(q).map((term) => {
    const qualifier = /^(-?)([a-z-]+):(.+)$/i.exec(term);
    if (qualifier?.[2] && qualifier[3]) {
      const filter = qualifierFilter(world, qualifier[2].toLowerCase(), qualifier[3], term);
      return qualifier[1] === "-" ? (repo, issue) => !filter(repo, issue) : filter;
    }
    const word = unquote(term).toLowerCase();
    return (_, issue) => `${issue.title}
${issue.body ?? ""}`.toLowerCase().includes(word);
  });
}
function registerSearchRoutes(table) {
  table.add("GET", "/search/issues", async (req, world) => {
    const q = req.query.get("q");
    if (!q?.trim()) throw new ApiError(422, "Validation Failed: q is required");
    if (req.identity.kind === "anonymous") throw new ApiError(401, "Requires authentication");
    const filters = searchFilters(world, q);
    const found = [];
    for (const repo of world.repos.values()) {
      if (repo.forkOf) continue;
      for (const issue of repo.issues.values())
        if (filters.every((filter) => filter(repo, issue))) found.push({ repo, issue });
    }
    const ascending = req.query.get("order") === "asc";
    found.sort((a, b) => {
      const order = Date.parse(a.issue.updatedAt) - Date.parse(b.issue.updatedAt);
      return ascending ? order : -order;
    });
    const { page: page2, headers } = paginate(world, req, found);
    return json(
      200,
      {
        total_count: found.length,
        incomplete_results: false,
        search_type: "lexical",
        // GitHub's description of a search result item has a string body where an issue's may be null.
        items: page2.map(({ repo, issue }) => ({
          ...issueShape(world, repo, issue),
          body: issue.body ?? "",
          score: 1
        }))
      },
      headers
    );
  });
}

// packages/sandbox/routes/status-routes.ts
var STATES2 = ["error", "failure", "pending", "success"];
function combineStatuses(statuses) {
  const latest = [];
  const seen = /* @__PURE__ */ new Set();
  for (const status of [...statuses].sort((a, b) => b.id - a.id)) {
    if (seen.has(status.context)) continue;
    seen.add(status.context);
    latest.push(status);
  }
  const state = latest.some((status) => status.state === "error" || status.state === "failure") ? "failure" : latest.length === 0 || latest.some((status) => status.state === "pending") ? "pending" : "success";
  return { state, latest };
}
function registerStatusRoutes(table) {
  table.add("POST", "/repos/{owner}/{repo}/statuses/{sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const sha = req.params.sha ?? "";
    const commit = isFullSha(sha) ? await repo.store.readCommit(sha) : null;
    if (!commit) throw new ApiError(422, `No commit found for SHA: ${sha}`);
    const body = bodyOf(req);
    const state = optionalString(body, "state");
    if (!state || !STATES2.includes(state))
      throw validationFailed([
        { resource: "Status", field: "state", code: "custom", message: "state is not included in the list" }
      ]);
    const now = world.now();
    const status = {
      id: world.nextId(),
      sha,
      state,
      targetUrl: optionalString(body, "target_url") ?? null,
      description: optionalString(body, "description") ?? null,
      context: optionalString(body, "context") ?? "default",
      creator: actor,
      createdAt: now,
      updatedAt: now
    };
    repo.statuses.push(status);
    announce(world, repo, "status", actor, {
      id: status.id,
      sha,
      name: fullName(repo),
      target_url: status.targetUrl,
      context: status.context,
      description: status.description,
      state: status.state,
      commit: commitShape(world, repo, commit),
      branches: repo.refs.list("refs/heads/").filter((entry) => entry.sha === sha).map((entry) => ({
        name: entry.ref.slice("refs/heads/".length),
        commit: { sha, url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`) },
        protected: false
      })),
      created_at: now,
      updated_at: now,
      avatar_url: null
    });
    return json(201, statusShape(world, repo, status));
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/statuses", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${req.params.ref}`);
    const statuses = repo.statuses.filter((status) => status.sha === sha).sort((a, b) => b.id - a.id);
    const { page: page2, headers } = paginate(world, req, statuses);
    return json(
      200,
      page2.map((status) => statusShape(world, repo, status)),
      headers
    );
  });
  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/status", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${req.params.ref}`);
    const { state, latest } = combineStatuses(repo.statuses.filter((status) => status.sha === sha));
    return json(200, {
      state,
      statuses: latest.map((status) => statusShape(world, repo, status)),
      sha,
      total_count: latest.length,
      repository: repositoryShape(world, repo),
      commit_url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}`),
      url: world.apiUrl(`/repos/${fullName(repo)}/commits/${sha}/status`)
    });
  });
}

// packages/sandbox/routes/team-routes.ts
function registerTeamRoutes(table) {
  table.add("GET", "/orgs/{org}/teams/{team_slug}/members", async (req, world) => {
    if (req.identity.kind === "installation" && !world.appReadsMembers) {
      throw new ApiError(403, "Resource not accessible by integration");
    }
    if (req.identity.kind === "anonymous") throw new ApiError(401, "Requires authentication");
    const members = world.teams.get(`${req.params.org ?? ""}/${req.params.team_slug ?? ""}`.toLowerCase());
    if (!members) throw notFound();
    const users = members.flatMap((login) => {
      const user = world.user(login);
      return user ? [user] : [];
    });
    return paginated(world, req, users, (user) => userShape(world, user));
  });
}

// packages/sandbox/routes/all-routes.ts
function createRouteTable() {
  const table = new RouteTable();
  registerAppRoutes(table);
  registerRepoRoutes(table);
  registerProtectionRoutes(table);
  registerActivityRoutes(table);
  registerGitDataRoutes(table);
  registerCommitRoutes(table);
  registerContentsRoutes(table);
  registerIssueRoutes(table);
  registerPullRoutes(table);
  registerCheckRoutes(table);
  registerStatusRoutes(table);
  registerReleaseRoutes(table);
  registerDeploymentRoutes(table);
  registerTeamRoutes(table);
  registerGraphqlRoutes(table);
  registerSearchRoutes(table);
  return table;
}

// packages/sandbox/sandbox-client.ts
var SandboxRequestError = class extends Error {
  constructor(method, path, status, body) {
    const message = body?.message;
    super(`${method} ${path} -> ${status}${typeof message === "string" ? `: ${message}` : ""}`);
    this.method = method;
    this.path = path;
    this.status = status;
    this.body = body;
    this.name = "SandboxRequestError";
  }
  method;
  path;
  status;
  body;
};
var SandboxClient = class {
  constructor(server, token) {
    this.server = server;
    this.token = token;
  }
  server;
  token;
  async request(method, path, body, headers = {}) {
    const output = await this.server.dispatch({
      method,
      url: path,
      headers: {
        ...this.token ? { authorization: `token ${this.token}` } : {},
        ...body !== void 0 ? { "content-type": "application/json" } : {},
        ...headers
      },
      body: body === void 0 ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), "utf8")
    });
    const contentType2 = output.headers["content-type"] ?? "";
    const data = output.body.length === 0 ? void 0 : contentType2.includes("json") ? JSON.parse(output.body.toString("utf8")) : output.body.toString("utf8");
    if (output.status >= 400 || output.status === 0)
      throw new SandboxRequestError(method, path, output.status, data);
    return { status: output.status, data, headers: output.headers };
  }
};

// packages/sandbox/seed-repository.ts
async function seedRepository(world, spec) {
  const owner = spec.owner ?? "acme";
  const repo = await world.createRepository({
    owner,
    name: spec.name,
    ...spec.defaultBranch ? { defaultBranch: spec.defaultBranch } : {},
    ...spec.description ? { description: spec.description } : {}
  });
  for (const [login, permission] of Object.entries(spec.collaborators ?? {})) {
    const user = world.ensureUser(login);
    repo.collaborators.set(user.login.toLowerCase(), permission);
  }
  for (const label of spec.labels ?? []) {
    const { name, color, description } = typeof label === "string" ? { name: label, color: void 0, description: void 0 } : label;
    repo.labels.set(name.toLowerCase(), {
      id: world.nextId(),
      name,
      color: color ?? "ededed",
      description: description ?? null,
      isDefault: false
    });
  }
  let tick = 0;
  const commitOnto = async (parent, commit) => {
    const store = repo.store;
    const edits = [];
    for (const [path, file] of Object.entries(commit.files)) {
      if (file === null) {
        edits.push({ path, entry: null });
        continue;
      }
      const content = typeof file === "string" || Buffer.isBuffer(file) ? file : file.content;
      const mode = typeof file === "string" || Buffer.isBuffer(file) ? "100644" : file.mode;
      const sha = await store.writeBlob(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"));
      edits.push({ path, entry: { mode, type: "blob", sha } });
    }
    const baseTree = parent ? (await store.readCommit(parent))?.tree ?? null : null;
    const tree = await store.editTree(baseTree, edits);
    const author = world.ensureUser(commit.author ?? repo.owner.login);
    const date = new Date(world.options.clock().getTime() + 1e3 * tick++).toISOString();
    const identity = { name: author.name, email: author.email, date };
    return store.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      message: commit.message,
      author: identity,
      committer: identity
    });
  };
  const history = spec.history ?? [{ message: "Initial commit", files: { "README.md": `# ${spec.name}
` } }];
  let tip = null;
  for (const commit of history) tip = await commitOnto(tip, commit);
  if (!tip) throw new Error(`${owner}/${spec.name}: the default branch needs at least one commit`);
  repo.refs.create(`refs/heads/${repo.defaultBranch}`, tip);
  const branches = spec.branches ?? { develop: {} };
  for (const [branch, { from, commits }] of Object.entries(branches)) {
    let branchTip = from ? repo.refs.get(`refs/heads/${from}`) ?? from : tip;
    for (const commit of commits ?? []) branchTip = await commitOnto(branchTip, commit);
    if (!branchTip) throw new Error(`${owner}/${spec.name}: branch ${branch} has no commit`);
    repo.refs.create(`refs/heads/${branch}`, branchTip);
  }
  await repo.store.flush();
  return repo;
}

// packages/sandbox/services/merge-group.ts
async function enqueueMergeGroup(world, repo, number, actor) {
  const pull = repo.pulls.get(number);
  if (!pull) throw notFound();
  const baseSha = repo.refs.get(`refs/heads/${pull.baseRef}`);
  if (!baseSha) throw new ApiError(422, `base branch ${pull.baseRef} is gone`);
  const merge = await repo.store.mergeTree(baseSha, pull.headSha);
  if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
  const now = world.now();
  const identity = { name: "GitHub", email: "noreply@github.com", date: now };
  const headSha = await repo.store.writeCommit({
    tree: merge.tree,
    parents: [baseSha, pull.headSha],
    message: `Merge pull request #${number} from ${repo.owner.login}/${pull.headRef}

${repo.issues.get(number)?.title ?? ""}`,
    author: identity,
    committer: identity
  });
  const headRef = `refs/heads/gh-readonly-queue/${pull.baseRef}/pr-${number}-${pull.headSha}`;
  await createRef(world, repo, headRef, headSha, actor);
  const commit = await repo.store.readCommit(headSha);
  if (!commit) throw new Error(`merge group commit ${headSha} vanished`);
  announce(world, repo, "merge_group", actor, {
    action: "checks_requested",
    merge_group: {
      head_sha: headSha,
      head_ref: headRef,
      base_sha: baseSha,
      base_ref: `refs/heads/${pull.baseRef}`,
      head_commit: simpleCommitShape(commit)
    }
  });
  return { headSha, headRef };
}

// packages/sandbox/services/ready-for-review.ts
async function markReadyForReview(world, repo, number, actor) {
  const pull = repo.pulls.get(number);
  const issue = repo.issues.get(number);
  if (!pull || !issue) throw notFound();
  if (issue.state !== "open") throw new ApiError(422, "Pull request is closed");
  if (!pull.draft) return;
  pull.draft = false;
  issue.updatedAt = world.now();
  await announcePull(world, repo, pull, "ready_for_review", actor);
}

// packages/sandbox/services/web-editor-commit.ts
async function commitInWebEditor(world, repo, person, input) {
  const ref = `refs/heads/${input.branch}`;
  const tip = repo.refs.get(ref);
  if (!tip) throw new ApiError(404, `Branch ${input.branch} not found`);
  const tipTree = await repo.store.treeOf(tip);
  const edits = await Promise.all(
    Object.entries(input.files).map(async ([path, text]) => ({
      path,
      entry: {
        mode: "100644",
        type: "blob",
        sha: await repo.store.writeBlob(Buffer.from(text, "utf8"))
      }
    }))
  );
  const tree = await repo.store.editTree(tipTree, edits);
  const now = world.now();
  const sha = await repo.store.writeCommit(
    {
      tree,
      parents: [tip],
      message: input.message,
      author: gitIdentityOf(person, now),
      committer: { ...WEB_FLOW, date: now }
    },
    webFlowSigner(world)
  );
  await moveRef(world, repo, ref, sha, person, { expected: tip });
  return sha;
}

// packages/sandbox/state/world.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { join as join2 } from "node:path";
var InvalidNameError = class extends Error {
  constructor(kind, name) {
    super(`invalid ${kind} name: ${JSON.stringify(name)}`);
    this.name = "InvalidNameError";
  }
};
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var World = class {
  constructor(options) {
    this.options = options;
    const owner = this.ensureUser("acme", "Organization");
    this.app = this.registerApp({ ...options.app, owner });
  }
  options;
  baseUrl = "http://127.0.0.1";
  users = /* @__PURE__ */ new Map();
  repos = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  apps = /* @__PURE__ */ new Map();
  app;
  /** The key GitHub signs its own commits with (web-flow). */
  webFlow = new WebFlowKey();
  /** `org/slug` (lower case) -> member logins. */
  teams = /* @__PURE__ */ new Map();
  /**
   * Whether the App under test holds the organization permission Members: read. Off by default, as for an App
   * that never asked for it: team listings then answer its installation token 403.
   */
  appReadsMembers = false;
  id = 1e3;
  listeners = [];
  nextId() {
    this.id += 1;
    return this.id;
  }
  /** Now, as GitHub writes times: ISO 8601 in UTC without milliseconds. */
  now() {
    return this.options.clock().toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  apiUrl(path) {
    return `${this.baseUrl}${path}`;
  }
  htmlUrl(path) {
    return `${this.baseUrl}/html${path}`;
  }
  ensureUser(login, type = "User") {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    if (!NAME.test(login.replace(/\[bot\]$/, ""))) throw new InvalidNameError("user", login);
    const user = {
      login,
      id: this.nextId(),
      type,
      name: login,
      email: (
        // GitHub writes `<id>+<slug>[bot]@…`; the brackets are left out so that the address is a valid email,
        // which GitHub's published webhook schemas require of commit authors and pushers.
        type === "Bot" ? `${this.id}+${login.replace(/\[bot\]$/, "")}@users.noreply.github.com` : `${login}@users.noreply.github.com`
      )
    };
    this.users.set(login.toLowerCase(), user);
    return user;
  }
  user(login) {
    return this.users.get(login.toLowerCase()) ?? null;
  }
  /** A token for a user (`ghp_…`), so scripted people are told apart from the App in logs and counters. */
  tokenFor(login) {
    const user = this.ensureUser(login);
    for (const [token2, identity] of this.tokens) {
      if (identity.kind === "user" && identity.user === user) return token2;
    }
    const token = `ghp_${login.replace(/\W/g, "")}_${randomBytes3(6).toString("hex")}`;
    this.tokens.set(token, { kind: "user", user, token });
    return token;
  }
  registerApp(input) {
    const existing = this.apps.get(input.slug);
    if (existing) return existing;
    const app = {
      id: input.id,
      slug: input.slug,
      name: input.name,
      owner: input.owner ?? this.ensureUser("acme", "Organization"),
      bot: this.ensureUser(`${input.slug}[bot]`, "Bot"),
      installationId: input.installationId,
      createdAt: this.now()
    };
    this.apps.set(app.slug, app);
    return app;
  }
  appById(id) {
    return [...this.apps.values()].find((app) => app.id === id) ?? null;
  }
  appByInstallation(installationId) {
    return [...this.apps.values()].find((app) => app.installationId === installationId) ?? null;
  }
  /** Hands out an installation token (`ghs_…`) for an app. */
  issueInstallationToken(app) {
    const token = `ghs_${app.slug.replace(/\W/g, "")}_${randomBytes3(12).toString("hex")}`;
    this.tokens.set(token, { kind: "installation", app, user: app.bot, token });
    return token;
  }
  repo(owner, name) {
    return this.repos.get(`${owner}/${name}`.toLowerCase()) ?? null;
  }
  async createRepository(input) {
    if (!NAME.test(input.name)) throw new InvalidNameError("repository", input.name);
    const key = `${input.owner}/${input.name}`.toLowerCase();
    const found = this.repos.get(key);
    if (found) return found;
    const owner = this.ensureUser(input.owner, input.owner === "acme" ? "Organization" : "User");
    const store = await GitStore.create(join2(this.options.dir, `${input.owner}--${input.name}.git`));
    const now = this.now();
    const repo = {
      id: this.nextId(),
      owner,
      name: input.name,
      defaultBranch: input.defaultBranch ?? "main",
      description: input.description ?? null,
      private: input.private ?? false,
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      store,
      refs: new RefStore((change) => {
        void store.mirrorRef(change.ref, change.after);
      }),
      nextNumber: 1,
      issues: /* @__PURE__ */ new Map(),
      pulls: /* @__PURE__ */ new Map(),
      comments: /* @__PURE__ */ new Map(),
      labels: /* @__PURE__ */ new Map(),
      reviews: /* @__PURE__ */ new Map(),
      checkSuites: /* @__PURE__ */ new Map(),
      checkRuns: /* @__PURE__ */ new Map(),
      statuses: [],
      releases: /* @__PURE__ */ new Map(),
      deployments: /* @__PURE__ */ new Map(),
      deploymentStatuses: [],
      collaborators: /* @__PURE__ */ new Map([[owner.login.toLowerCase(), "admin"]]),
      dispatches: [],
      protections: /* @__PURE__ */ new Map(),
      activities: [],
      forkOf: null
    };
    this.repos.set(key, repo);
    return repo;
  }
  /**
   * A fork of `parent` owned by `ownerLogin`: the parent's branches, its git objects shared (a fork network shares
   * object storage on GitHub too). The fork's refs are mirrored into the shared git directory under
   * `refs/forks/<id>/` so that they never touch the parent's. The App is not installed on forks: no webhooks.
   */
  createFork(parent, ownerLogin) {
    const key = `${ownerLogin}/${parent.name}`.toLowerCase();
    const found = this.repos.get(key);
    if (found) return found;
    const owner = this.ensureUser(ownerLogin);
    const id = this.nextId();
    const now = this.now();
    const store = parent.store;
    const fork = {
      ...parent,
      id,
      owner,
      description: parent.description,
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      refs: new RefStore((change) => {
        void store.mirrorRef(change.ref.replace(/^refs\//, `refs/forks/${id}/`), change.after);
      }),
      nextNumber: 1,
      issues: /* @__PURE__ */ new Map(),
      pulls: /* @__PURE__ */ new Map(),
      comments: /* @__PURE__ */ new Map(),
      labels: /* @__PURE__ */ new Map(),
      reviews: /* @__PURE__ */ new Map(),
      checkSuites: /* @__PURE__ */ new Map(),
      checkRuns: /* @__PURE__ */ new Map(),
      statuses: [],
      releases: /* @__PURE__ */ new Map(),
      deployments: /* @__PURE__ */ new Map(),
      deploymentStatuses: [],
      collaborators: /* @__PURE__ */ new Map([[owner.login.toLowerCase(), "admin"]]),
      dispatches: [],
      activities: [],
      forkOf: parent
    };
    for (const { ref, sha } of parent.refs.list("refs/heads/")) fork.refs.create(ref, sha);
    this.repos.set(key, fork);
    return fork;
  }
  onAnnouncement(listener) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((candidate) => candidate !== listener);
    };
  }
  /** Publishes an event GitHub would deliver; the payload is complete (repository, sender, installation). */
  announce(announcement) {
    for (const listener of this.listeners) listener(announcement);
  }
};

// packages/sandbox/temp-dirs.ts
import { rmSync } from "node:fs";
var open = /* @__PURE__ */ new Set();
var hooked = false;
function trackTempDir(dir) {
  open.add(dir);
  if (hooked) return;
  hooked = true;
  process.once("exit", () => {
    for (const path of open) rmSync(path, { recursive: true, force: true });
  });
}
function untrackTempDir(dir) {
  open.delete(dir);
}

// packages/sandbox/webhooks/webhook-dispatcher.ts
import { randomUUID } from "node:crypto";

// packages/sandbox/webhooks/sign-payload.ts
import { createHmac as createHmac2 } from "node:crypto";
function signatureSha256(secret, body) {
  return `sha256=${createHmac2("sha256", secret).update(body, "utf8").digest("hex")}`;
}
function signatureSha1(secret, body) {
  return `sha1=${createHmac2("sha1", secret).update(body, "utf8").digest("hex")}`;
}

// packages/sandbox/webhooks/webhook-dispatcher.ts
var SettleTimeoutError = class extends Error {
  constructor(pending) {
    super(
      `webhook deliveries did not settle: ${pending.map(
        (delivery) => `${delivery.event}${delivery.action ? `.${delivery.action}` : ""} ${delivery.id} (${delivery.state})`
      ).join(", ")}`
    );
    this.name = "SettleTimeoutError";
  }
};
var WebhookDispatcher = class {
  constructor(options = {}) {
    this.options = options;
  }
  options;
  target = null;
  queue = [];
  inflight = /* @__PURE__ */ new Set();
  log = [];
  listeners = [];
  held = false;
  setTarget(target) {
    this.target = target;
    this.pump();
  }
  get deliveries() {
    return this.log;
  }
  /** Deliveries of one event name (and action), in order. */
  find(event, action) {
    return this.log.filter(
      (delivery) => delivery.event === event && (action === void 0 || delivery.action === action)
    );
  }
  get(id) {
    return this.log.find((delivery) => delivery.id === id);
  }
  /** Called for every event the moment it is announced (before sending). */
  onEvent(listener) {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at !== -1) this.listeners.splice(at, 1);
    };
  }
  /** Stops sending (events still queue up) until `release()`; lets a test deliver them its own way. */
  hold() {
    this.held = true;
  }
  release() {
    this.held = false;
    this.pump();
  }
  /** Queued deliveries not yet sent (while held). */
  pending() {
    return this.queue.map((entry) => entry.delivery);
  }
  clearLog() {
    this.log.length = 0;
  }
  enqueue(event, payload) {
    const delivery = this.record(randomUUID(), event, payload, JSON.stringify(payload), false);
    for (const listener of this.listeners) listener(delivery);
    this.submit(delivery);
    return delivery;
  }
  /** Sends a logged event again with the same delivery id, as GitHub's "Redeliver" button does. */
  redeliver(id) {
    const original = this.get(id);
    if (!original) throw new Error(`no delivery ${id}`);
    const copy = this.record(original.id, original.event, original.payload, original.body, true);
    return this.submit(copy).then(() => copy);
  }
  /**
   * Sends `times` copies of a logged event at once (same id), bypassing the queue's ordering: the way two
   * GitHub deliveries, or a delivery and its redelivery, can race.
   */
  async duplicate(id, times = 2) {
    const original = this.get(id);
    if (!original) throw new Error(`no delivery ${id}`);
    const copies = Array.from(
      { length: times },
      () => this.record(original.id, original.event, original.payload, original.body, true)
    );
    await Promise.all(copies.map((copy) => this.track(this.send(copy))));
    return copies;
  }
  /** Resolves when nothing is queued or in flight. Throws SettleTimeoutError after `timeoutMs` (default 60 s). */
  async settle(options = {}) {
    const deadline = Date.now() + (options.timeoutMs ?? 6e4);
    for (; ; ) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inflight.size === 0 && (this.queue.length === 0 || this.held || !this.target)) return;
      if (this.inflight.size === 0) this.pump();
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new SettleTimeoutError([
          ...this.queue.map((entry) => entry.delivery),
          ...this.log.filter((d) => d.state === "sending")
        ]);
      }
      let timer;
      await Promise.race([
        Promise.allSettled([...this.inflight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        })
      ]);
      clearTimeout(timer);
    }
  }
  record(id, event, payload, body, redelivery) {
    const action = typeof payload.action === "string" ? payload.action : null;
    const delivery = {
      id,
      event,
      action,
      payload,
      body,
      redelivery,
      state: "queued",
      status: null,
      error: null,
      ms: null,
      exceededTimeout: false
    };
    this.log.push(delivery);
    return delivery;
  }
  submit(delivery) {
    return new Promise((resolve) => {
      this.queue.push({ delivery, done: resolve });
      this.pump();
    });
  }
  pump() {
    const limit = Math.max(1, this.options.concurrency ?? 1);
    while (!this.held && this.inflight.size < limit && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      if (!this.target) {
        next.delivery.state = "not-sent";
        next.done();
        continue;
      }
      const tracked = this.send(next.delivery).finally(() => {
        this.inflight.delete(tracked);
        next.done();
        this.pump();
      });
      this.inflight.add(tracked);
    }
  }
  track(promise) {
    const tracked = promise.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return tracked;
  }
  async send(delivery) {
    const target = this.target;
    if (!target) {
      delivery.state = "not-sent";
      return;
    }
    delivery.state = "sending";
    const started = Date.now();
    const timeoutMs = this.options.timeoutMs ?? 1e4;
    const timer = setTimeout(() => {
      delivery.exceededTimeout = true;
    }, timeoutMs);
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sandbox",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": "1",
          "x-github-hook-installation-target-type": "integration",
          "x-github-hook-installation-target-id": "1",
          "x-hub-signature": signatureSha1(target.secret, delivery.body),
          "x-hub-signature-256": signatureSha256(target.secret, delivery.body)
        },
        body: delivery.body
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.state = response.ok ? "delivered" : "failed";
    } catch (error) {
      delivery.state = "failed";
      delivery.error = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
      delivery.ms = Date.now() - started;
    }
  }
};

// packages/sandbox/start-sandbox.ts
var Sandbox = class {
  constructor(world, server, dir, url, instruments) {
    this.world = world;
    this.server = server;
    this.dir = dir;
    this.url = url;
    this.requests = instruments.requests;
    this.webhooks = instruments.webhooks;
    this.faults = instruments.faults;
    this.latency = instruments.latency;
    this.interceptions = instruments.interceptions;
    this.gitHttp = instruments.gitHttp;
  }
  world;
  server;
  dir;
  url;
  requests;
  webhooks;
  faults;
  latency;
  /** Scripted turns of events on the App's requests (see `intercept`). */
  interceptions;
  /** Clones, fetches and pushes served over git's smart HTTP protocol (see `gitUrl`). */
  gitHttp;
  closed = false;
  work = /* @__PURE__ */ new Set();
  /** The App under test, as the sandbox knows it. */
  get app() {
    const app = this.world.app;
    return { id: app.id, slug: app.slug, installationId: app.installationId, identity: `app:${app.slug}` };
  }
  /** Request and write counters; `counters.forApp()` is what the App itself sent. */
  get counters() {
    return this.requests;
  }
  setWebhook(target) {
    this.webhooks.setTarget(target);
  }
  setFaults(options) {
    this.faults.configure(options);
  }
  setLatency(options) {
    this.latency.configure(options);
  }
  /**
   * The next `times` (default 1) of the App's requests to `route` (`PUT /repos/{owner}/{repo}/contents/{path}`)
   * first run `before` (the world changes just before GitHub serves it: a race), and with `refuse` are answered
   * with that status and message instead of being served. `clearInterceptions()` ends all of them.
   */
  intercept(options) {
    return this.interceptions.add(options);
  }
  clearInterceptions() {
    this.interceptions.clear();
  }
  /**
   * Starts recording conformance violations: every response, and every request body the App sends, checked
   * against GitHub's OpenAPI description. The description is loaded once per process (about a second).
   * Loaded on first use: conformance needs ajv and the OpenAPI description, development dependencies that the
   * demo in the packaged CLI does without.
   */
  async recordConformance() {
    const conformance = await import("./openapi-conformance-FUKOL7WY.js");
    validatorLoad ??= conformance.OpenApiValidator.load();
    const recorder = new conformance.ConformanceRecorder(await validatorLoad);
    this.observe(recorder.observe);
    return recorder;
  }
  /** Sees every request/response pair (conformance recording uses this). */
  observe(observer) {
    return this.server.observe(observer);
  }
  /** A fork of a repository (`acme/webshop`) owned by `owner`; PRs from it name their head `owner:branch`. */
  fork(source, owner) {
    const [sourceOwner = "", name = ""] = source.split("/");
    const parent = this.world.repo(sourceOwner, name);
    if (!parent) throw new Error(`no repository ${source}`);
    const fork = this.world.createFork(parent, owner);
    return `${fork.owner.login}/${fork.name}`;
  }
  /** A team of an organization (`acme/sre`) with these members; `GET /orgs/{org}/teams/{slug}/members` lists them. */
  createTeam(org, slug, members) {
    for (const login of members) this.world.ensureUser(login);
    this.world.teams.set(`${org}/${slug}`.toLowerCase(), members);
  }
  /** Grants (or withdraws) the App's organization permission Members: read, which team listings need. */
  grantMembersRead(granted = true) {
    this.world.appReadsMembers = granted;
  }
  async createRepository(spec) {
    const repo = await seedRepository(this.world, spec);
    return this.handle(repo);
  }
  /**
   * A sandbox repository made from a git repository on disk (its branches and tags), for histories too large
   * to seed commit by commit.
   */
  async importRepository(spec) {
    return this.handle(await importRepository(this.world, spec));
  }
  /**
   * Where git clones, fetches and pushes a repository over HTTP (`git clone <gitUrl>`), as from
   * `https://github.com/<owner>/<repo>.git`; credentials as on GitHub (`x-access-token:<token>`).
   */
  gitUrl(name) {
    return `${this.url}/${fullName(this.internalRepo(name))}.git`;
  }
  repository(name) {
    return this.handle(this.internalRepo(name));
  }
  /** The records behind a repository, for assertions on state (issues, pulls, check runs …). */
  internalRepo(name) {
    const [owner = "", repoName = ""] = name.split("/");
    const repo = this.world.repo(owner, repoName);
    if (!repo) throw new Error(`no repository ${name} in the sandbox`);
    return repo;
  }
  /** A token for a person (created on first use). */
  tokenFor(login) {
    return this.world.tokenFor(login);
  }
  /** A scripted person acting on a repository (`acme/webshop`). */
  as(login, repo) {
    this.internalRepo(repo);
    return new Person(login, repo, new SandboxClient(this.server, this.world.tokenFor(login)));
  }
  /** Another GitHub App (e.g. CI posting `critical-tests`) acting on a repository with its own installation. */
  asApp(slug, repo) {
    this.internalRepo(repo);
    return new OtherApp(slug, repo, new SandboxClient(this.server, this.tokenForApp(slug)));
  }
  /** An installation token of another App (registered on first use), e.g. a workflow's `github-actions`. */
  tokenForApp(slug) {
    const app = this.world.apps.get(slug) ?? this.world.registerApp({
      id: 100 + this.world.apps.size,
      slug,
      name: slug,
      installationId: 100 + this.world.apps.size
    });
    return this.world.issueInstallationToken(app);
  }
  /** An in-process client with any token (or none); for raw requests in tests. */
  client(token) {
    return new SandboxClient(this.server, token);
  }
  /** An installation token of the App under test, as Probot would obtain one. */
  appToken() {
    return this.world.issueInstallationToken(this.world.app);
  }
  /** Puts a pull request into the merge queue: a `gh-readonly-queue/...` branch and `merge_group checks_requested`. */
  async enqueueMergeGroup(repo, number, login) {
    return enqueueMergeGroup(this.world, this.internalRepo(repo), number, this.world.ensureUser(login));
  }
  /** Marks a draft PR ready for review, as a person does in the UI: `pull_request.ready_for_review`. */
  async markReadyForReview(repo, number, login) {
    await markReadyForReview(this.world, this.internalRepo(repo), number, this.world.ensureUser(login));
  }
  /** A commit made in GitHub's web editor on `branch` (signed by GitHub, as it does); returns its SHA. */
  commitInWebEditor(repo, login, input) {
    return commitInWebEditor(this.world, this.internalRepo(repo), this.world.ensureUser(login), input);
  }
  /**
   * Registers work that outlives a delivery (an App answering webhooks before its long steps finish), so
   * that `settle()` waits for it too. Returns a function that unregisters it.
   */
  trackWork(work) {
    this.work.add(work);
    return () => this.work.delete(work);
  }
  /**
   * Waits until no webhook delivery is queued or in flight and no tracked background work is running — the
   * App's own follow-up deliveries included, looping until everything is quiet.
   */
  async settle(options = {}) {
    const deadline = Date.now() + (options.timeoutMs ?? 6e4);
    for (; ; ) {
      await this.webhooks.settle({ timeoutMs: Math.max(1, deadline - Date.now()) });
      const busy = [...this.work].filter((work) => work.busy);
      if (busy.length === 0) return;
      if (Date.now() > deadline) throw new Error("settle: background work did not finish in time");
      await Promise.race([
        Promise.all(busy.map((work) => work.idle())),
        new Promise((resolve) => setTimeout(resolve, Math.max(1, deadline - Date.now())).unref())
      ]);
    }
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.webhooks.setTarget(null);
    await this.server.close();
    await Promise.all([...this.world.repos.values()].map((repo) => repo.store.flush()));
    await rm(this.dir, { recursive: true, force: true });
    untrackTempDir(this.dir);
  }
  handle(repo) {
    return {
      owner: repo.owner.login,
      name: repo.name,
      fullName: fullName(repo),
      gitDir: repo.store.gitDir,
      branch: (name) => repo.refs.get(`refs/heads/${name}`)
    };
  }
};
var validatorLoad = null;
async function startSandbox(options = {}) {
  await assertGitVersion();
  const dir = await mkdtemp(join3(options.tmpRoot ?? tmpdir(), "hotfix-sandbox-"));
  trackTempDir(dir);
  const world = new World({
    dir,
    clock: options.clock ?? (() => /* @__PURE__ */ new Date()),
    app: {
      id: options.app?.id ?? 1,
      slug: options.app?.slug ?? "hotfix-bot",
      name: options.app?.name ?? "hotfix-bot",
      installationId: options.app?.installationId ?? 1
    }
  });
  const requests = new RequestLog(() => `app:${world.app.slug}`);
  const faults = new FaultInjector();
  const latency = new LatencyInjector();
  const interceptions = new Interceptor();
  if (options.faults) faults.configure(options.faults);
  if (options.latency) latency.configure(options.latency);
  const webhooks = new WebhookDispatcher({ concurrency: options.webhookConcurrency ?? 1 });
  if (options.webhook) webhooks.setTarget(options.webhook);
  const events = options.events ? new Set(options.events) : null;
  world.onAnnouncement(({ event, payload }) => {
    if (!events || events.has(event)) webhooks.enqueue(event, payload);
  });
  const table = createRouteTable();
  const report = options.report ?? ((message) => process.stderr.write(`${message}
`));
  const server = new ApiServer(world, table, { log: requests, faults, latency, interceptions }, report);
  const gitHttp = new GitHttpBackend(world, latency, report);
  server.mount(gitHttp.handle);
  server.mount(htmlRoutes(world, report));
  let url;
  try {
    url = await server.listen(options.port ?? 0);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    untrackTempDir(dir);
    throw error;
  }
  world.baseUrl = url;
  return new Sandbox(world, server, dir, url, {
    requests,
    webhooks,
    faults,
    latency,
    interceptions,
    gitHttp: gitHttp.log
  });
}

// packages/sandbox/webshop-seed.ts
var WEBSHOP = {
  owner: "acme",
  name: "webshop",
  description: "A small web shop",
  collaborators: { alice: "write", bob: "write", carol: "read" },
  labels: [
    { name: "P0-hotfix", color: "b60205" },
    { name: "P1-hotfix", color: "d93f0b" },
    { name: "P2-hotfix", color: "fbca04" },
    { name: "backport", color: "0e8a16" }
  ],
  history: [
    {
      message: "Initial commit",
      files: {
        "README.md": "# webshop\n\nA small web shop.\n",
        "package.json": '{\n  "name": "webshop",\n  "version": "1.0.0",\n  "private": true\n}\n',
        "src/auth.js": "export function checkPassword(user, password) {\n  if (!user) return false;\n  return user.password === password;\n}\n",
        "src/cart.js": "export function total(items) {\n  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n}\n"
      }
    },
    {
      message: "Add tests",
      files: {
        "test/auth.test.js": 'import { checkPassword } from "../src/auth.js";\n\ntest("rejects a missing user", () => {\n  expect(checkPassword(null, "x")).toBe(false);\n});\n'
      }
    },
    {
      message: "Configure hotfix-bot",
      files: {
        ".github/hotfix.yml": "productionBranch: main\ndevelopBranch: develop\nchecks:\n  criticalTests: [critical-tests]\n  securityScan: [security-scan]\n",
        "CHANGELOG.md": "# Changelog\n\n## 1.0.0\n\n- First release\n"
      }
    }
  ],
  branches: {
    develop: {
      commits: [
        {
          message: "Add discounts",
          author: "bob",
          files: {
            "src/discount.js": "export function applyDiscount(total, percent) {\n  return total * (1 - percent / 100);\n}\n"
          }
        },
        {
          message: "Round cart totals",
          author: "alice",
          files: {
            "src/cart.js": "export function total(items) {\n  const sum = items.reduce((acc, item) => acc + item.price * item.quantity, 0);\n  return Math.round(sum * 100) / 100;\n}\n"
          }
        }
      ]
    }
  }
};

export {
  startSandbox,
  WEBSHOP
};
