import type { ChatBackend, ChatEvent, ChatRequest, CloudBackend } from "../core/chat.js";
import { CloudUnavailableError, EngineBusyError, UpstreamError } from "../core/errors.js";
import { judgeAnswer } from "./answer-judgement.js";
import { confidenceOf, type ConfidenceSignal } from "./confidence.js";
import type { CloudTarget, RoutePlan } from "./decide-route.js";
import { PrefetchedEvents } from "./prefetched-events.js";
import { ReadAheadEvents } from "./read-ahead-events.js";

/** The route a response reports in `x-colibri-route`. */
export type AnsweredRoute = "local" | "cloud" | "cascade-local" | "cascade-cloud" | "cache";

export interface RouteBackends {
  local: ChatBackend;
  /** The provider by name; the names in plans were checked at start-up. */
  cloud(provider: string): CloudBackend;
}

export interface RouteRunOptions {
  /** Local tokens read before a cascade decides (Infinity: the whole answer, when not streaming). */
  holdTokens: number;
  /** Confidence below which a cascade goes to the cloud. */
  threshold: number;
  signal: ConfidenceSignal;
  whenCloudUnavailable: "local" | "fail";
}

/** An answer under way: which route, why, and its events (the first already read). */
export interface RoutedAnswer {
  route: AnsweredRoute;
  reason: string;
  /** "local", or the provider's name. */
  target: string;
  /** The model that answers: the local model's name or the client-facing cloud name. */
  model: string;
  /** The local answer's confidence, when a cascade measured it. */
  confidence?: number;
  /** True when the cloud was wanted but could not be reached, so the local model answered. */
  degraded: boolean;
  /** When degraded: the cloud target that could not be reached. */
  wanted?: CloudTarget;
  events: PrefetchedEvents;
  /**
   * The local answer to give instead if this cloud answer fails before it is whole because the
   * cloud stalled or dropped: only for whole answers, where nothing was sent yet. An escalation
   * gives the complete local answer it escalated from; a cloud route starts one then.
   */
  fallback?: () => Promise<RoutedAnswer>;
}

/**
 * Carry out a routing decision. Errors that occur before the first event (a full queue, an
 * unreachable cloud) surface here, before any byte reaches the client; an unreachable cloud
 * degrades to the local model when the policy says so. A cascade reads the local answer (or its
 * first `holdTokens` tokens), measures its confidence, and either passes it on or escalates —
 * always before anything was sent, never switching models mid-answer.
 */
export async function runRoute(
  plan: RoutePlan,
  request: ChatRequest,
  backends: RouteBackends,
  options: RouteRunOptions,
): Promise<RoutedAnswer> {
  const local = () => startLocal(request, backends.local);
  switch (plan.route) {
    case "local":
      return {
        ...(await local()),
        route: "local",
        reason: plan.reason,
        degraded: plan.degraded,
        ...(plan.wanted === undefined ? {} : { wanted: plan.wanted }),
      };
    case "cloud": {
      const degraded = async (): Promise<RoutedAnswer> => ({
        ...(await local()),
        route: "local",
        reason: "cloud-unavailable",
        degraded: true,
        wanted: plan.target,
      });
      try {
        const answer = await startCloud(plan.target, request, backends, "cloud", plan.reason);
        return options.whenCloudUnavailable === "local"
          ? { ...answer, fallback: degraded }
          : answer;
      } catch (error) {
        if (!(cloudCannotAnswer(error) && options.whenCloudUnavailable === "local")) throw error;
        return degraded();
      }
    }
    case "cascade":
      return cascade(plan.target, request, backends, options);
  }
}

