import type { Pricing } from "../../src/accounting/pricing.js";
import type { ChatRequest, FinishReason, Usage } from "../../src/core/chat.js";
import { judgeAnswer, type AnswerFlaw } from "../../src/router/answer-judgement.js";
import { ColibriError, toColibriError } from "../../src/core/errors.js";
import { confidenceSignals } from "../../src/config/schema.js";
import { confidenceOf, type ConfidenceSignal } from "../../src/router/confidence.js";
import type { CloudTarget, RoutePlan } from "../../src/router/decide-route.js";
import { runRoute, type RouteBackends, type RouteRunOptions } from "../../src/router/run-route.js";
import { checkAnswer } from "./answer-check.js";
import { analyseSignals, type SignalAnalysis } from "./cascade-signal-analysis.js";
import {
  summariseStrategy,
  type StrategyRun,
  type StrategySummary,
} from "./cascade-strategy-summary.js";
import { taskMessages } from "./cascade-task-prompt.js";
import type { CascadeTask } from "./cascade-tasks.js";

export interface CascadeEvaluationOptions {
  tasks: readonly CascadeTask[];
  backends: RouteBackends;
  /** The cloud model the cascade escalates to. */
  target: CloudTarget;
  /** The online cascade's settings (router.cascade.threshold and .signal). */
  threshold: number;
  signal: ConfidenceSignal;
  pricing: Pick<Pricing, "cost">;
  /** Longest answer in tokens: default 16 for multiple choice, 24 for numbers. */
  maxTokens?: { choice: number; number: number };
  /** Milliseconds, for latencies; default performance.now. */
  now?: () => number;
  onProgress?: (progress: { done: number; total: number; id: string }) => void;
}

/** One run of a model on a task. */
export interface AnswerRecord extends StrategyRun {
  text: string;
  extracted: string | undefined;
  usage: Usage;
}

export interface TaskOutcome {
  id: string;
  local: AnswerRecord & {
    confidences: Record<ConfidenceSignal, number>;
    /** The flaw the cascade escalates for whatever the probabilities (answer-judgement.ts). */
    flaw: AnswerFlaw | undefined;
    /** The cascade's confidence: the configured signal's, or 0 for a flawed answer. */
    judged: number;
  };
  cloud: AnswerRecord;
  /** The real cascade through runRoute, with the configured threshold and signal. */
  cascade: AnswerRecord & { confidence: number | undefined };
  /** The same cascade replayed from the local and cloud runs. */
  replay: StrategyRun;
}

export interface CascadeEvaluation {
  tasks: number;
  localModel: string;
  target: CloudTarget;
  threshold: number;
  signal: ConfidenceSignal;
  /** local, cloud, cascade (the real one) and cascade-replay (derived offline). */
  strategies: StrategySummary[];
  /** Whether the real cascade did what the offline replay says it would. */
  agreement: { sameRoute: number; sameAnswer: number; maxConfidenceDifference: number };
  analysis: SignalAnalysis;
  outcomes: TaskOutcome[];
}

/**
 * Run every task three ways — local only, cloud only, and the real cascade — with greedy
 * sampling, then replay the cascade offline for every signal and threshold from the local run's
 * token probabilities (what the online cascade computes when it holds the whole answer).
 */
export async function evaluateCascade(
  options: CascadeEvaluationOptions,
): Promise<CascadeEvaluation> {
  const now = options.now ?? (() => performance.now());
  const outcomes: TaskOutcome[] = [];
  for (const task of options.tasks) {
    outcomes.push(await evaluateTask(task, options, now));
    options.onProgress?.({ done: outcomes.length, total: options.tasks.length, id: task.id });
  }
  let maxConfidenceDifference = 0;
  for (const outcome of outcomes) {
    const online = outcome.cascade.confidence ?? Number.NaN;
    const difference = Math.abs(online - outcome.local.judged);
    maxConfidenceDifference = Math.max(maxConfidenceDifference, difference);
  }
  return {
    tasks: outcomes.length,
    localModel: options.backends.local.model,
    target: options.target,
    threshold: options.threshold,
    signal: options.signal,
    strategies: [
      summariseStrategy(
        "local",
        outcomes.map((outcome) => outcome.local),
      ),
      summariseStrategy(
        "cloud",
        outcomes.map((outcome) => outcome.cloud),
      ),
      summariseStrategy(
        "cascade",
        outcomes.map((outcome) => outcome.cascade),
      ),
      summariseStrategy(
        "cascade-replay",
        outcomes.map((outcome) => outcome.replay),
      ),
    ],
    agreement: {
      sameRoute: outcomes.filter((outcome) => outcome.cascade.cloud === outcome.replay.cloud)
        .length,
      sameAnswer: outcomes.filter((outcome) => sameAnswer(outcome)).length,
      maxConfidenceDifference,
    },
    analysis: analyseSignals(
      outcomes.map((outcome) => ({
        localCorrect: outcome.local.correct,
        cloudCorrect: outcome.cloud.correct,
        confidences: outcome.local.confidences,
      })),
    ),
    outcomes,
  };
}

