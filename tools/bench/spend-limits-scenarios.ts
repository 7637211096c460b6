import type { StubCloud } from "./stub-cloud.js";

/*
 * The routes `npm run bench:limits` drives with a limit of about one request's cost: each
 * scenario sends its concurrent requests and reports what was answered and what was refused.
 */

// Held as 28 prompt tokens + max_tokens 16 = 44; the stub reports 24 + 7 = 31.
const prompt = "Necesito un resumen breve de la política de devoluciones de la tienda.";
const maxTokens = 16;
/** $0.001 a token: a request holds $0.044 and costs $0.031. */
export const price = { input: 1000, output: 1000 };
export const budgetUsd = 0.05;
export const tokensPerMinute = 100;

export interface Scenario {
  name: string;
  limit: "budgetUsdDay" | "budgetUsdMonth" | "tokensPerMinute";
  /** On the key instead of the tenant. */
  onKey?: boolean;
  run(context: ScenarioContext): Promise<{ answered: number; refused: number }>;
}

export interface ScenarioContext {
  address: string;
  key: string;
  concurrent: number;
  cloud: StubCloud;
}

const chatBody = (model: string, stream: boolean) => ({
  model,
  stream,
  max_tokens: maxTokens,
  messages: [{ role: "user", content: prompt }],
});

async function post(context: ScenarioContext, path: string, body: unknown, headers = {}) {
  const response = await fetch(`${context.address}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${context.key}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer(); // a stream is read to its end
  return response;
}

async function burst(
  context: ScenarioContext,
  send: () => Promise<Response>,
): Promise<{ answered: number; refused: number }> {
  const statuses = await Promise.all(
    Array.from({ length: context.concurrent }, async () => (await send()).status),
  );
  return {
    answered: statuses.filter((status) => status === 200).length,
    refused: statuses.filter((status) => status === 429).length,
  };
}

const chatScenario = (name: string, model: string, stream: boolean, limit: Scenario["limit"]) => ({
  name,
  limit,
  run: (context: ScenarioContext) =>
    burst(context, () => post(context, "/v1/chat/completions", chatBody(model, stream))),
});

export const scenarios: Scenario[] = [
  chatScenario("chat, cloud model", "gpt-4o-mini", false, "budgetUsdDay"),
  chatScenario("chat, cloud model, streamed", "gpt-4o-mini", true, "budgetUsdMonth"),
  chatScenario("chat, auto (cascade escalates)", "auto", false, "budgetUsdDay"),
  chatScenario("chat, auto, streamed", "auto", true, "budgetUsdDay"),
  {
    ...chatScenario("chat, cloud model, key budget", "gpt-4o-mini", false, "budgetUsdDay"),
    onKey: true,
  },
  chatScenario("chat, cloud model, tokens per minute", "gpt-4o-mini", true, "tokensPerMinute"),
  {
    name: "embeddings, tokens per minute",
    limit: "tokensPerMinute",
    run: (context) =>
      burst(context, () =>
        post(context, "/v1/embeddings", { model: "instant", input: prompt.repeat(4) }),
      ),
  },
  {
    name: "batch of 100 lines",
    limit: "budgetUsdDay",
    run: (context) => runBatch(context),
  },
  {
    name: "x-colibri-defer, cloud down then back",
    limit: "budgetUsdDay",
    run: (context) => runDeferred(context),
  },
];

async function uploadBatch(context: ScenarioContext, lines: number): Promise<string> {
  const line = (index: number) =>
    JSON.stringify({
      custom_id: `linea-${index}`,
      method: "POST",
      url: "/v1/chat/completions",
      body: chatBody("gpt-4o-mini", false),
    });
  const form = new FormData();
  form.append("purpose", "batch");
  const text = Array.from({ length: lines }, (_, index) => line(index)).join("\n");
  form.append("file", new Blob([`${text}\n`]), "lote.jsonl");
  const uploaded = await fetch(`${context.address}/v1/files`, {
    method: "POST",
    headers: { authorization: `Bearer ${context.key}` },
    body: form,
  });
  const file = (await uploaded.json()) as { id: string };
  const created = await fetch(`${context.address}/v1/batches`, {
    method: "POST",
    headers: { authorization: `Bearer ${context.key}`, "content-type": "application/json" },
    body: JSON.stringify({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    }),
  });
  return ((await created.json()) as { id: string }).id;
}

interface BatchState {
  status: string;
  request_counts: { total: number; completed: number; failed: number };
}

async function waitForBatches(context: ScenarioContext, ids: string[]): Promise<BatchState[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const states = await Promise.all(
      ids.map(async (id) => {
        const response = await fetch(`${context.address}/v1/batches/${id}`, {
          headers: { authorization: `Bearer ${context.key}` },
        });
        return (await response.json()) as BatchState;
      }),
    );
    if (
      states.every((state) =>
        ["completed", "failed", "expired", "cancelled"].includes(state.status),
      )
    )
      return states;
    if (Date.now() > deadline) throw new Error("batches did not finish within 120 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runBatch(context: ScenarioContext) {
  const id = await uploadBatch(context, context.concurrent);
  const [state] = await waitForBatches(context, [id]);
  return {
    answered: state?.request_counts.completed ?? 0,
    refused: state?.request_counts.failed ?? 0,
  };
}

/**
 * The cloud is unreachable: every request is answered locally at once and queued for the cloud
 * (`x-colibri-defer: allow`); once the link is back, the queued requests meet the budget.
 */
async function runDeferred(context: ScenarioContext) {
  context.cloud.down = true;
  const answers = await Promise.all(
    Array.from({ length: context.concurrent }, async () => {
      const response = await post(context, "/v1/chat/completions", chatBody("gpt-4o-mini", false), {
        "x-colibri-defer": "allow",
      });
      return { status: response.status, batch: response.headers.get("x-colibri-deferred-batch") };
    }),
  );
  context.cloud.down = false;
  const ids = answers.flatMap(({ batch }) => (batch === null ? [] : [batch]));
  const states = await waitForBatches(context, ids);
  // Refused: at once (their cloud estimate did not fit before the link was known to be down),
  // or once queued, when the link came back.
  const refusedLive = answers.filter(({ status }) => status === 429).length;
  return {
    answered: states.reduce((sum, state) => sum + state.request_counts.completed, 0),
    refused: refusedLive + states.reduce((sum, state) => sum + state.request_counts.failed, 0),
  };
}
