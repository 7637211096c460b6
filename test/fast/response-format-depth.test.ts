import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A `response_format.json_schema` nested thousands of levels deep is refused with a 400 at
 * validation, before any routing: for the local model and for a cloud one alike, and without the
 * cloud hearing of it or its circuit breaker counting it.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const clouds: FakeCloud[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
  await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
});

/**
 * The body as text: `levels` nested object schemas (two JSON levels each), as a client would send
 * them; ~200 KB at 5,000 levels, deeper than JSON.stringify of an object could write here.
 */
function body(model: string, levels: number): string {
  const schema =
    '{"type":"object","properties":{"a":'.repeat(levels) +
    '{"type":"string"}' +
    "}}".repeat(levels);
  return `{"model":"${model}","messages":[{"role":"user","content":"Dame un JSON."}],"response_format":{"type":"json_schema","json_schema":{"name":"hondo","schema":${schema}}}}`;
}

async function start() {
  const cloud = await FakeCloud.start();
  clouds.push(cloud);
  const gateway = await startTestGateway({
    config: {
      providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
      router: { preRouter: { enabled: false } },
    },
  });
  gateways.push(gateway);
  const post = (payload: string) =>
    gateway.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "content-type": "application/json" },
      payload,
    });
  return { cloud, gateway, post };
}

function expectTooDeep(response: { statusCode: number; json(): unknown }) {
  expect(response.statusCode).toBe(400);
  const { error } = response.json() as {
    error: { message: string; type: string; param: string | null; code: string | null };
  };
  expect(error).toMatchObject({
    type: "invalid_request_error",
    param: "response_format.json_schema.schema",
  });
  expect(error.message).toContain("response_format.json_schema.schema");
  expect(error.message).toContain("the maximum is 100");
}

describe("a response_format schema nested too deep", () => {
  it("is a 400 naming response_format and the maximum depth, for the local model", async () => {
    const { gateway, post } = await start();
    const shallow = await post(body("local", 20));
    expect(shallow.statusCode).toBe(200);
    for (const levels of [51, 1_000, 5_000, 50_000])
      expectTooDeep(await post(body("local", levels)));
    expect(gateway.backend.requests).toHaveLength(1);
  });

  it("is a 400 for a cloud model: the cloud receives nothing and its circuit breaker is untouched", async () => {
    const { cloud, gateway, post } = await start();
    for (const levels of [1_000, 5_000, 50_000])
      expectTooDeep(await post(body("gpt-4o-mini", levels)));
    expect(cloud.requests).toHaveLength(0);
    expect(gateway.backend.requests).toHaveLength(0);
    expect(gateway.providers.get("nube")?.health()).toMatchObject({
      state: "closed",
      consecutiveFailures: 0,
      lastError: null,
    });
  });
});
