import {
  REPORT_USAGE,
  runReport
} from "./chunk-K5NX3F2Y.js";
import "./chunk-45E5AWTP.js";
import "./chunk-Z4IIVL32.js";
import {
  EXIT
} from "./chunk-UNCCS3NG.js";

// src/cli/report.ts
var help = `Usage: hotfix-bot ${REPORT_USAGE.replace(/^Usage: /, "")}

Exit codes: 0 the report was printed, 1 it could not be made, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;
var command = {
  name: "report",
  help,
  async run(argv, io) {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(help);
      return EXIT.ok;
    }
    return runReport(argv, io);
  }
};
export {
  command
};
