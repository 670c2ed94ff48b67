// Moved to test/support/config-of.ts; this path stays so that suites written against it keep working.
export { configOf } from "../support/config-of.js";
