// The sandbox test kit now lives in test/support/; this path stays so that suites written against it keep working.
export { git, importCommits, importConflictingModules, treeFiles } from "../support/git.js";
export {
  appOctokit,
  FIXED_CLOCK,
  failure,
  type TestOctokit,
  userOctokit,
} from "../support/sandbox-octokit.js";
