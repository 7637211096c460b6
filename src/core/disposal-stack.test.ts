import { describe, expect, it } from "vitest";
import { DisposalStack } from "./disposal-stack.js";

describe("DisposalStack", () => {
  it("closes the last registered first, each awaited before the next", async () => {
    const stack = new DisposalStack();
    const closed: string[] = [];
    stack.defer(() => {
      closed.push("store");
    });
    const providers = stack.use({
      async close() {
        await new Promise((resolve) => setTimeout(resolve, 10));
        closed.push("providers");
      },
    });
    stack.defer(async () => {
      await Promise.resolve();
      closed.push("server");
    });

    await stack.close();

    expect(closed).toEqual(["server", "providers", "store"]);
    expect(typeof providers.close).toBe("function");
  });

  it("goes on past a failure and then throws it", async () => {
    const stack = new DisposalStack();
    const closed: string[] = [];
    stack.defer(() => closed.push("first"));
    stack.defer(() => {
      throw new Error("cannot close the second");
    });
    stack.defer(() => closed.push("third"));

    await expect(stack.close()).rejects.toThrow("cannot close the second");
    expect(closed).toEqual(["third", "first"]);
  });

  it("throws an AggregateError with every failure, in the order they happened", async () => {
    const stack = new DisposalStack();
    const first = new Error("first registered");
    const second = new Error("second registered");
    stack.defer(() => Promise.reject(first));
    stack.defer(() => {
      throw second;
    });

    const error: unknown = await stack.close().catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toEqual([second, first]);
    expect((error as AggregateError).message).toBe("2 resources failed to close.");
  });

  it("closes once: a second close waits for the first and runs nothing again", async () => {
    const stack = new DisposalStack();
    let closes = 0;
    stack.defer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      closes++;
    });

    const first = stack.close();
    const second = stack.close();
    await Promise.all([first, second]);
    await stack.close();

    expect(closes).toBe(1);
  });

  it("refuses what is registered after it closed", async () => {
    const stack = new DisposalStack();
    await stack.close();

    expect(() => {
      stack.defer(() => undefined);
    }).toThrow("already closed");
  });
});
