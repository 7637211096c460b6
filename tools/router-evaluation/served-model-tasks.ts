import { z } from "zod";
import type { ChatMessage, FinishReason } from "../../src/core/chat.js";
import { ColibriError } from "../../src/core/errors.js";
import { findAnswerFlaw, type AnswerFlaw } from "../../src/router/answer-judgement.js";
import { confidenceOf, type ConfidenceSignal } from "../../src/router/confidence.js";
import { checkAnswer } from "./answer-check.js";
import { taskMessages, type TaskPromptStyle } from "./cascade-task-prompt.js";
import type { CascadeTask, TaskLanguage } from "./cascade-tasks.js";

/** How to reach a served model: any OpenAI-compatible /v1 (another Colibrí, a cloud). */
export interface ServedModel {
  /** The API's base URL, e.g. http://127.0.0.1:8080/v1. */
  url: string;
  model: string;
  apiKey?: string;
  fetch?: typeof fetch;
}

export interface ServedTaskOptions {
  tasks: readonly CascadeTask[];
  served: ServedModel;
  /** Longest answer in tokens (the limit a runaway answer runs into). */
  maxTokens: number;
  /** How token probabilities become one confidence (router.cascade.signal). */
  signal: ConfidenceSignal;
  /** How tasks are asked (cascade-task-prompt.ts); default "reason". */
  style?: TaskPromptStyle;
  /** Milliseconds since some origin; default performance.now. */
  now?: () => number;
  onProgress?: (progress: { done: number; total: number; id: string }) => void;
}

/** One task as the served model answered it. */
export interface ServedTaskRecord {
  id: string;
  language: TaskLanguage;
  text: string;
  extracted: string | undefined;
  correct: boolean;
  finishReason: FinishReason;
  /** The flaw a cascade would escalate for (a loop, the token limit, a refusal…), if any. */
  flaw: AnswerFlaw | undefined;
  /** Ran into max_tokens, or looped (by the text, or as the server marked it). */
  runaway: boolean;
  /** The server marked the answer as a runaway repetition it stopped. */
  markedRunaway: boolean;
  promptTokens: number;
  completionTokens: number;
  milliseconds: number;
  /** Token-probability confidence (the old cascade); null when the server sent no logprobs. */
  probability: number | null;
  /** The cascade's confidence now: 0 for a flawed answer, else the probability. */
  confidence: number | null;
}

export class ServedModelError extends ColibriError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "served_model_error", status: 502, cause });
  }
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable() }),
        finish_reason: z.string().nullable(),
        logprobs: z
          .object({ content: z.array(z.object({ logprob: z.number() })).nullable() })
          .nullable()
          .optional(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).optional(),
});

/** Ask the served model every task once, greedily, with token probabilities, and check each answer. */
export async function runServedTasks(options: ServedTaskOptions): Promise<ServedTaskRecord[]> {
  const records: ServedTaskRecord[] = [];
  for (const task of options.tasks) {
    records.push(await runTask(task, options));
    options.onProgress?.({ done: records.length, total: options.tasks.length, id: task.id });
  }
  return records;
}

async function runTask(task: CascadeTask, options: ServedTaskOptions): Promise<ServedTaskRecord> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const style = options.style ?? "reason";
  const completion = await complete(
    options.served,
    taskMessages(task, style),
    options.maxTokens,
    task.id,
  );
  const milliseconds = now() - started;
  const [choice] = completion.choices;
  const logprobs = choice?.logprobs?.content?.map((token) => token.logprob);
  return scoreServedAnswer(
    task,
    {
      text: choice?.message.content ?? "",
      finishReason: choice?.finish_reason === "length" ? "length" : "stop",
      markedRunaway: completion.runaway,
      probability:
        logprobs === undefined || logprobs.length === 0
          ? null
          : confidenceOf(logprobs, options.signal),
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      milliseconds,
    },
    style,
  );
}

/** What a served model answered to one task, before it is checked. */
export type ServedAnswer = Pick<
  ServedTaskRecord,
  | "text"
  | "finishReason"
  | "markedRunaway"
  | "probability"
  | "promptTokens"
  | "completionTokens"
  | "milliseconds"
>;

/**
 * Check an answer against its task and judge it as the cascade does (answer-judgement.ts): also
 * used to re-judge a saved run (`eval tasks --from`) without asking the model again.
 */
export function scoreServedAnswer(
  task: CascadeTask,
  answer: ServedAnswer,
  style: TaskPromptStyle = "short",
): ServedTaskRecord {
  const check = checkAnswer(task.answer, answer.text, {
    ...(task.options === undefined ? {} : { options: task.options }),
    language: task.language,
    number: style === "short" ? "first" : "last",
  });
  const flaw = findAnswerFlaw({
    text: answer.text,
    finished: true,
    finishReason: answer.finishReason,
    runaway: answer.markedRunaway,
    messages: taskMessages(task, style),
  });
  return {
    id: task.id,
    language: task.language,
    ...answer,
    extracted: check.extracted,
    correct: check.correct,
    flaw,
    runaway: answer.finishReason === "length" || flaw === "repetition",
    confidence: answer.probability === null ? null : flaw === undefined ? answer.probability : 0,
  };
}

async function complete(
  served: ServedModel,
  messages: ChatMessage[],
  maxTokens: number,
  id: string,
): Promise<z.infer<typeof completionSchema> & { runaway: boolean }> {
  const url = `${served.url.replace(/\/+$/u, "")}/chat/completions`;
  let response: Response;
  try {
    response = await (served.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(served.apiKey === undefined ? {} : { authorization: `Bearer ${served.apiKey}` }),
      },
      body: JSON.stringify({
        model: served.model,
        messages,
        temperature: 0,
        max_tokens: maxTokens,
        logprobs: true,
      }),
    });
  } catch (error) {
    throw new ServedModelError(
      `Task "${id}": cannot reach ${url} (${error instanceof Error ? error.message : String(error)}). Is the model served there? Start one with: colibri serve --port 8080`,
      error,
    );
  }
  const body = await response.text();
  if (!response.ok) {
    throw new ServedModelError(
      `Task "${id}": ${url} answered ${response.status}: ${body.slice(0, 300)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch (error) {
    throw new ServedModelError(
      `Task "${id}": ${url} did not answer JSON: ${body.slice(0, 200)}`,
      error,
    );
  }
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) {
    throw new ServedModelError(
      `Task "${id}": ${url} did not answer a chat completion (${parsed.error.issues[0]?.message ?? "unknown shape"}).`,
    );
  }
  // A Colibrí marks an answer whose runaway repetition it stopped.
  return { ...parsed.data, runaway: response.headers.get("x-colibri-runaway") === "true" };
}
