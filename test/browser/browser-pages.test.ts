import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Sandbox, startSandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import type { Page } from "playwright-core";
import { runReport } from "../../src/cli/report.js";
import { type DemoPages, runDemo } from "../../src/demo/run-demo.js";
import {
  type BuiltApp,
  buildProductionApp,
  eventually,
  type ProductionServer,
  startProductionServer,
} from "../server/production-process.js";
import { type Browser, describeWithChromium, launchChromium, screenshotDir } from "../support/browser.js";
import { HOSTILE_TITLE } from "../support/hostile-text.js";

// The HTML report, the dashboard and the sandbox's pages, opened in a real browser (Debian's chromium through
// playwright-core): what a person sees is asserted on the DOM, and each page is photographed.

interface Figures {
  incidents: number;
  resolution: { medianMs: number | null; within: number; unresolvedOverdue: number };
  rollback: { rate: number | null };
  followUps: { completion: number | null; overdue: number };
  perIncident: unknown[];
}

async function reportJson(apiUrl: string, token: string, html?: string): Promise<Figures> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReport(
    ["--repo", "acme/webshop", "--api-url", apiUrl, "--json", ...(html ? ["--html", html] : [])],
    {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: { GITHUB_TOKEN: token, HOTFIX_BOT_APP: "hotfix-bot" },
    },
  );
  expect({ code, err: err.filter((line) => !line.startsWith("HTML report written")) }).toEqual({
    code: 0,
    err: [],
  });
  return JSON.parse(out.join("")) as Figures;
}

/** The headline figures as the page shows them: `data-value` of each `[data-figure]`. */
async function pageFigures(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-figure]", (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute("data-figure"), n.getAttribute("data-value")])),
  );
}

const value = (n: number | null) => (n === null ? "" : String(n));

function expectFiguresOf(shown: Record<string, string>, json: Figures) {
  expect(shown).toMatchObject({
    incidents: value(json.incidents),
    "resolution-median": value(json.resolution.medianMs),
    "resolution-within": value(json.resolution.within),
    "unresolved-overdue": value(json.resolution.unresolvedOverdue),
    "rollback-rate": value(json.rollback.rate),
    "follow-up-completion": value(json.followUps.completion),
    "follow-ups-overdue": value(json.followUps.overdue),
  });
}

/** No script ran: no dialog opened, no script element exists, and the page loaded nothing from elsewhere. */
function watchForScripts(page: Page): { dialogs: string[]; requests: string[] } {
  const seen = { dialogs: [] as string[], requests: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => seen.requests.push(request.url()));
  return seen;
}

