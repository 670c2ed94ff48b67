import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { FaultInjector } from "../../../packages/sandbox/instruments/faults.js";
import { LatencyInjector } from "../../../packages/sandbox/instruments/latency.js";
import { appOctokit, FIXED_CLOCK, failure } from "../../support/sandbox-octokit.js";

describe("FaultInjector (pure decisions)", () => {
  const sequence = (seed: number) => {
    const faults = new FaultInjector();
    faults.configure({
      seed,
      rate: 0.3,
      kinds: ["500", "502", "reset", "secondary-rate-limit"],
      phase: "mixed",
    });
    const decisions: string[] = [];
    for (let i = 0; i < 200; i++) {
      const path = `/repos/acme/webshop/issues/${i % 7}`;
      const decision = faults.decide(
        i % 3 === 0 ? "POST" : "GET",
        path,
        "/repos/{owner}/{repo}/issues/{issue_number}",
      );
      decisions.push(decision ? `${decision.kind}/${decision.phase}` : "-");
    }
    return decisions;
  };

  test("the same seed gives the same faults; another seed gives others; the rate is about right", () => {
    const first = sequence(42);
    expect(sequence(42)).toEqual(first);
    expect(sequence(43)).not.toEqual(first);
    const faulted = first.filter((decision) => decision !== "-").length;
    expect(faulted).toBeGreaterThan(30);
    expect(faulted).toBeLessThan(90);
    expect(new Set(first.filter((d) => d !== "-").map((d) => d.split("/")[0]))).toEqual(
      new Set(["500", "502", "reset", "secondary-rate-limit"]),
    );
    // Rate limits are always refusals, never applied-then-lost.
    expect(
      first.filter((d) => d.startsWith("secondary-rate-limit")).every((d) => d.endsWith("/before")),
    ).toBe(true);
  });

  test("decisions do not depend on how requests to different paths interleave", () => {
    const run = (order: string[]) => {
      const faults = new FaultInjector();
      faults.configure({ seed: 7, rate: 0.5 });
      return Object.fromEntries(
        order.map((path, i) => [`${path}#${i}`, faults.decide("GET", path, path)?.kind ?? "-"]),
      );
    };
    const a = ["/a", "/b", "/a", "/b"];
    const b = ["/b", "/a", "/b", "/a"];
    const ra = run(a);
    const rb = run(b);
    expect([ra["/a#0"], ra["/a#2"]]).toEqual([rb["/a#1"], rb["/a#3"]]);
    expect([ra["/b#1"], ra["/b#3"]]).toEqual([rb["/b#0"], rb["/b#2"]]);
  });

  test("route and method filters restrict which requests can fail", () => {
    const faults = new FaultInjector();
    faults.configure({ seed: 1, rate: 1, routes: ["POST /repos/{owner}/{repo}/git/refs"] });
    expect(faults.decide("GET", "/x", "/repos/{owner}/{repo}/git/refs")).toBeNull();
    expect(faults.decide("POST", "/x", "/repos/{owner}/{repo}/git/refs")).not.toBeNull();
    faults.configure({ seed: 1, rate: 1, methods: ["PATCH"] });
    expect(faults.decide("POST", "/x", "/r")).toBeNull();
    expect(faults.decide("PATCH", "/x", "/r")).not.toBeNull();
  });
});

test("LatencyInjector: fixed plus seeded jitter, only for the App unless scope is all", () => {
  const latency = new LatencyInjector();
  latency.configure({ fixedMs: 20, jitterMs: 10, seed: 3 });
  const delays = Array.from({ length: 20 }, () => latency.delayFor("GET", "/p", true));
  expect(delays.every((ms) => ms >= 20 && ms <= 30)).toBe(true);
  expect(new Set(delays).size).toBeGreaterThan(1);
  latency.configure({ fixedMs: 20, jitterMs: 10, seed: 3 });
  expect(Array.from({ length: 20 }, () => latency.delayFor("GET", "/p", true))).toEqual(delays);
  expect(latency.delayFor("GET", "/p", false)).toBe(0);
  latency.configure({ fixedMs: 5, scope: "all" });
  expect(latency.delayFor("GET", "/p", false)).toBe(5);
});

