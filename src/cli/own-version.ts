import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "hotfix-bot";

/**
 * The version in hotfix-bot's own package.json. The CLI runs from src/ (tsx), from dist/cli/ and from an installed
 * node_modules/hotfix-bot/dist/cli/, each at a different depth below package.json, so it walks up from this module
 * to the first package.json that names hotfix-bot.
 */
export function ownVersion(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const manifest = readManifest(join(dir, "package.json"));
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}
