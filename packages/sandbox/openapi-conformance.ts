import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type Plugin, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Exchange } from "./http/api-server.js";

// ajv-formats is CommonJS: depending on the loader its plugin is the module itself or its `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as Plugin<unknown>;

/** One place where traffic did not match GitHub's published description. */
export interface Violation {
  /** `status`: a JSON answer with a status GitHub does not document for the operation. */
  kind: "response" | "request" | "status";
  method: string;
  route: string;
  status?: number;
  /** ajv's messages, `instancePath: message`. */
  errors: string[];
}

type OpenApiDoc = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
};

type OpenApiOperation = {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** `/repos/{owner}/{repo}/git/ref/{ref}` and `/repos/{o}/{r}/git/ref/{x}` are the same route. */
function normalise(route: string): string {
  return route.replace(/\{[^}]+\}/g, "{}");
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 20)
    .map((error) => `${error.instancePath || "/"}: ${error.message ?? error.keyword}`);
}

/** Where `@octokit/openapi` keeps GitHub's REST description (resolved from this package, not a registry). */
export function openApiDescriptionPath(): string {
  return createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
}

/**
 * Checks requests and responses against GitHub's OpenAPI description (@octokit/openapi). Schemas are compiled
 * lazily per operation and status; the document's `$ref`s are resolved by ajv. OpenAPI 3.0 quirks are handled
 * pragmatically: `nullable` is understood by ajv, unknown keywords and formats are ignored (`strict: false`).
 */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly routes = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction | null>();

  private constructor(private readonly doc: OpenApiDoc) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, "api");
    for (const path of Object.keys(doc.paths)) this.routes.set(normalise(path), path);
  }

  static async load(file = openApiDescriptionPath()): Promise<OpenApiValidator> {
    const doc = JSON.parse(await readFile(file, "utf8")) as OpenApiDoc;
    rewriteNullable(doc.paths);
    rewriteNullable(doc.components);
    return new OpenApiValidator(doc);
  }

  /** The description's path for a route template, or null when GitHub describes no such route. */
  describedPath(route: string): string | null {
    return this.routes.get(normalise(route)) ?? null;
  }

  hasOperation(method: string, route: string): boolean {
    const path = this.describedPath(route);
    return path !== null && this.doc.paths[path]?.[method.toLowerCase()] !== undefined;
  }

  /** Whether GitHub documents a status for an operation at all (with or without a body). */
  documentsStatus(method: string, route: string, status: number): boolean {
    const path = this.describedPath(route);
    const op = path ? this.doc.paths[path]?.[method.toLowerCase()] : undefined;
    return op?.responses?.[String(status)] !== undefined;
  }

  /** Errors of a JSON response body; null when the description has no JSON schema for that status. */
  validateResponse(method: string, route: string, status: number, body: unknown): string[] | null {
    const path = this.describedPath(route);
    if (!path) return null;
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    let response: unknown = op?.responses?.[String(status)];
    let pointer = `api#/paths/${jsonPointerEscape(path)}/${method.toLowerCase()}/responses/${status}`;
    // Shared answers (404, 422 validation_failed …) are `$ref`s into components/responses.
    const ref = (response as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/responses/")) {
      const name = ref.slice("#/components/responses/".length);
      response = this.doc.components?.responses?.[name];
      pointer = `api#/components/responses/${jsonPointerEscape(name)}`;
    }
    const media = (response as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.[
      "application/json"
    ];
    if (!media?.schema) return null;
    return this.check(`${pointer}/content/application~1json/schema`, body);
  }

  /** Errors of a JSON request body; null when the operation takes no JSON body. */
  validateRequest(method: string, route: string, body: unknown): string[] | null {
    const path = this.describedPath(route);
    if (!path) return null;
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    if (!op?.requestBody?.content?.["application/json"]?.schema) return null;
    const pointer = `api#/paths/${jsonPointerEscape(path)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
    return this.check(pointer, body ?? {});
  }

  private check(pointer: string, value: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (validate === undefined) {
      validate = this.compile(pointer);
      this.compiled.set(pointer, validate);
    }
    if (!validate) return [];
    return validate(value) ? [] : describe(validate.errors);
  }

  private compile(pointer: string): ValidateFunction | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        return this.ajv.compile({ $ref: pointer });
      } catch (error) {
        // An unknown format is GitHub's own annotation (e.g. "repo.nwo"), not a constraint we can check.
        const unknown = /unknown format "([^"]+)"/.exec(error instanceof Error ? error.message : "");
        if (!unknown?.[1]) throw error;
        this.ajv.addFormat(unknown[1], true);
      }
    }
    return null;
  }
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `type: [t, "null"]`, or `anyOf [schema, null]` where the schema
 * has no `type` (GitHub writes `nullable` beside `allOf`/`$ref`, which ajv refuses). Rewrites in place.
 */
export function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullable(item);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) rewriteNullable(value);
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (typeof schema.type === "string") {
    schema.type = [schema.type, "null"];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return;
  }
  const inner: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    if (key === "description" || key === "title") continue;
    inner[key] = schema[key];
    delete schema[key];
  }
  schema.anyOf = [inner, { type: "null" }];
}

function jsonPointerEscape(path: string): string {
  return path.replace(/~/g, "~0").replace(/\//g, "~1").replace(/\{/g, "%7B").replace(/\}/g, "%7D");
}

/**
 * Records violations of the traffic a sandbox sees: responses to everyone, and request bodies the App sent
 * (the App's requests are the ones that must be valid against GitHub). Attach with `sandbox.observe(...)`.
 */
export class ConformanceRecorder {
  readonly violations: Violation[] = [];
  /** `METHOD route status` of every response that was checked against a schema. */
  readonly checkedResponses = new Set<string>();
  readonly checkedRequests = new Set<string>();
  /** `METHOD route` of every request that reached a route. */
  readonly exercised = new Set<string>();

  constructor(
    private readonly validator: OpenApiValidator,
    private readonly options: { requestsFrom?: (exchange: Exchange) => boolean } = {},
  ) {}

  readonly observe = (exchange: Exchange): void => {
    if (exchange.route === "(unmatched)" || exchange.fault) return;
    this.exercised.add(`${exchange.method} ${exchange.route}`);
    const fromApp =
      this.options.requestsFrom?.(exchange) ??
      (exchange.identity.kind === "installation" || exchange.identity.kind === "app");
    if (
      fromApp &&
      ["POST", "PATCH", "PUT", "DELETE"].includes(exchange.method) &&
      exchange.requestBody !== undefined
    ) {
      const errors = this.validator.validateRequest(exchange.method, exchange.route, exchange.requestBody);
      if (errors !== null) {
        this.checkedRequests.add(`${exchange.method} ${exchange.route}`);
        if (errors.length > 0)
          this.violations.push({ kind: "request", method: exchange.method, route: exchange.route, errors });
      }
    }
    if (!exchange.contentType.includes("json")) return;
    const errors = this.validator.validateResponse(
      exchange.method,
      exchange.route,
      exchange.status,
      exchange.responseBody,
    );
    if (errors === null) {
      if (this.validator.hasOperation(exchange.method, exchange.route)) {
        const documented = this.validator.documentsStatus(exchange.method, exchange.route, exchange.status);
        this.violations.push({
          kind: "status",
          method: exchange.method,
          route: exchange.route,
          status: exchange.status,
          errors: [
            documented ? "GitHub answers this status without a body" : "GitHub does not document this status",
          ],
        });
      }
      return;
    }
    this.checkedResponses.add(`${exchange.method} ${exchange.route} ${exchange.status}`);
    if (errors.length > 0) {
      this.violations.push({
        kind: "response",
        method: exchange.method,
        route: exchange.route,
        status: exchange.status,
        errors,
      });
    }
  };
}
