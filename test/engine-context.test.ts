import type { ConfigResult } from "../src/config/parse-config.js";
import type { Octokit } from "../src/context.js";
import { createEngineContext, createEngineLocks } from "../src/engine-context.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const repo = { owner: "acme", repo: "webshop" };
// No request is made: every read below goes through the loaders the test passes.
const octokit = {} as Octokit;

function deferred() {
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { done, release };
}

describe("createEngineContext", () => {
  test("reads the configuration and asks the identity only when asked, and then once", async () => {
    let configReads = 0;
    let identityAsks = 0;
    const ctx = createEngineContext({
      octokit,
      repo,
      log: quiet,
      locks: createEngineLocks(),
      readConfig: async () => {
        configReads += 1;
        return { ok: false, error: new Error("unused") } as unknown as ConfigResult;
      },
      identity: async () => {
        identityAsks += 1;
        return { appId: 7, stateSecret: null };
      },
    });
    expect([configReads, identityAsks]).toEqual([0, 0]);
    await Promise.all([ctx.config(), ctx.config()]);
    await ctx.identity();
    expect(await ctx.identity()).toEqual({ appId: 7, stateSecret: null });
    expect([configReads, identityAsks]).toEqual([1, 1]);
    expect(ctx.repo).toEqual(repo);
    expect(ctx.clock()).toBeInstanceOf(Date);
  });

  test("contexts of one process share its locks; another process's locks are its own", async () => {
    const locks = createEngineLocks();
    const options = { octokit, repo, log: quiet, identity: async () => ({ appId: 7, stateSecret: null }) };
    const first = createEngineContext({ ...options, locks });
    const second = createEngineContext({ ...options, locks });
    const elsewhere = createEngineContext({ ...options, locks: createEngineLocks() });

    const order: string[] = [];
    const held = deferred();
    const running = first.locks.pipeline.run("acme/webshop#7", async () => {
      order.push("first starts");
      await held.done;
      order.push("first ends");
    });
    const queued = second.locks.pipeline.run("acme/webshop#7", async () => {
      order.push("second runs");
    });
    await elsewhere.locks.pipeline.run("acme/webshop#7", async () => {
      order.push("other process runs");
    });
    held.release();
    await Promise.all([running, queued]);
    expect(order).toEqual(["first starts", "other process runs", "first ends", "second runs"]);
  });
});
