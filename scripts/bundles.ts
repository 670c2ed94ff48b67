import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The Action bundle is one self-contained file (a runner installs no node_modules). Two substitutions keep its
 * cold start short, and both fail loudly rather than silently if they ever stop fitting:
 * - `probot` resolves to Probot's Octokit module alone. The Action needs nothing else from Probot, and the
 *   package index would pull in its server and logger. A value import of anything but `ProbotOctokit` breaks
 *   the build ("No matching export").
 * - @actions/core's OIDC client (`core.getIDToken`, which hotfix-bot never calls) is replaced by one that
 *   throws; it is what drags in @actions/http-client and undici (about 420 KB minified).
 */
const actionPlugin: esbuild.Plugin = {
  name: "hotfix-bot-action",
  setup(build) {
    build.onResolve({ filter: /^probot$/ }, () => ({
      path: fileURLToPath(new URL("../node_modules/probot/lib/octokit/probot-octokit.js", import.meta.url)),
    }));
    build.onResolve({ filter: /\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: "oidc-utils", namespace: "omitted" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "omitted" }, () => ({
      loader: "js",
      contents:
        "export class OidcClient { static async getIDToken() { throw new Error('core.getIDToken is not part of the hotfix-bot Action bundle'); } }",
    }));
  },
};

const SANDBOX_PACKAGE = "@hotfix-bot/sandbox";

/**
 * The CLI bundle keeps the product's dependencies in node_modules (they are the package's `dependencies`), with
 * one exception: the sandbox, a private workspace package that the `demo` and `sandbox` commands need at run time,
 * is compiled into the CLI's chunks. Its conformance checks (ajv and GitHub's OpenAPI description, development
 * dependencies) load only through `recordConformance()`, which the CLI never calls; they are replaced by a module
 * that says so, so that no chunk imports a package the installed CLI does not have.
 */
const cliPlugin: esbuild.Plugin = {
  name: "hotfix-bot-cli",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === SANDBOX_PACKAGE || args.path.startsWith(`${SANDBOX_PACKAGE}/`)
        ? undefined
        : { path: args.path, external: true },
    );
    build.onResolve({ filter: /\/(openapi|webhook)-conformance\.js$/ }, (args) =>
      /[\\/]packages[\\/]sandbox[\\/]/.test(args.importer)
        ? { path: args.path, namespace: "development-only" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "development-only" }, (args) => ({
      loader: "js",
      contents: `throw new Error(${JSON.stringify(`${args.path} checks conformance with development dependencies; it is not part of the hotfix-bot CLI`)});`,
    }));
  },
};

/** Bundled CommonJS dependencies call `require` for Node's built-ins, which an ES module does not have. */
const requireShim =
  'import { createRequire as __hotfixBotCreateRequire } from "node:module"; const require = __hotfixBotCreateRequire(import.meta.url);';

const common: esbuild.BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  legalComments: "eof",
};

/**
 * Builds the committed bundles into `outdir` (dist/ for real; a temporary directory when a test checks that
 * dist/ is up to date — the build is deterministic, so the bytes must match):
 * - `index.js`: the Action (`runs.main` in action.yml), everything inlined;
 * - `cli/cli.js` and its chunks: the `hotfix-bot` command, see `buildCliBundle`.
 * - `app.js`: the App's production server (`npm start`, src/main.ts). Like the CLI it runs where the package is
 *   installed with its dependencies, so they stay external; one file, since it loads everything at start.
 */
export async function buildBundles(outdir: string): Promise<void> {
  await esbuild.build({
    ...common,
    entryPoints: ["src/action/index.ts"],
    outfile: `${outdir}/index.js`,
    minify: true,
    banner: { js: requireShim },
    plugins: [actionPlugin],
  });
  await buildCliBundle(outdir);
  await buildAppBundle(outdir);
}

/**
 * `cli/cli.js` and its chunks in `outdir`: the `hotfix-bot` command (bin/hotfix-bot.js), the npm package's only
 * code. It runs where the package is installed, so dependencies stay in node_modules (the sandbox excepted, see
 * `cliPlugin`); commands are split so that each loads only what it uses.
 */
export async function buildCliBundle(outdir: string): Promise<void> {
  await esbuild.build({
    ...common,
    entryPoints: { cli: "src/cli.ts" },
    outdir: `${outdir}/cli`,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    plugins: [cliPlugin],
  });
}

/** Builds `app.js` alone (the production server test builds it into a directory of its own). */
export async function buildAppBundle(outdir: string): Promise<void> {
  await esbuild.build({
    ...common,
    entryPoints: ["src/main.ts"],
    outfile: `${outdir}/app.js`,
    packages: "external",
  });
}
