import {
  type Permission,
  type RepositorySpec,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
  WEBSHOP,
} from "@hotfix-bot/sandbox";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import type { TimelineState } from "../../src/incident/timeline-state.js";
import {
  type AppOnSandbox,
  type AppOnSandboxOptions,
  startAppOnSandbox,
} from "../../src/sandbox-app/start-app-on-sandbox.js";
import { git } from "./git.js";

// The end-to-end stage every workflow suite needs: a fresh sandbox per test, a repository seeded in it, and the
// real Probot server running hotfix-bot against it (throttling and retries off, so writes do not wait). Both are
// closed after each test, whatever the test started.

/** The repository most suites play in (`WEBSHOP`, or `configuredWebshop`). */
export const WEBSHOP_REPO = "acme/webshop";

/**
 * acme/webshop with a configuration file committed on main, a develop branch and the given people: the repository
 * of the gate and attack suites, which start from one configuration each.
 */
export function configuredWebshop(
  config: string,
  options: {
    collaborators?: Record<string, Permission>;
    /** What the first commit holds (default a one-line `src/auth.js`). */
    files?: Record<string, string>;
    /** Other branches (default `develop`, cut from main). */
    branches?: RepositorySpec["branches"];
    labels?: RepositorySpec["labels"];
  } = {},
): RepositorySpec {
  return {
    owner: "acme",
    name: "webshop",
    collaborators: options.collaborators ?? { alice: "write" },
    history: [
      { message: "Initial commit", files: options.files ?? { "src/auth.js": "export const ok = 1;\n" } },
      { message: "Configure hotfix-bot", files: { ".github/hotfix.yml": config } },
    ],
    branches: options.branches ?? { develop: {} },
    ...(options.labels ? { labels: options.labels } : {}),
  };
}

export interface StageOptions {
  /** Options of `startSandbox` (clock, faults, report). */
  sandbox?: SandboxOptions;
  /** The repository to seed (default `WEBSHOP`); null seeds none. */
  repository?: RepositorySpec | null;
  /** Runs after seeding and before the App starts: push a configuration, cut branches, tag. */
  prepare?: (sandbox: Sandbox) => Promise<void>;
  /** Options of `startAppOnSandbox`, over the defaults (no throttling, no retries). */
  app?: AppOnSandboxOptions;
}

export interface AppOnSandboxStage {
  /** This test's sandbox (a new one each test: read it inside a test or a hook). */
  readonly sandbox: Sandbox;
  /** This test's App. */
  readonly app: AppOnSandbox;
  /** The sandbox's records of a repository: issues, pulls, comments, check runs (default the webshop). */
  repo(name?: string): ReturnType<Sandbox["internalRepo"]>;
  /** The state in the App's timeline comment on an issue (null: none yet). */
  timelineOf(issue: number, name?: string): TimelineState | null;
  /** git on the webshop's bare repository on disk, output trimmed. */
  git(...args: string[]): string;
}

export interface OnDemandStage extends AppOnSandboxStage {
  /** Starts this test's sandbox and seeds the repository (see StageOptions), without the App. */
  startSandbox(options?: Omit<StageOptions, "app" | "prepare">): Promise<Sandbox>;
  /** Starts the App on this test's sandbox. */
  startApp(options?: AppOnSandboxOptions): Promise<AppOnSandbox>;
  /** Both, with `prepare` in between. */
  start(options?: StageOptions): Promise<Sandbox>;
}

/**
 * For suites whose tests start the stage themselves (each with its own configuration, or the App only after a
 * history is in place): registers an `afterEach` that closes what the test started.
 */
export function appOnSandboxOnDemand(): OnDemandStage {
  let sandbox: Sandbox | null = null;
  let app: AppOnSandbox | null = null;

  afterEach(async () => {
    await app?.close();
    await sandbox?.close();
    app = null;
    sandbox = null;
  });

  const current = (): Sandbox => {
    if (!sandbox) throw new Error("no sandbox yet: start the stage inside a test or a hook");
    return sandbox;
  };
  const repo = (name = WEBSHOP_REPO) => current().internalRepo(name);
  const stage: OnDemandStage = {
    get sandbox() {
      return current();
    },
    get app() {
      if (!app) throw new Error("no App yet: start the stage inside a test or a hook");
      return app;
    },
    repo,
    timelineOf: (issue, name = WEBSHOP_REPO) =>
      parseTimeline(
        [...repo(name).comments.values()].find(
          (c) => c.issueNumber === issue && c.user.type === "Bot" && c.body.includes("hotfix-bot:timeline"),
        )?.body ?? "",
      ),
    git: (...args) => git(current().repository(WEBSHOP_REPO).gitDir, ...args).trim(),
    async startSandbox(options = {}) {
      sandbox = await startSandbox(options.sandbox);
      const repository = options.repository === undefined ? WEBSHOP : options.repository;
      if (repository) await sandbox.createRepository(repository);
      return sandbox;
    },
    async startApp(options = {}) {
      app = await startAppOnSandbox(current(), {
        throttle: { enabled: false },
        retry: { enabled: false },
        ...options,
      });
      return app;
    },
    async start(options = {}) {
      const started = await stage.startSandbox(options);
      await options.prepare?.(started);
      await stage.startApp(options.app);
      return started;
    },
  };
  return stage;
}

/**
 * The usual stage: before every test of the file (or of the `describe` it is called in) a sandbox with the
 * repository seeded and the App on it; both closed after the test.
 */
export function appOnSandboxEachTest(options: StageOptions = {}): AppOnSandboxStage {
  const stage = appOnSandboxOnDemand();
  beforeEach(() => stage.start(options));
  return stage;
}
