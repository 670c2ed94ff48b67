// development-only:./openapi-conformance.js
throw new Error("./openapi-conformance.js checks conformance with development dependencies; it is not part of the hotfix-bot CLI");
