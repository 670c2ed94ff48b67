import {
  parseConfigText
} from "./chunk-ZINICP6K.js";

// src/cli/config-file.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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
  return parseConfigText(text, file);
}

export {
  readConfigFile
};
