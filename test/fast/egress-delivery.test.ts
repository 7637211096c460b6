import { afterEach, describe, expect, it } from "vitest";
import { summarizeEgress } from "../../src/privacy/egress-summary.js";
import { FakeCloud, refusedUrl } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The egress audit counts as sent only what was written to the provider: a request whose
 * connection was refused before any byte left is recorded, but as kept local with 0 bytes.
 */
let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

const refusedCpf = "123.456.789-09";
const deliveredCpf = "987.654.321-00";

describe("egress delivery", () => {
  it("counts a request refused before any byte as not sent, and one the provider received as sent", async () => {
    const url = await refusedUrl();
    gateway = await startTestGateway({
      config: {
        providers: [
          {
            name: "nube",
            baseUrl: url,
            models: ["gpt-4o-mini"],
            retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
            breaker: { failureThreshold: 100 },
          },
        ],
        router: { preRouter: { enabled: false }, whenCloudUnavailable: "local" },
      },
    });
    const ask = async (cpf: string) => {
      const response = await gateway?.app.inject({
        method: "POST",
        url: "/v1/chat/completions",
        payload: {
          model: "gpt-4o-mini",
          messages: [{ role: "user", content: `O CPF do paciente é ${cpf}.` }],
        },
      });
      expect(response?.statusCode).toBe(200);
      return response?.headers["x-colibri-route"];
    };

    for (let call = 0; call < 3; call++) expect(await ask(refusedCpf)).toBe("local");
    cloud = await FakeCloud.start(Number(new URL(url).port));
    for (let call = 0; call < 2; call++) expect(await ask(deliveredCpf)).toBe("cloud");

    const records = await gateway.store.egress.list({ since: 0, limit: 100 });
    expect(records).toHaveLength(5);
    const summary = summarizeEgress(records);
    expect(summary).toMatchObject({ records: 5, sent: 2, keptLocal: 3, blocked: 0 });
    expect(summary.sent).toBe(cloud.requests.length);
    const sentBytes = records
      .filter((record) => record.outcome === "sent")
      .reduce((sum, record) => sum + record.bytesSent, 0);
    expect(summary.bytesSent).toBe(sentBytes);
    expect(sentBytes).toBeGreaterThan(0);
    for (const record of records) {
      if (record.outcome === "sent") expect(record.delivered).toBe(true);
      else {
        expect(record).toMatchObject({ outcome: "kept-local", delivered: false, bytesSent: 0 });
        expect(record.reason).toMatch(/; not delivered: connection_refused$/);
      }
    }

    const check = (value: string) => gateway?.egressAudit.check({ value });
    expect(await check(refusedCpf)).toMatchObject({
      seen: true,
      requests: 3,
      sentInClear: 0,
      pseudonymized: 0,
      keptLocal: 3,
    });
    expect(await check(deliveredCpf)).toMatchObject({ requests: 2, pseudonymized: 2 });
  });
});