async function evaluateTask(
  task: CascadeTask,
  options: CascadeEvaluationOptions,
  now: () => number,
): Promise<TaskOutcome> {
  const { target, threshold, signal } = options;
  const maxTokens = options.maxTokens ?? { choice: 16, number: 24 };
  const request: ChatRequest = {
    messages: taskMessages(task),
    sampling: {
      temperature: 0,
      maxTokens: task.options === undefined ? maxTokens.number : maxTokens.choice,
    },
  };
  const run = (plan: RoutePlan, strategy: string, ask: ChatRequest) =>
    runStrategy(task, plan, ask, options, now).catch((error: unknown) => {
      const cause = toColibriError(error);
      throw new ColibriError(`Task "${task.id}", ${strategy}: ${cause.message}`, {
        code: cause.code,
        status: cause.status,
        cause: error,
      });
    });

  // The same request the cascade sends its local model: with token probabilities.
  const localRun = await run({ route: "local", reason: "eval", degraded: false }, "local only", {
    ...request,
    logprobs: { topLogprobs: 0 },
  });
  const confidences = Object.fromEntries(
    confidenceSignals.map((name) => [name, confidenceOf(localRun.logprobs, name)]),
  ) as Record<ConfidenceSignal, number>;
  const { confidence: judged, flaw } = judgeAnswer(
    {
      text: localRun.record.text,
      finished: true,
      finishReason: localRun.finishReason,
      runaway: localRun.runaway,
      messages: request.messages,
    },
    confidences[signal],
  );
  const local = { ...localRun.record, confidences, flaw, judged };
  const cloud = (await run({ route: "cloud", target, reason: "eval" }, "cloud only", request))
    .record;
  const cascadeRun = await run({ route: "cascade", target, reason: "eval" }, "cascade", request);
  const cascade = { ...cascadeRun.record, confidence: cascadeRun.confidence };
  // An escalated cascade generated the local answer too: its tokens count, at local prices.
  if (cascade.cloud) cascade.costUsd += local.costUsd;
  const escalated = flaw !== undefined || confidences[signal] < threshold;
  const replay: StrategyRun = {
    correct: escalated ? cloud.correct : local.correct,
    answered: escalated ? cloud.answered : local.answered,
    cloud: escalated,
    costUsd: local.costUsd + (escalated ? cloud.costUsd : 0),
    latencyMs: local.latencyMs + (escalated ? cloud.latencyMs : 0),
  };
  return { id: task.id, local, cloud, cascade, replay };
}

/** One plan through the real router, read to the end, checked and priced. */
async function runStrategy(
  task: CascadeTask,
  plan: RoutePlan,
  request: ChatRequest,
  options: CascadeEvaluationOptions,
  now: () => number,
): Promise<{
  record: AnswerRecord;
  logprobs: number[];
  confidence: number | undefined;
  finishReason: FinishReason;
  runaway: boolean;
}> {
  const started = now();
  const settings: RouteRunOptions = {
    holdTokens: Number.POSITIVE_INFINITY,
    threshold: options.threshold,
    signal: options.signal,
    // A cloud that cannot answer is a failed measurement, never a silent local answer.
    whenCloudUnavailable: "fail",
  };
  const answer = await runRoute(plan, request, options.backends, settings);
  let text = "";
  const logprobs: number[] = [];
  let usage: Usage = { promptTokens: 0, completionTokens: 0 };
  let finishReason: FinishReason = "stop";
  let runaway = false;
  for await (const event of answer.events) {
    if (event.type === "delta") {
      text += event.text;
      for (const token of event.logprobs) logprobs.push(token.logprob);
    } else if (event.type === "done") {
      usage = event.usage;
      finishReason = event.finishReason;
      runaway = event.runaway === true;
    }
  }
  const latencyMs = now() - started;
  const check = checkAnswer(task.answer, text, {
    ...(task.options === undefined ? {} : { options: task.options }),
    language: task.language,
  });
  const record: AnswerRecord = {
    text,
    extracted: check.extracted,
    correct: check.correct,
    answered: check.extracted !== undefined,
    cloud: answer.target !== "local",
    usage,
    costUsd: options.pricing.cost(answer.target, answer.model, usage, "chat").costUsd,
    latencyMs,
  };
  return { record, logprobs, confidence: answer.confidence, finishReason, runaway };
}

function sameAnswer(outcome: TaskOutcome): boolean {
  const expected = outcome.replay.cloud ? outcome.cloud : outcome.local;
  return outcome.cascade.text === expected.text;
}
