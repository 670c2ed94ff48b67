import { type Sandbox, type SandboxOptions, startSandbox } from "@hotfix-bot/sandbox";
import { appOctokit, type TestOctokit } from "./sandbox-octokit.js";

export interface SandboxPerFile {
  /** The file's sandbox (read it inside a test or a hook). */
  readonly sandbox: Sandbox;
  /** Octokit as the App uses it on that sandbox (installation token; no throttling, no retries). */
  readonly octokit: TestOctokit;
}

/**
 * One sandbox shared by the tests of a file (or of the `describe` it is called in): started before the first,
 * closed after the last. Tests keep apart by working in repositories of their own.
 */
export function sandboxPerFile(options: SandboxOptions = {}): SandboxPerFile {
  let sandbox: Sandbox | null = null;
  let octokit: TestOctokit | null = null;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
    octokit = appOctokit(sandbox);
  });
  afterAll(() => sandbox?.close());
  return {
    get sandbox() {
      if (!sandbox) throw new Error("no sandbox yet: use it inside a test or a hook");
      return sandbox;
    },
    get octokit() {
      if (!octokit) throw new Error("no sandbox yet: use it inside a test or a hook");
      return octokit;
    },
  };
}