describe("faults on the wire", () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ clock: FIXED_CLOCK });
    await sandbox.createRepository({ name: "shop", collaborators: { alice: "write" } });
  });
  afterEach(() => sandbox.close());

  test("only the App's token is faulted; scripted people never are", async () => {
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["500"] });
    const alice = sandbox.as("alice", "acme/shop");
    await alice.createIssue({ title: "fine" });
    const octokit = appOctokit(sandbox);
    expect((await failure(octokit.rest.issues.listForRepo({ owner: "acme", repo: "shop" }))).status).toBe(
      500,
    );
    expect(
      sandbox.requests
        .all()
        .filter((r) => r.fault)
        .map((r) => r.identity),
    ).toEqual(["app:hotfix-bot"]);
  });

  test("phase after: the write happens, then the answer is lost (a retried POST would duplicate it)", async () => {
    sandbox.setFaults({
      seed: 1,
      rate: 1,
      kinds: ["502"],
      phase: "after",
      routes: ["POST /repos/{owner}/{repo}/issues"],
    });
    const octokit = appOctokit(sandbox);
    expect(
      (await failure(octokit.rest.issues.create({ owner: "acme", repo: "shop", title: "follow-up" }))).status,
    ).toBe(502);
    expect([...sandbox.internalRepo("acme/shop").issues.values()].map((issue) => issue.title)).toEqual([
      "follow-up",
    ]);
    sandbox.setFaults({
      seed: 1,
      rate: 1,
      kinds: ["502"],
      phase: "before",
      routes: ["POST /repos/{owner}/{repo}/issues"],
    });
    await failure(octokit.rest.issues.create({ owner: "acme", repo: "shop", title: "never" }));
    expect(sandbox.internalRepo("acme/shop").issues.size).toBe(1);
  });

  test("secondary and primary rate limits carry retry-after and x-ratelimit-* like GitHub", async () => {
    const octokit = appOctokit(sandbox);
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["secondary-rate-limit"], retryAfterSeconds: 7 });
    const secondary = (await octokit.rest.repos.get({ owner: "acme", repo: "shop" }).catch((e) => e)) as {
      status: number;
      response: { headers: Record<string, string>; data: { message: string } };
    };
    expect(secondary.status).toBe(403);
    expect(secondary.response.headers["retry-after"]).toBe("7");
    expect(secondary.response.data.message).toMatch(/secondary rate limit/);
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["rate-limit"], retryAfterSeconds: 60 });
    const primary = (await octokit.rest.repos.get({ owner: "acme", repo: "shop" }).catch((e) => e)) as {
      status: number;
      response: { headers: Record<string, string> };
    };
    expect(primary.status).toBe(403);
    expect(primary.response.headers["x-ratelimit-remaining"]).toBe("0");
    expect(Number(primary.response.headers["x-ratelimit-reset"])).toBe(
      Date.parse("2026-03-01T12:00:00Z") / 1000 + 60,
    );
  });

  test("a reset drops the connection: the client sees a network error, the log records the fault", async () => {
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["reset"] });
    const octokit = appOctokit(sandbox);
    const error = (await octokit.rest.repos.get({ owner: "acme", repo: "shop" }).catch((e) => e)) as {
      status?: number;
      response?: unknown;
    };
    // Octokit reports a dropped connection as status 500 without any response.
    expect(error.status).toBe(500);
    expect(error.response).toBeUndefined();
    expect(sandbox.requests.all().at(-1)).toMatchObject({ fault: "reset", status: 0 });
  });

  test("a timeout hangs, then drops the connection", async () => {
    sandbox.setFaults({ seed: 1, rate: 1, kinds: ["timeout"], timeoutMs: 50 });
    const octokit = appOctokit(sandbox);
    const error = (await octokit.rest.repos.get({ owner: "acme", repo: "shop" }).catch((e) => e)) as {
      status?: number;
      response?: unknown;
    };
    expect(error.status).toBe(500);
    expect(error.response).toBeUndefined();
    expect(sandbox.requests.all().at(-1)).toMatchObject({ fault: "timeout", status: 0 });
  });

  test("Octokit's retry plugin rides over 5xx faults to the same answer", async () => {
    sandbox.setFaults({ seed: 5, rate: 0.5, kinds: ["500", "502"] });
    const { ProbotOctokit } = await import("probot");
    const octokit = new ProbotOctokit({
      auth: { token: sandbox.appToken() },
      baseUrl: sandbox.url,
      throttle: { enabled: false },
      retry: { retries: 10, retryAfterBaseValue: 1 },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    for (let i = 0; i < 5; i++) {
      expect((await octokit.rest.repos.get({ owner: "acme", repo: "shop" })).data.full_name).toBe(
        "acme/shop",
      );
    }
    expect(sandbox.faults.injected.length).toBeGreaterThan(0);
  });

  test("counters count requests and writes per token and reset", async () => {
    const alice = sandbox.as("alice", "acme/shop");
    await alice.createIssue({ title: "x" });
    const octokit = appOctokit(sandbox);
    await octokit.rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: 1, body: "hi" });
    await octokit.rest.issues.get({ owner: "acme", repo: "shop", issue_number: 1 });
    expect(sandbox.counters.forApp()).toEqual({ requests: 2, writes: 1 });
    expect(sandbox.counters.forIdentity("user:alice")).toEqual({ requests: 1, writes: 1 });
    expect(sandbox.counters.total()).toEqual({ requests: 3, writes: 2 });
    expect(sandbox.counters.appWrites().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201",
    ]);
    sandbox.counters.reset();
    expect(sandbox.counters.forApp()).toEqual({ requests: 0, writes: 0 });
  });
});