describeWithChromium("hotfix-bot's pages in chromium", () => {
  let browser: Browser;
  let shots: string;
  beforeAll(async () => {
    browser = await launchChromium();
    shots = await screenshotDir();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test("after a demo run: the HTML report's figures are report --json's; the sandbox's incident and PR pages", async () => {
    const work = await mkdtemp(join(tmpdir(), "hotfix-browser-"));
    let kept: DemoPages | null = null;
    try {
      const code = await runDemo({
        json: false,
        realisticPacing: false,
        write: () => {},
        keep: async (pages) => {
          kept = pages;
          const page = await browser.context.newPage();
          const seen = watchForScripts(page);

          // The report, as `report --html` writes it, opened from the file.
          const file = join(work, "report.html");
          const json = await reportJson(pages.sandbox, pages.readToken, file);
          await page.goto(pathToFileURL(file).href);
          expectFiguresOf(await pageFigures(page), json);
          expect(await page.locator("#incidents tbody tr").count()).toBe(json.perIncident.length);
          for (const name of [
            /Recovery time per incident/,
            /Detection → PR → merge → deploy/,
            /Rollback rate and follow-up/,
            /Incidents per week/,
          ])
            await expect(page.getByRole("img", { name }).count()).resolves.toBe(1);
          expect(await page.getAttribute("html", "lang")).toBe("en");
          await page.screenshot({ path: join(shots, "report.png"), fullPage: true });
          expect((await readFile(join(shots, "report.png"))).subarray(1, 4).toString()).toBe("PNG");

          // The incident as a newcomer sees it: the label, the bot's timeline rendered, the checklist.
          const incident = await page.goto(pages.incident);
          expect(incident?.status()).toBe(200);
          expect(incident?.headers()["content-security-policy"]).toContain("default-src 'none'");
          await expect(page.locator("[data-title]").textContent()).resolves.toBe(
            "Checkout: logins fail for users without a password",
          );
          const bot = page.locator("article[data-comment-id]", { hasText: "hotfix-bot[bot]" });
          expect(await bot.count()).toBeGreaterThan(0);
          expect(await page.locator("body").innerText()).not.toContain("hotfix-bot:timeline");
          await page.screenshot({ path: join(shots, "sandbox-incident.png"), fullPage: true });

          // The hotfix PR: merged, the gate green with its output, the files changed.
          await page.goto(pages.pullRequest);
          await expect(page.locator("[data-state]").first().getAttribute("data-state")).resolves.toBe(
            "merged",
          );
          const gate = page.locator('[data-check-run="hotfix-gate"]');
          await expect(gate.locator("[data-conclusion]").getAttribute("data-conclusion")).resolves.toBe(
            "success",
          );
          expect((await gate.innerText()).length).toBeGreaterThan(40);
          expect(await page.locator('[data-file="src/auth.js"]').count()).toBe(1);
          await page.screenshot({ path: join(shots, "sandbox-pull-request.png"), fullPage: true });

          expect(seen.dialogs).toEqual([]);
          expect(
            seen.requests.filter((url) => !url.startsWith("file:") && !url.startsWith(pages.sandbox)),
          ).toEqual([]);
          await page.close();
        },
      });
      expect(code).toBe(0);
      expect(kept).not.toBeNull();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 240_000);

  describe("the dashboard of the production server", () => {
    const token = randomBytes(24).toString("hex");
    const secret = randomBytes(16).toString("hex");
    let built: BuiltApp;
    let sandbox: Sandbox;
    let server: ProductionServer;
    beforeAll(async () => {
      built = await buildProductionApp();
      sandbox = await startSandbox();
      await sandbox.createRepository(WEBSHOP);
      server = await startProductionServer(built, sandbox, { secret, env: { DASHBOARD_TOKEN: token } });
      sandbox.setWebhook({ url: `${server.url}/api/github/webhooks`, secret });
      const alice = sandbox.as("alice", "acme/webshop");
      await alice.createIssue({ title: "Checkout is down", labels: ["P0-hotfix"] });
      await alice.createIssue({ title: HOSTILE_TITLE, labels: ["P1-hotfix"] });
      await sandbox.settle({ timeoutMs: 90_000 });
      // Intake runs after the delivery is answered: wait for both timelines, as a commander would see them.
      await eventually("intake of both incidents", () =>
        [...sandbox.internalRepo("acme/webshop").comments.values()].filter((c) =>
          c.body.includes("hotfix-bot:timeline"),
        ).length >= 2
          ? true
          : undefined,
      );
    }, 180_000);
    afterAll(async () => {
      sandbox?.setWebhook(null);
      await server?.stop();
      await sandbox?.close();
      built?.dispose();
    }, 60_000);

    test("without credentials or with a wrong token: the browser is asked to sign in and shown nothing", async () => {
      for (const password of [null, "wrong", `${token}x`]) {
        const page = await browser.context.newPage();
        if (password)
          await page.setExtraHTTPHeaders({
            authorization: `Basic ${Buffer.from(`ic:${password}`).toString("base64")}`,
          });
        // The 401 carries a Basic challenge; without a (right) password, chromium gives up the navigation.
        await expect(page.goto(`${server.url}/hotfix-bot`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
        await page.close();
      }
      const answer = await browser.context.request.get(`${server.url}/hotfix-bot`);
      expect(answer.status()).toBe(401);
      expect(answer.headers()["www-authenticate"]).toContain("Basic");
      expect(await answer.text()).not.toContain("Checkout");
    });

    test("with the token: open incidents, escaped titles, figures equal to report --json", async () => {
      const page = await browser.context.newPage();
      const seen = watchForScripts(page);
      await page.setExtraHTTPHeaders({
        authorization: `Basic ${Buffer.from(`ic:${token}`).toString("base64")}`,
      });
      const response = await page.goto(`${server.url}/hotfix-bot`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("[data-figure=open-incidents]").getAttribute("data-value")).resolves.toBe(
        "2",
      );
      const rows = page.locator("#open-incidents tbody tr");
      expect(await rows.count()).toBe(2);
      // P0 first; the hostile title shows as the text it is, and ran nothing.
      await expect(rows.nth(0).innerText()).resolves.toContain("Checkout is down");
      await expect(rows.nth(1).innerText()).resolves.toContain(HOSTILE_TITLE);
      expect(await page.locator("script, img, iframe").count()).toBe(0);
      const json = await reportJson(sandbox.url, sandbox.tokenFor("carol"));
      expectFiguresOf(await pageFigures(page), json);
      await page.screenshot({ path: join(shots, "dashboard.png"), fullPage: true });
      expect(seen.dialogs).toEqual([]);
      expect(seen.requests).toEqual([`${server.url}/hotfix-bot`]);
      await page.close();
    });
  });
});
