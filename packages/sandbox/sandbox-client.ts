import type { ApiServer } from "./http/api-server.js";

/** A sandbox request that GitHub would have refused; carries GitHub's status and body. */
export class SandboxRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const message = (body as { message?: unknown } | null)?.message;
    super(`${method} ${path} -> ${status}${typeof message === "string" ? `: ${message}` : ""}`);
    this.name = "SandboxRequestError";
  }
}

export interface ClientResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/**
 * An in-process client for the sandbox's API: same routes, authentication, logging and webhooks as over HTTP,
 * without a socket. Scripted people and other apps act through it with their own tokens.
 */
export class SandboxClient {
  constructor(
    private readonly server: ApiServer,
    private readonly token: string | null,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ClientResponse<T>> {
    const output = await this.server.dispatch({
      method,
      url: path,
      headers: {
        ...(this.token ? { authorization: `token ${this.token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), "utf8"),
    });
    const contentType = output.headers["content-type"] ?? "";
    const data =
      output.body.length === 0
        ? undefined
        : contentType.includes("json")
          ? JSON.parse(output.body.toString("utf8"))
          : output.body.toString("utf8");
    if (output.status >= 400 || output.status === 0)
      throw new SandboxRequestError(method, path, output.status, data);
    return { status: output.status, data: data as T, headers: output.headers };
  }
}
