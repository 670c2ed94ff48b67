import {
  loadConfig
} from "./chunk-EFZCYTA5.js";

// src/action/token-octokit.ts
import { ProbotOctokit } from "probot";

// src/action/dry-run.ts
var DryRunRefusal = class extends Error {
  constructor(write) {
    super(`${REFUSAL_PREFIX}${write.method} ${write.path}`);
    this.write = write;
  }
  write;
  name = "DryRunRefusal";
};
var REFUSAL_PREFIX = "dry run: refused ";

// src/action/write-ledger.ts
var READ_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
function isWrite(method) {
  return !READ_METHODS.has(method.toUpperCase());
}
function requestPath(url) {
  try {
    return new URL(url, "http://api.invalid").pathname;
  } catch {
    return url;
  }
}

// src/action/token-octokit.ts
function format(args) {
  const strings = args.filter((a) => typeof a === "string");
  const fields = args.filter((a) => typeof a === "object" && a !== null && Object.keys(a).length > 0);
  return [...strings, ...fields.map((f) => JSON.stringify(f))].join(" ");
}
function createTokenOctokit(options) {
  const { log } = options;
  const octokit = new ProbotOctokit({
    auth: { token: options.token },
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    ...options.pacing === false ? { throttle: { enabled: false } } : {},
    log: {
      debug: (...args) => log.debug(format(args)),
      info: (...args) => log.info(format(args)),
      warn: (...args) => log.warn(format(args)),
      error: (...args) => log.error(format(args))
    }
  });
  const { writes, dryRun } = options;
  if (writes || dryRun) {
    octokit.hook.wrap("request", async (request, requestOptions) => {
      const parsed = octokit.request.endpoint.parse(requestOptions);
      if (!isWrite(parsed.method)) return request(requestOptions);
      const write = {
        method: parsed.method,
        path: requestPath(parsed.url),
        body: parsed.body ?? null,
        result: dryRun ? "refused" : "sent"
      };
      writes?.push(write);
      if (dryRun) {
        log.info(`dry run: not sending ${write.method} ${write.path}`);
        throw new DryRunRefusal(write);
      }
      try {
        return await request(requestOptions);
      } catch (error) {
        write.result = "failed";
        throw error;
      }
    });
  }
  return octokit;
}

// src/cli/github-context.ts
var CliEnvError = class extends Error {
  name = "CliEnvError";
};
var DEFAULT_API_URL = "https://api.github.com";
function parseRepo(text) {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text ?? "");
  if (!match?.[1] || !match[2]) throw new CliEnvError(`--repo: expected owner/name, got "${text ?? ""}"`);
  return { owner: match[1], repo: match[2] };
}
function parseApiUrl(text) {
  const url = (text || DEFAULT_API_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/\S+$/.test(url))
    throw new CliEnvError(`--api-url: expected an http(s) URL, got "${text}"`);
  return url;
}
function stderrLog(write, verbose) {
  return {
    debug: (msg) => {
      if (verbose) write(`debug: ${msg}`);
    },
    info: (msg) => {
      if (verbose) write(msg);
    },
    warn: (msg) => write(`warning: ${msg}`),
    error: (msg) => write(`error: ${msg}`)
  };
}
function githubContext(input) {
  const token = input.env.GITHUB_TOKEN;
  if (!token)
    throw new CliEnvError("GITHUB_TOKEN is not set: export a token that can read and write the repository");
  const octokit = createTokenOctokit({
    token,
    apiUrl: input.apiUrl,
    log: input.log,
    userAgent: "hotfix-bot-cli",
    // As in the Action: GitHub's write pacing stays on unless turned off for a local sandbox.
    pacing: input.env.HOTFIX_BOT_WRITE_PACING !== "off"
  });
  let config;
  return {
    octokit,
    repo: input.repo,
    config: () => {
      config ??= loadConfig(octokit, input.repo, input.configPath);
      return config;
    },
    log: input.log,
    clock: () => /* @__PURE__ */ new Date()
  };
}

export {
  parseRepo,
  parseApiUrl,
  stderrLog,
  githubContext
};
