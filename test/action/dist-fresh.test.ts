import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundles } from "../../scripts/bundles.js";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("dist/", () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = mkdtempSync(join(tmpdir(), "hotfix-bot-dist-"));
    await buildBundles(fresh);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it("holds the Action bundle, the CLI and the App's server", () => {
    expect(filesUnder(fresh)).toEqual(expect.arrayContaining(["index.js", "cli/cli.js", "app.js"]));
  });

  it("is what `npm run build` makes from the current sources (else run it and commit dist/)", () => {
    expect(filesUnder(dist)).toEqual(filesUnder(fresh));
    const stale = filesUnder(fresh).filter(
      (file) => !readFileSync(join(dist, file)).equals(readFileSync(join(fresh, file))),
    );
    expect(stale).toEqual([]);
  });
});
