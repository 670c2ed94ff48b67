import {
  extendsNote,
  readConfigFile
} from "./chunk-DWDAYWAH.js";
import "./chunk-IFHMZTJI.js";
import {
  parseCommandArgs
} from "./chunk-DI577RAP.js";
import {
  EXIT,
  UsageError
} from "./chunk-BLGKLY6J.js";

// src/cli/validate-config.ts
var help = `Usage: hotfix-bot validate-config FILE

Validates a hotfix-bot configuration file (.github/hotfix.yml) with the same schema the App uses.
Every problem is printed as "FILE: field.path: what was expected".

Options:
  -h, --help  show this help

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file.
`;
var command = {
  name: "validate-config",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("validate-config", argv, {});
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const [file, ...rest] = positionals;
    if (file === void 0 || rest.length > 0) {
      throw new UsageError("validate-config", `expected one FILE argument, got ${positionals.length}`);
    }
    const { result, extendsTarget } = readConfigFile(file, io.cwd);
    if (extendsTarget) io.stderr(extendsNote(file, extendsTarget));
    if (result.ok) {
      io.stdout(`${file}: valid`);
      return EXIT.ok;
    }
    for (const problem of result.error.problems) {
      io.stderr(`${file}: ${problem.path ? `${problem.path}: ` : ""}${problem.message}`);
    }
    return EXIT.failed;
  }
};
export {
  command
};
