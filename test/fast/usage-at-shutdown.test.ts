import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { windowStart } from "../../src/tenancy/limits.js";
import { temporarySqliteDatabase } from "../../tools/bench/temporary-database.js";
import { startChildGateway } from "../support/child-gateway.js";

describe("usage records written behind the requests", () => {
  it("are all in the database after SIGTERM, with the counters they settle", async () => {
    const database = await temporarySqliteDatabase();
    const { child, address } = await startChildGateway("accounting-gateway.ts", {
      ...process.env,
      COLIBRI_TEST_DATABASE: database.url,
    });
    try {
      const requests = 200;
      const statuses = await Promise.all(
        Array.from({ length: requests }, async (_, index) => {
          const response = await fetch(`${address}/v1/chat/completions`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              model: "local",
              stream: index % 2 === 0,
              messages: [{ role: "user", content: `Hola ${String(index)}` }],
            }),
          });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
      // The signal comes right after the last answer: its record may still be queued.
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);

      const store = await openStore({ url: database.url, home: database.home });
      try {
        const records = await store.usage.list({ since: 0, limit: 1000 });
        expect(records).toHaveLength(requests);
        const tokens = records.reduce(
          (sum, record) => sum + record.promptTokens + record.completionTokens,
          0,
        );
        const [totals] = await store.usage.totals({ since: 0 });
        expect(totals?.requests).toBe(requests);
        const tenantId = records[0]?.tenantId ?? "";
        const start = windowStart("day", records.at(-1)?.createdAt ?? 0);
        const [day] = await store.counters.read([
          { scope: "tenant", scopeId: tenantId, period: "day", start },
        ]);
        expect(day?.tokens).toBe(tokens);
      } finally {
        await store.close();
      }
    } finally {
      child.kill("SIGKILL");
      await database.remove();
    }
  }, 60_000);
});
