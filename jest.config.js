import { availableParallelism } from "node:os";

/** @type {import('jest').Config} */
export default {
  // Jest's default (cores - 1) is one worker on a 2-core machine; the end-to-end tests mostly wait (sandbox HTTP,
  // child processes, paced writes), so two workers overlap them: about 4 minutes instead of 7 on 2 cores.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }],
  },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
};
