import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// `npm run sandbox` is the `hotfix-bot sandbox` command run from source (scripts/hotfix-bot.ts), the one launcher.
test("npm run sandbox prints its URL first, serves acme/webshop with main and develop, and stops on SIGTERM", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/hotfix-bot.ts", "sandbox", "--port", "0"],
    {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", () => reject(new Error("the sandbox exited before printing its URL")));
    });
    const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
    expect(match).not.toBeNull();
    const url = match?.[1] as string;
    const repo = (await (await fetch(`${url}/repos/acme/webshop`)).json()) as { default_branch: string };
    expect(repo.default_branch).toBe("main");
    const branches = (await (await fetch(`${url}/repos/acme/webshop/branches`)).json()) as { name: string }[];
    expect(branches.map((branch) => branch.name)).toEqual(["develop", "main"]);
    const history = (await (
      await fetch(`${url}/repos/acme/webshop/commits?sha=develop`)
    ).json()) as unknown[];
    expect(history.length).toBeGreaterThan(3);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
}, 30_000);
