import { answerMayBeLost, createOnce } from "../../src/util/create-once.js";

const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

test("a create whose answer was lost is found instead of being sent again", async () => {
  const made: string[] = [];
  const result = await createOnce(
    async () => {
      made.push("issue");
      throw httpError(502);
    },
    async () => (made.length > 0 ? "issue #1" : null),
  );
  expect(result).toBe("issue #1");
  expect(made).toEqual(["issue"]);
});

test("a create that did not land is sent again", async () => {
  let calls = 0;
  const result = await createOnce(
    async () => {
      calls++;
      if (calls === 1) throw httpError(500);
      return "created";
    },
    async () => null,
  );
  expect(result).toBe("created");
  expect(calls).toBe(2);
});

test("a refusal (4xx) is thrown at once, without a look", async () => {
  let looked = false;
  await expect(
    createOnce(
      async () => {
        throw httpError(422);
      },
      async () => {
        looked = true;
        return null;
      },
    ),
  ).rejects.toMatchObject({ status: 422 });
  expect(looked).toBe(false);
});

test("it gives up after the given attempts with the last error", async () => {
  let calls = 0;
  await expect(
    createOnce(
      async () => {
        calls++;
        throw httpError(503);
      },
      async () => null,
      3,
    ),
  ).rejects.toMatchObject({ status: 503 });
  expect(calls).toBe(3);
});

test("only server errors and dropped connections may have taken effect", () => {
  expect(answerMayBeLost(httpError(500))).toBe(true);
  expect(answerMayBeLost(httpError(502))).toBe(true);
  expect(answerMayBeLost(httpError(403))).toBe(false);
  expect(answerMayBeLost(new TypeError("x is undefined"))).toBe(false);
});
