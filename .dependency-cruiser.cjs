/**
 * The layers of src/, from the bottom: a file imports only its own layer and the layers below it. CONTRIBUTING.md
 * draws the same picture. `npm run lint:deps` checks it in `npm test`.
 */
const LAYERS = [
  {
    name: "base",
    why: "contracts, configuration, pattern matching, text and utilities",
    path: "^src/(route|context)[.]ts$|^src/(config|patterns|text|util|identity|observability|github)/",
  },
  { name: "rules", why: "pure gate rules", path: "^src/rules/" },
  {
    name: "shared",
    why: "the incident layer, approvals and the cherry-pick machinery that several features use",
    path: "^src/(incident|approvals|cherry-pick)/",
  },
  {
    name: "features",
    why: "one folder a workflow",
    path: "^src/(gate|intake|after-merge|backport|release|deploy|follow-ups|metrics)/",
  },
  {
    name: "engine",
    why: "the dispatch table, the after-merge wiring, the sweep and the queue that run the workflows",
    path: "^src/(engine|engine-context|installed-repositories|after-merge-wiring)[.]ts$|^src/(sweep|queue)/",
  },
  {
    name: "adapters",
    why: "the App, the Action, the CLI, the server and the programs built on them",
    path: "^src/(app|main|cli|web-add-on)[.]ts$|^src/(action|cli|server|demo|sandbox-app)/",
  },
];

const FEATURES = "gate|intake|after-merge|backport|release|deploy|follow-ups|metrics";

/** Decision files are pure: plain data in, plain data out. Named so, or in a folder of pure files. */
const DECISIONS =
  "^src/(rules|patterns|text)/|^src/.*/(evaluate|plan|render)-[^/]*[.]ts$|^src/.*-(decision|text)[.]ts$";

const upward = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(index + 1);
  if (above.length === 0) return [];
  return [
    {
      name: `${layer.name}-imports-no-higher-layer`,
      comment: `${layer.name} (${layer.why}) may import only its own layer and those below it`,
      severity: "error",
      from: { path: layer.path },
      to: { path: above.map((higher) => higher.path).join("|") },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "an import cycle makes two files one unit that neither can be read or tested alone",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-feature-to-feature",
      comment: "features never import each other: a piece two features need moves down to a shared layer",
      severity: "error",
      from: { path: `^src/(${FEATURES})/` },
      to: { path: `^src/(${FEATURES})/`, pathNot: "^src/$1/" },
    },
    {
      name: "decisions-are-pure",
      comment: "a decision file takes plain data and returns plain data: no context, no Octokit, no Probot",
      severity: "error",
      from: { path: DECISIONS },
      to: { path: "^src/context[.]ts$|(^|/)node_modules/(probot|@octokit)/" },
    },
    {
      name: "every-file-in-a-layer",
      comment: "a new top-level file or folder of src/ is placed in a layer of .dependency-cruiser.cjs",
      severity: "error",
      from: { path: "^src/", pathNot: LAYERS.map((layer) => layer.path).join("|") },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // TypeScript 7 ships no compiler API for dependency-cruiser to parse with; swc reads the same syntax.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
