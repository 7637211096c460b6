import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { DashboardReport } from "../../src/accounting/dashboard-report.js";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Users rate answers by the id they were given: chat completions (whole and streamed), Messages,
 * Responses and a cloud answer; the rating is the tenant's alone, the latest wins, bad input gets
 * OpenAI's error shape, and the dashboard counts ratings per model and where it ran.
 */
const adminKey = "admin-key-0123456789abcdef";
let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

describe("POST /v1/feedback", () => {
  it("rates the tenant's answers by their ids, replaces a rating, and keeps other tenants out", async () => {
    cloud = await FakeCloud.start();
    gateway = await startTestGateway({
      config: {
        server: { auth: true, adminKey },
        providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
        router: { preRouter: { enabled: false } },
      },
    });
    const address = await gateway.server.listen();
    const clinic = (await gateway.administration.createKey({ tenant: "clinica" })).key;
    const school = (await gateway.administration.createKey({ tenant: "escuela" })).key;
    const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: clinic, maxRetries: 0 });
    const post = (key: string, path: string, body: unknown) =>
      fetch(`${address}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const feedback = (key: string, body: unknown) => post(key, "/v1/feedback", body);
    const messages = [{ role: "user" as const, content: "¿Cuál es la capital de Chile?" }];

    const whole = await client.chat.completions.create({ model: "local", messages });
    let streamedId = "";
    for await (const chunk of await client.chat.completions.create({
      model: "local",
      messages,
      stream: true,
    })) {
      streamedId = chunk.id;
    }
    const fromCloud = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    const message = (await (
      await post(clinic, "/v1/messages", { model: "local", max_tokens: 16, messages })
    ).json()) as { id: string };
    const response = (await (
      await post(clinic, "/v1/responses", { model: "local", input: "¿Capital de Chile?" })
    ).json()) as { id: string };
    const ids = [whole.id, streamedId, fromCloud.id, message.id, response.id];
    expect(ids.map((id) => id.replace(/[-_].*/u, ""))).toEqual([
      "chatcmpl",
      "chatcmpl",
      "chatcmpl",
      "msg",
      "resp",
    ]);

    for (const id of ids) {
      const rated = await feedback(clinic, { response_id: id, rating: "good" });
      expect(rated.status, id).toBe(200);
      expect(await rated.json()).toMatchObject({
        object: "feedback",
        response_id: id,
        rating: "good",
      });
    }
    // Sent again: the latest replaces it.
    const corrected = await feedback(clinic, {
      response_id: fromCloud.id,
      rating: "bad",
      correction: "Santiago.",
      comment: "demasiado largo",
    });
    expect(corrected.status).toBe(200);
    const read = await fetch(`${address}/v1/feedback/${fromCloud.id}`, {
      headers: { authorization: `Bearer ${clinic}` },
    });
    expect(await read.json()).toMatchObject({
      response_id: fromCloud.id,
      rating: "bad",
      correction: "Santiago.",
      comment: "demasiado largo",
    });

    // Another tenant can neither rate nor read the clinic's answers.
    const foreign = await feedback(school, { response_id: whole.id, rating: "bad" });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({
      error: { type: "not_found_error", code: "response_not_found", param: "response_id" },
    });
    const foreignRead = await fetch(`${address}/v1/feedback/${whole.id}`, {
      headers: { authorization: `Bearer ${school}` },
    });
    expect(foreignRead.status).toBe(404);
    expect(
      await gateway.store.feedback.find((await tenantId("clinica")) ?? "", whole.id),
    ).toMatchObject({ rating: "good" });

    const report = (await (
      await fetch(`${address}/admin/dashboard?since=24h`, {
        headers: { authorization: `Bearer ${adminKey}` },
      })
    ).json()) as Pick<DashboardReport, "feedback">;
    expect(report.feedback).toEqual([
      {
        model: whole.model,
        target: "local",
        good: 4,
        bad: 0,
        goodShare: 1,
        corrected: 0,
      },
      { model: "gpt-4o-mini", target: "nube", good: 0, bad: 1, goodShare: 0, corrected: 1 },
    ]);
  });

  it("refuses bad input in OpenAI's shape, and callers without a key", async () => {
    gateway = await startTestGateway({ config: { server: { auth: true, adminKey } } });
    const address = await gateway.server.listen();
    const key = (await gateway.administration.createKey({ tenant: "clinica" })).key;
    const send = (body: string, authorization = `Bearer ${key}`) =>
      fetch(`${address}/v1/feedback`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body,
      });
    const cases: [string, string][] = [
      [JSON.stringify({ response_id: "chatcmpl-x", rating: "excellent" }), "rating"],
      [JSON.stringify({ rating: "good" }), "response_id"],
      [JSON.stringify({ response_id: "chatcmpl-x", rating: "good", stars: 5 }), "stars"],
      [JSON.stringify({ response_id: "x".repeat(201), rating: "good" }), "response_id"],
      [JSON.stringify({ response_id: "chatcmpl-x", rating: "bad", correction: "" }), "correction"],
      ["{", ""],
    ];
    for (const [body, param] of cases) {
      const answer = await send(body);
      expect(answer.status, body.slice(0, 60)).toBe(400);
      const error = ((await answer.json()) as { error: { type: string; message: string } }).error;
      expect(error.type).toBe("invalid_request_error");
      expect(error.message).toContain(param);
    }
    const unknown = await send(JSON.stringify({ response_id: "chatcmpl-nope", rating: "good" }));
    expect(unknown.status).toBe(404);
    const anonymous = await send(JSON.stringify({ response_id: "chatcmpl-x", rating: "good" }), "");
    expect(anonymous.status).toBe(401);
  });
});

async function tenantId(name: string): Promise<string | undefined> {
  const tenants = await gateway?.store.tenants.list();
  return tenants?.find((tenant) => tenant.name === name)?.id;
}
