// Moved to test/support/sandbox-octokit.ts; this path stays so that suites written against it keep working.
export { loseNextAnswer, retryingOctokit } from "../support/sandbox-octokit.js";