async function cascade(
  target: CloudTarget,
  request: ChatRequest,
  backends: RouteBackends,
  options: RouteRunOptions,
): Promise<RoutedAnswer> {
  const clientLogprobs = request.logprobs !== undefined;
  // Token probabilities are always needed to judge the answer; the client sees them only if asked.
  const localRequest: ChatRequest = {
    ...request,
    logprobs: { topLogprobs: request.logprobs?.topLogprobs ?? 0 },
  };
  const source = backends.local.chat(localRequest);
  const iterator = source[Symbol.asyncIterator]();
  const held: ChatEvent[] = [];
  const logprobs: number[] = [];
  let text = "";
  let finished = false;
  try {
    while (logprobs.length < options.holdTokens) {
      const result = await iterator.next();
      if (result.done === true) {
        finished = true;
        break;
      }
      held.push(result.value);
      if (result.value.type === "delta") {
        text += result.value.text;
        for (const token of result.value.logprobs) logprobs.push(token.logprob);
      }
    }
  } catch (error) {
    await iterator.return?.();
    // A full local queue is one more reason to ask the cloud, if it can answer.
    if (error instanceof EngineBusyError && backends.cloud(target.provider).isAvailable()) {
      return startCloud(target, request, backends, "cascade-cloud", "local-busy");
    }
    throw error;
  }

  const done = held.findLast((event) => event.type === "done");
  // Tool calls come whole, without per-token probabilities: the engine's summary stands for them.
  const probability =
    done?.finishReason === "tool_calls" && done.confidence !== undefined
      ? Math.exp(
          options.signal === "min" ? done.confidence.minLogprob : done.confidence.meanLogprob,
        )
      : confidenceOf(logprobs, options.signal);
  // A flawed answer (a loop, cut at the limit, empty, a refusal, another language, bad JSON) is
  // escalated whatever its token probabilities say; see answer-judgement.ts.
  const { confidence, flaw } = judgeAnswer(
    {
      text,
      finished,
      ...(done === undefined
        ? {}
        : { finishReason: done.finishReason, runaway: done.runaway === true }),
      messages: request.messages,
      ...(request.responseFormat === undefined ? {} : { responseFormat: request.responseFormat }),
    },
    probability,
  );
  const strip = clientLogprobs ? undefined : withoutLogprobs;
  let rest: AsyncIterator<ChatEvent> = iterator;
  const keepLocal = (reason: string, degraded: boolean): RoutedAnswer => ({
    route: "cascade-local",
    reason,
    target: "local",
    model: backends.local.answeredBy?.(localRequest) ?? backends.local.model,
    confidence,
    degraded,
    ...(degraded ? { wanted: target } : {}),
    events: new PrefetchedEvents(held, rest, { finished, ...(strip ? { map: strip } : {}) }),
  });
  if (flaw === undefined && confidence >= options.threshold) return keepLocal("confident", false);
  if (!backends.cloud(target.provider).isAvailable())
    return unavailable(keepLocal, options, target.provider);
  // While the cloud is asked, the local answer is generated to its end and kept, so its sequence
  // is free for other requests as soon as it is complete (not after the cloud's first byte, which
  // a hung cloud delays by minutes), and a failing cloud still leaves it to fall back on.
  if (!finished) rest = new ReadAheadEvents(iterator);
  try {
    // "low-confidence" when the token probabilities alone escalate; else the flaw that does.
    const reason = probability < options.threshold ? "low-confidence" : (flaw ?? "low-confidence");
    const answer = await startCloud(target, request, backends, "cascade-cloud", reason);
    // A whole local answer already read is kept, to fall back on if the cloud fails midway.
    if (finished && options.whenCloudUnavailable === "local") {
      const local = keepLocal("cloud-unavailable", true);
      return { ...answer, confidence, fallback: () => Promise.resolve(local) };
    }
    await rest.return?.();
    return { ...answer, confidence };
  } catch (error) {
    if (!cloudCannotAnswer(error)) {
      await rest.return?.();
      throw error;
    }
    return unavailable(keepLocal, options, target.provider);
  }
}

function unavailable(
  keepLocal: (reason: string, degraded: boolean) => RoutedAnswer,
  options: RouteRunOptions,
  provider: string,
): RoutedAnswer {
  const answer = keepLocal("cloud-unavailable", true);
  if (options.whenCloudUnavailable === "local") return answer;
  void answer.events.close();
  throw new CloudUnavailableError(
    `The local answer was not confident enough and provider "${provider}" cannot be reached (router.whenCloudUnavailable is "fail"). Retry later, or set it to "local" to accept local answers while the link is down.`,
    { provider },
  );
}

async function startLocal(request: ChatRequest, local: ChatBackend) {
  const events = await PrefetchedEvents.start(local.chat(request));
  return { target: "local", model: local.answeredBy?.(request) ?? local.model, events };
}

async function startCloud(
  target: CloudTarget,
  request: ChatRequest,
  backends: RouteBackends,
  route: AnsweredRoute,
  reason: string,
): Promise<RoutedAnswer> {
  const cloudRequest = { ...request, model: target.model };
  const events = await PrefetchedEvents.start(
    backends.cloud(target.provider).chat(cloudRequest, reason),
  );
  return { route, reason, target: target.provider, model: target.model, degraded: false, events };
}

/** The cloud could not answer (refused, timed out, stalled, its circuit open). */
export function cloudCannotAnswer(error: unknown): boolean {
  return error instanceof UpstreamError && error.unavailable;
}

function withoutLogprobs(event: ChatEvent): ChatEvent {
  return event.type === "delta" && event.logprobs.length > 0 ? { ...event, logprobs: [] } : event;
}
