/** One entry of GitHub's `errors` array in a 422 body. */
export interface FieldError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
  value?: unknown;
}

/**
 * An HTTP error answered in GitHub's body shape: `{ message, documentation_url, status }`, plus `errors` where
 * GitHub sends them (validation failures). Thrown by route handlers; the server turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      documentationUrl?: string;
    } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      message: this.message,
      documentation_url: this.extra.documentationUrl ?? "https://docs.github.com/rest",
      status: String(this.status),
    };
    if (this.extra.errors) body.errors = this.extra.errors;
    return body;
  }
}

export function notFound(): ApiError {
  return new ApiError(404, "Not Found");
}

export function validationFailed(errors: FieldError[], message = "Validation Failed"): ApiError {
  return new ApiError(422, message, { errors });
}

/** A required body field is missing or of the wrong type: GitHub answers 422 naming the field. */
export function invalidField(resource: string, field: string, message?: string): ApiError {
  return new ApiError(422, message ?? `Invalid request.\n\n"${field}" wasn't supplied.`, {
    errors: [{ resource, field, code: "missing_field" }],
  });
}
