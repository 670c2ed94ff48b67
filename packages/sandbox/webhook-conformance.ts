import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Ajv, type Plugin, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as Plugin<unknown>;

type WebhooksDoc = {
  webhooks: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } }>;
};

export function webhooksDescriptionPath(): string {
  return createRequire(import.meta.url).resolve("@octokit/openapi-webhooks/generated/api.github.com.json");
}

/**
 * Checks webhook payloads against GitHub's published webhook schemas (@octokit/openapi-webhooks): the schema of
 * `pull_request` + `opened` is the description's `pull-request-opened`.
 */
export class WebhookSchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  private constructor(private readonly doc: WebhooksDoc) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, "webhooks");
  }

  static async load(file = webhooksDescriptionPath()): Promise<WebhookSchemaValidator> {
    return new WebhookSchemaValidator(JSON.parse(await readFile(file, "utf8")) as WebhooksDoc);
  }

  /** The description's key for an event and action, or null when GitHub describes none. */
  keyOf(event: string, action: string | null): string | null {
    const base = event.replace(/_/g, "-");
    const key = action ? `${base}-${action.replace(/_/g, "-")}` : base;
    if (this.doc.webhooks[key]) return key;
    return this.doc.webhooks[base] ? base : null;
  }

  /** Errors of a payload; null when there is no schema for this event. */
  validate(event: string, payload: Record<string, unknown>): string[] | null {
    const action = typeof payload.action === "string" ? payload.action : null;
    const key = this.keyOf(event, action);
    if (!key) return null;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const pointer = `webhooks#/webhooks/${key}/post/requestBody/content/application~1json/schema`;
      validate = this.compileWithFormats(pointer);
      this.compiled.set(key, validate);
    }
    if (!validate) return null;
    if (validate(payload)) return [];
    return (validate.errors ?? [])
      .slice(0, 20)
      .map((error) => `${error.instancePath || "/"}: ${error.message ?? error.keyword}`);
  }

  private compileWithFormats(pointer: string): ValidateFunction | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        return this.ajv.compile({ $ref: pointer });
      } catch (error) {
        const unknown = /unknown format "([^"]+)"/.exec(error instanceof Error ? error.message : "");
        if (!unknown?.[1]) throw error;
        this.ajv.addFormat(unknown[1], true);
      }
    }
    return null;
  }
}
