import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { isCi } from "./redis-server.js";

// Browser tests drive the system's Debian chromium with playwright-core (which downloads no browser). Outside
// CI a machine without chromium skips them, saying why; under CI=true they are required and fail without it.

const INSTALL = "apt-get install -y chromium";

/** chromium (or chromium-browser) on PATH, as `which chromium` finds it; null when absent. */
export function findChromium(path = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export type BrowserPlan = { run: true } | { run: false; reason: string };

export function planBrowserSuites(installed: boolean, env: NodeJS.ProcessEnv): BrowserPlan {
  if (installed || isCi(env)) return { run: true };
  return {
    run: false,
    reason: `chromium is not installed (${INSTALL}); under CI=true these tests are required`,
  };
}

/** `describe` for tests that need chromium; skipped with the reason where `planBrowserSuites` says so. */
export function describeWithChromium(title: string, body: () => void): void {
  const plan = planBrowserSuites(findChromium() !== null, process.env);
  if (plan.run) {
    describe(title, body);
    return;
  }
  process.stderr.write(`${title}: skipped, ${plan.reason}\n`);
  // Skipped only without chromium outside CI; the title and the line above say why.
  describe.skip(`${title} (skipped: ${plan.reason})`, body);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless chromium with a fresh profile; throws, naming the install command, where it is missing. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(`chromium is not on PATH: the browser tests need it (.ci/run: ${INSTALL})`);
  const profile = await mkdtemp(join(tmpdir(), "hotfix-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    // The profile is passed by Playwright as --user-data-dir; the rest keeps chromium quiet and offline.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Where screenshots go: a directory of the test run (printed), or docs/ (the README's pictures) when
 * HOTFIX_BOT_SCREENSHOTS=docs.
 */
export async function screenshotDir(): Promise<string> {
  const dir =
    process.env.HOTFIX_BOT_SCREENSHOTS === "docs"
      ? fileURLToPath(new URL("../../docs", import.meta.url))
      : join(tmpdir(), "hotfix-bot-screenshots");
  await mkdir(dir, { recursive: true });
  return dir;
}
