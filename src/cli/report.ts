import { runReport } from "../metrics/report.js";
import { REPORT_USAGE } from "../metrics/report-args.js";
import type { Command } from "./command.js";
import { EXIT } from "./usage-error.js";

const help = `Usage: hotfix-bot ${REPORT_USAGE.replace(/^Usage: /, "")}

Exit codes: 0 the report was printed, 1 it could not be made, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;

/** The metrics report parses its own arguments (src/metrics/report-args.ts); this only puts it on the command line. */
export const command: Command = {
  name: "report",
  help,
  async run(argv, io) {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(help);
      return EXIT.ok;
    }
    return runReport(argv, io);
  },
};
