import {
  extendsNote,
  readConfigFile
} from "./chunk-DWDAYWAH.js";
import {
  checkTitle
} from "./chunk-VJKOLBUU.js";
import {
  DEFAULT_CONFIG_PATH,
  validateConfig
} from "./chunk-IFHMZTJI.js";
import {
  parseCommandArgs
} from "./chunk-DI577RAP.js";
import {
  EXIT,
  UsageError
} from "./chunk-BLGKLY6J.js";

// src/cli/check-title.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
var help = `Usage: hotfix-bot check-title [--config FILE] "<title>"

Checks a pull request title against the title rule of the hotfix gate.

Options:
  --config FILE  the configuration to check against (default: ${DEFAULT_CONFIG_PATH} in the
                 current directory when it exists, else the built-in defaults)
  -h, --help     show this help

Exit codes: 0 the title is valid, 1 it is not (the reason is printed), 2 usage or configuration error.
`;
var command = {
  name: "check-title",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("check-title", argv, { config: { type: "string" } });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      throw new UsageError("check-title", `expected one title argument, got ${positionals.length}`);
    }
    const title = positionals[0] ?? "";
    const file = values.config ?? (existsSync(resolve(io.cwd, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : void 0);
    const local = file === void 0 ? null : readConfigFile(file, io.cwd);
    if (file !== void 0 && local?.extendsTarget) io.stderr(extendsNote(file, local.extendsTarget));
    const result = local ? local.result : validateConfig({});
    if (!result.ok) {
      io.stderr(result.error.message);
      return EXIT.usage;
    }
    const verdict = checkTitle(title, result.config);
    if (verdict.state === "pass") {
      io.stdout(`valid: ${verdict.reason}`);
      return EXIT.ok;
    }
    io.stderr(`invalid: ${verdict.reason}`);
    return EXIT.failed;
  }
};
export {
  command
};
