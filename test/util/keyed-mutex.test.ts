import { KeyedMutex } from "../../src/util/keyed-mutex.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("KeyedMutex", () => {
  it("runs tasks of one key one after another, in order", async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const gate = deferred();
    const first = mutex.run("a", async () => {
      order.push("first start");
      await gate.promise;
      order.push("first end");
    });
    const second = mutex.run("a", async () => {
      order.push("second");
    });
    await Promise.resolve();
    expect(order).toEqual(["first start"]);
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(["first start", "first end", "second"]);
  });

  it("runs different keys side by side", async () => {
    const mutex = new KeyedMutex();
    const gate = deferred();
    const blocked = mutex.run("a", () => gate.promise);
    await expect(mutex.run("b", async () => "done")).resolves.toBe("done");
    gate.resolve();
    await blocked;
  });

  it("goes on after a failed task and reports the failure to its caller only", async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run("a", async () => {
      throw new Error("boom");
    });
    const next = mutex.run("a", async () => 2);
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe(2);
  });
});
