import { processIo } from "../cli/io.js";
import { runReport } from "./report.js";

// `npm run report -- --repo owner/name [--since DATE] [--json] [--api-url URL]` (token from GITHUB_TOKEN).
process.exit(await runReport(process.argv.slice(2), processIo()));
