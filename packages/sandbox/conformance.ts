// Development-only surface: checks requests, responses and webhook payloads against GitHub's OpenAPI
// descriptions. It loads ajv and the descriptions (several MB), so the run-time entry point (index.ts) leaves it out.
export { ConformanceRecorder, OpenApiValidator, type Violation } from "./openapi-conformance.js";
export { WebhookSchemaValidator } from "./webhook-conformance.js";
