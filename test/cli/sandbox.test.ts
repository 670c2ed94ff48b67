import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { launcher } from "./run-cli.js";

/** Reads stdout lines until `count` have arrived (bounded by a timeout). */
function firstLines(child: ChildProcess, count: number, timeoutMs = 20_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const timer = setTimeout(
      () => reject(new Error(`only ${lines.length} lines: ${lines.join(" | ")}`)),
      timeoutMs,
    );
    const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === count) {
        clearTimeout(timer);
        reader.close();
        resolve(lines);
      }
    });
  });
}

describe("hotfix-bot sandbox", () => {
  it("serves acme/webshop on 127.0.0.1, says so on its first line, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [launcher, "sandbox"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const lines = await firstLines(child, 4);
      const url = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? "")?.[1];
      expect(url).toBeDefined();
      const token = /^token for bob: (\S+)$/.exec(lines[3] ?? "")?.[1];
      expect(token).toBeDefined();

      const response = await fetch(`${url}/repos/acme/webshop`, {
        headers: { authorization: `token ${token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ full_name: "acme/webshop", default_branch: "main" });
      const develop = await fetch(`${url}/repos/acme/webshop/branches/develop`, {
        headers: { authorization: `token ${token}` },
      });
      expect(develop.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("rejects a bad port as a usage error", async () => {
    const child = spawn(process.execPath, [launcher, "sandbox", "--port", "http"], { stdio: "ignore" });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
  });
});
