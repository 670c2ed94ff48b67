import { spawn } from "node:child_process";

// A test that closes its sandbox while an answer is still delayed (latency injected to make a step outlast a
// shutdown bound) must leave nothing that keeps its process alive: a jest worker held for the rest of the delay
// is force-killed at the end of the run. Checked in a process of its own, the way a worker would exit.
const script = `
import { startSandbox } from "@hotfix-bot/sandbox";
const sandbox = await startSandbox();
await sandbox.createRepository({ name: "shop" });
sandbox.setLatency({ fixedMs: 60_000 });
const pending = fetch(sandbox.url + "/repos/acme/shop/issues", {
  headers: { authorization: "token " + sandbox.appToken() },
}).catch(() => "dropped");
await new Promise((resolve) => setTimeout(resolve, 300));
await sandbox.close();
console.log("closed", await pending);
`;

test("closing the sandbox while an answer waits out its latency lets the process exit at once", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const outcome = await Promise.race([
    exited,
    new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 20_000).unref()),
  ]);
  child.kill("SIGKILL");
  expect({ outcome, output }).toEqual({ outcome: 0, output: "closed dropped\n" });
  // Far below the 60 s of latency, with room for a loaded machine.
  expect(Date.now() - started).toBeLessThan(20_000);
}, 30_000);
