import {
  parseConfigText,
  validateConfig
} from "./chunk-TMVTWU33.js";

// src/cli/config-file.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
var ConfigFileReadError = class extends Error {
  constructor(file, reason) {
    super(`cannot read ${file}: ${reason}`);
    this.file = file;
  }
  file;
  name = "ConfigFileReadError";
};
function readConfigFile(file, cwd) {
  let text;
  try {
    text = readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    const code = error.code;
    throw new ConfigFileReadError(file, code === "ENOENT" ? "no such file" : String(code ?? error));
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
