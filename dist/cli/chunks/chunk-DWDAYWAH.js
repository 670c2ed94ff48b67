import {
  parseConfigText,
  validateConfig
} from "./chunk-IFHMZTJI.js";
import {
  HotfixBotError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

// src/cli/config-file.ts
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
var ConfigFileReadError = class extends HotfixBotError {
  constructor(file, reason) {
    super(`cannot read ${file}: ${reason}`);
    this.file = file;
  }
  file;
  kind = "usage";
  name = "ConfigFileReadError";
};
function readProblem(file, absolute, error) {
  const code = error.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR": {
      const inside = basename(absolute) === ".github" ? join(file, "hotfix.yml") : join(file, ".github", "hotfix.yml");
      return `it is a directory; give the configuration file itself, such as ${inside}`;
    }
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return errorMessage(error);
  }
}
function readConfigFile(file, cwd) {
  const absolute = resolve(cwd, file);
  let text;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    throw new ConfigFileReadError(file, readProblem(file, absolute, error));
  }
  const result = parseConfigText(text, file);
  const namesExtends = (p) => p.path === "" && /^unknown keys? (.*, )?_extends(,|$)/.test(p.message);
  if (result.ok || !result.error.problems.some(namesExtends)) {
    return { result, extendsTarget: null };
  }
  const { _extends, ...own } = parseYaml(text);
  return { result: validateConfig(own, file), extendsTarget: String(_extends) };
}
function extendsNote(file, target) {
  return `note: ${file} extends "${target}", which is resolved only when read from GitHub; checked this file's own keys`;
}

export {
  readConfigFile,
  extendsNote
};
