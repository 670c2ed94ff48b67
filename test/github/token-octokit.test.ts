import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DryRunRefusal } from "../../src/action/dry-run.js";
import type { RecordedWrite } from "../../src/action/record-writes.js";
import { recordWrites } from "../../src/action/record-writes.js";
import { createTokenOctokit } from "../../src/github/token-octokit.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}

describe("createTokenOctokit, with the Action's recordWrites", () => {
  let server: Server;
  let apiUrl: string;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
      req.resume();
      req.on("end", () => {
        res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: 1, default_branch: "main" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // A GitHub Enterprise Server style base URL: the path prefix must be kept.
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  it("sends the token on Probot's Octokit and keeps the Enterprise path prefix", async () => {
    const writes: RecordedWrite[] = [];
    const octokit = recordWrites(
      createTokenOctokit({ token: "ghs_secret", apiUrl, log: quiet, userAgent: "test" }),
      {
        writes,
        dryRun: false,
        log: quiet,
      },
    );
    await octokit.rest.repos.get({ owner: "acme", repo: "webshop" });
    await octokit.request("POST /repos/{owner}/{repo}/issues", {
      owner: "acme",
      repo: "webshop",
      title: "t",
    });
    expect(seen).toEqual([
      { method: "GET", url: "/api/v3/repos/acme/webshop", authorization: "token ghs_secret" },
      { method: "POST", url: "/api/v3/repos/acme/webshop/issues", authorization: "token ghs_secret" },
    ]);
    expect(writes).toEqual([
      { method: "POST", path: "/api/v3/repos/acme/webshop/issues", body: { title: "t" }, result: "sent" },
    ]);
    expect(typeof octokit.config.get).toBe("function");
  });

  it("in a dry run reads but refuses every write before it leaves the process", async () => {
    const writes: RecordedWrite[] = [];
    const octokit = recordWrites(createTokenOctokit({ token: "t", apiUrl, log: quiet, userAgent: "test" }), {
      writes,
      dryRun: true,
      log: quiet,
    });
    await octokit.rest.repos.get({ owner: "acme", repo: "webshop" });
    for (const send of [
      () =>
        octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner: "acme",
          repo: "webshop",
          name: "x",
          head_sha: "a",
        }),
      () =>
        octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
          owner: "acme",
          repo: "webshop",
          issue_number: 1,
          state: "closed",
        }),
      () =>
        octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
          owner: "acme",
          repo: "webshop",
          ref: "heads/x",
        }),
      () =>
        octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
          owner: "acme",
          repo: "webshop",
          pull_number: 1,
        }),
    ]) {
      await expect(send()).rejects.toBeInstanceOf(DryRunRefusal);
    }
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
    expect(writes.map((w) => `${w.result} ${w.method} ${w.path}`)).toEqual([
      "refused POST /api/v3/repos/acme/webshop/check-runs",
      "refused PATCH /api/v3/repos/acme/webshop/issues/1",
      "refused DELETE /api/v3/repos/acme/webshop/git/refs/heads%2Fx",
      "refused PUT /api/v3/repos/acme/webshop/pulls/1/merge",
    ]);
    expect(writes[0]?.body).toEqual({ name: "x", head_sha: "a" });
  });
});
