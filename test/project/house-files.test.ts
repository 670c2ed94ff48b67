import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

describe("the files a contributor expects", () => {
  it("LICENSE is the MIT licence package.json declares", () => {
    expect((JSON.parse(read("package.json")) as { license: string }).license).toBe("MIT");
    expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} hotfix-bot contributors\n/);
  });

  it("CHANGELOG.md keeps an Unreleased section", () => {
    expect(read("CHANGELOG.md")).toMatch(/^## \[Unreleased\]$/m);
  });

  it("Dependabot updates npm and the workflows' actions", () => {
    const config = parse(read(".github/dependabot.yml")) as { updates: { "package-ecosystem": string }[] };
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });

  it("has issue forms for a bug, a feature and a configuration question", () => {
    const dir = ".github/ISSUE_TEMPLATE";
    const forms = readdirSync(`${root}${dir}`)
      .filter((file) => file !== "config.yml")
      .map((file) => parse(read(`${dir}/${file}`)) as { name: string; body: { type: string }[] });
    expect(forms.map((form) => form.name).sort()).toEqual([
      "Bug report",
      "Configuration question",
      "Feature request",
    ]);
    for (const form of forms) expect(form.body.some((field) => field.type === "textarea")).toBe(true);
  });

  it("marks the built bundles as generated", () => {
    expect(read(".gitattributes")).toMatch(/^dist\/\*\* linguist-generated -diff$/m);
  });
});
