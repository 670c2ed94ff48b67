import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

// `npm run demo -- --keep`: after the story the sandbox stays up, its pages answer, and Ctrl-C stops it.
const script = fileURLToPath(new URL("../../scripts/hotfix-bot.ts", import.meta.url));

test("demo --keep prints the incident's page, which answers until Ctrl-C", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", script, "demo", "--fast", "--keep"], {
    env: { PATH: process.env.PATH },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const incidentUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on("line", (line) => {
        const match =
          /^The sandbox stays up .*: incident (http:\/\/127\.0\.0\.1:\d+\/html\/acme\/webshop\/issues\/\d+)$/.exec(
            line,
          );
        if (match?.[1]) resolve(match[1]);
      });
      void exit.then((code) => reject(new Error(`the demo exited (${code}) before keeping the sandbox`)));
    });
    const page = await fetch(incidentUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Checkout: logins fail for users without a password");
    // The timeline comment, rendered: its steps are there, its hidden state is not.
    expect(html).toContain("hotfix-bot[bot]");
    expect(html).not.toContain("hotfix-bot:timeline");
    const pull = await fetch(incidentUrl.replace(/issues\/\d+$/, "pull/2"));
    expect(await pull.text()).toContain('data-check-run="hotfix-gate"');
    child.kill("SIGINT");
    expect(await exit).toBe(130);
  } finally {
    child.kill("SIGKILL");
  }
}, 120_000);
