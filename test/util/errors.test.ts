import { ActionInputError } from "../../src/action/inputs.js";
import { RunnerEnvError } from "../../src/action/runner-env.js";
import { PipelineClaimedError } from "../../src/after-merge/pipeline-claim.js";
import { WorkflowPermissionError } from "../../src/cherry-pick/backport-errors.js";
import { CliEnvError } from "../../src/cli/github-context.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { ConfigError } from "../../src/config/config-error.js";
import { GlobSyntaxError } from "../../src/patterns/glob.js";
import { errorMessage, HotfixBotError, isErrorOfKind } from "../../src/util/errors.js";

describe("errorMessage", () => {
  test("is an Error's message, and anything else thrown as text", () => {
    expect(errorMessage(new TypeError("bad input"))).toBe("bad input");
    expect(errorMessage("plain text")).toBe("plain text");
    expect(errorMessage(42)).toBe("42");
    expect(errorMessage(undefined)).toBe("undefined");
  });
});

describe("HotfixBotError", () => {
  test("every error carries its kind, so callers decide by kind rather than by name", () => {
    const errors: [HotfixBotError, string][] = [
      [new UsageError("sweep", "--repo OWNER/NAME is required"), "usage"],
      [new CliEnvError("GITHUB_TOKEN is not set"), "usage"],
      [new ActionInputError("dry-run", "expected true or false"), "usage"],
      [new RunnerEnvError("GITHUB_REPOSITORY", "not set"), "usage"],
      [
        new ConfigError(".github/hotfix.yml", [{ path: "severity", message: "expected an object" }]),
        "config",
      ],
      [new GlobSyntaxError("[a", "unclosed ["), "config"],
      [new PipelineClaimedError({ owner: "acme", repo: "webshop" }, 7), "contention"],
      [new WorkflowPermissionError([".github/workflows/ci.yml"], null), "refused"],
    ];
    for (const [error, kind] of errors) {
      expect(error).toBeInstanceOf(HotfixBotError);
      expect(error).toBeInstanceOf(Error);
      expect(error.kind).toBe(kind);
      expect(isErrorOfKind(error, kind as HotfixBotError["kind"])).toBe(true);
    }
  });

  test("an error that only shares a name with ours is not of any kind", () => {
    const lookalike = Object.assign(new Error("GITHUB_TOKEN is not set"), {
      name: "CliEnvError",
      kind: "usage",
    });
    expect(isErrorOfKind(lookalike, "usage")).toBe(false);
    expect(isErrorOfKind("usage", "usage")).toBe(false);
  });
});
