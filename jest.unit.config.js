import base from "./jest.config.js";

/**
 * `npm run test:unit`: the tests of pure code (decisions, rules, configuration, text, rendering, the content merge),
 * for the edit-test loop. `npm test` still runs everything. Left out here: whatever starts the sandbox,
 * the App's server, a child process (the CLI, the Action bundle, git as the judge), Redis or a browser. A new test
 * of pure code needs nothing; a new slow test is a `*.sandbox.test.ts` or `*.e2e.test.ts`, or lives in one of the
 * folders below.
 * @type {import('jest').Config}
 */
export default {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    // By name: one effect on the sandbox, or the whole App end to end.
    "\\.sandbox\\.test\\.ts$",
    "\\.e2e\\.test\\.ts$",
    // By folder: suites that run the sandbox, programs or processes throughout.
    "<rootDir>/test/(sandbox|e2e|reliability|attacks|cli|package|app|server|dashboard|demo|browser)/",
    // The Action run as a runner runs it (bundle, child process, sandbox).
    "<rootDir>/test/action/(action-bundle.*|dist-fresh|gitignore|report-html|token-octokit)\\.test\\.ts$",
    // git itself as the judge of cherry-picks (property tests against `git cherry-pick`).
    "<rootDir>/test/cherry-pick/(cherry-pick.*|manual-steps|place-bot-branch)\\.test\\.ts$",
    // The sandbox or Redis behind a unit.
    "<rootDir>/test/after-merge/pipeline-claim\\.test\\.ts$",
    "<rootDir>/test/util/(redis-mutex-lock|secondary-rate-limit)\\.test\\.ts$",
  ],
};
