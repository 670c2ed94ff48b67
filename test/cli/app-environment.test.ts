import { appEnvironment, npmStartCommand } from "../../src/cli/app-environment.js";

const base = {
  apiUrl: "http://127.0.0.1:40123",
  appId: 1,
  privateKeyPath: "/tmp/k/app.pem",
  webhookSecret: "dev",
};

test("without a webhook URL, the App listens where the hint tells the sandbox to deliver: 127.0.0.1:3000", () => {
  expect(npmStartCommand(appEnvironment(base))).toBe(
    "APP_ID=1 PRIVATE_KEY_PATH=/tmp/k/app.pem WEBHOOK_SECRET=dev GHE_HOST=127.0.0.1:40123 GHE_PROTOCOL=http " +
      "HOST=127.0.0.1 PORT=3000 npm start",
  );
});

test("a webhook URL gives host, port and (when not Probot's default) the path; values are shell-quoted", () => {
  const environment = appEnvironment({
    ...base,
    webhookSecret: "it's $secret",
    webhookUrl: "http://localhost:8080/hooks/",
  });
  expect(Object.fromEntries(environment)).toMatchObject({
    HOST: "localhost",
    PORT: "8080",
    WEBHOOK_PATH: "/hooks",
  });
  expect(npmStartCommand(environment)).toContain("WEBHOOK_SECRET='it'\\''s $secret' ");
});
