import { runDemo } from "./run-demo.js";

// `npm run demo [-- --json] [-- --fast]`: the whole incident on the sandbox, printed as it happens.
const args = new Set(process.argv.slice(2));
const code = await runDemo({
  json: args.has("--json"),
  realisticPacing: !args.has("--fast"),
  write: (line) => process.stdout.write(`${line}\n`),
});
process.exit(code);
