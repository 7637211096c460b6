import type { Admission, Gatekeeper, Principal, Settlement } from "../tenancy/gatekeeper.js";
import type { SpendEstimate } from "../accounting/spend-estimate.js";
import type { ChatMessage, ChatRequest, Usage } from "../core/chat.js";
import { estimatePromptTokens } from "../upstream/usage-estimate.js";
import { BudgetExceededError, RateLimitError, toColibriError } from "../core/errors.js";
import type { UsageOutcome } from "../core/records/usage.js";
import type { ChatMetrics } from "./chat-metrics.js";

export interface MeteringContext {
  gatekeeper: Gatekeeper;
  metrics: ChatMetrics;
}

/** What a request served, for the request metrics written when the response ends. */
export interface Served {
  model: string;
  target: string;
  /** Set when it differs from the HTTP status sent, e.g. 499 for an abandoned stream. */
  status?: number;
}

export interface MeteredCall {
  endpoint: Settlement["endpoint"];
  model: string;
  target: string;
  stream: boolean;
  /**
   * Whether a failure will be tried again by the caller (a queued request waiting for its link or
   * for a limit to reset): such an attempt writes no usage record unless it used something — the
   * attempt that ends it does. Default: every failure is final.
   */
  retried?: (error: unknown) => boolean;
  /** Whether the work needs to know if a budget is spent (read at admission). */
  budgetState?: boolean;
  /** The id the answer is given (chatcmpl-…), kept in the usage record for feedback. */
  responseId?: string;
}

/** An admitted request, as its work sees it. */
export interface Admitted {
  /** Hold what the work may spend, once it knows where it goes (see Gatekeeper.reserve). */
  reserve(estimate: SpendEstimate): Promise<void>;
  /** Whether a budget was spent at admission (only read when the call asked: `budgetState`). */
  readonly budgetSpent: boolean;
}

/** What the work reports as it goes; read when the request is settled. */
export interface Meter {
  /** What answered: starts as the call's, changes when the router escalates or degrades. */
  model: string;
  target: string;
  usage: Usage;
  /** HTTP status to record; errors thrown by the work set it from the error. */
  status: number;
  outcome: UsageOutcome;
  route: string | null;
  reason: string | null;
  /** The local answer's confidence, when the router measured it. */
  confidence: number | null;
  /** Personal data the privacy guard found in the request, per type; null when none. */
  findings: Readonly<Record<string, number>> | null;
  /** A chat request's language among the region's, "other" when unclear; null: not a chat. */
  language: string | null;
  /**
   * The prompt's estimated tokens once its text was written to a cloud provider (see
   * `sentToCloud`): billed when the provider never reported usage (the client left, the call
   * failed), because the provider has the prompt and may charge for it.
   */
  sentPromptTokens: number | null;
}

/** What metering reads of a request: an HTTP request, or a queued request run by the worker. */
export interface MeteredRequest {
  readonly id: string;
  readonly principal: Principal | null;
  /** What was served, for the request metrics (HTTP requests only). */
  served: Served | null;
  readonly log: {
    error(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  /** For errors: where the request came from. */
  readonly url: string;
}

/**
 * Run one unit of billable work under the platform's rules, with no way around them: admit it
 * (a request-per-minute slot, before any other work), run it — the work holds what it may spend
 * with `reserve` once it knows where it goes — then settle what it used, also when it failed or
 * the client went away, before the response ends, so a client that has its answer can already
 * see its usage: the record is queued for group commit (store.writeBehind) by then, and this
 * process's reads of usage and counters wait for what is queued.
 */
export async function metered<T>(
  context: MeteringContext,
  request: MeteredRequest,
  call: MeteredCall,
  work: (meter: Meter, admitted: Admitted) => Promise<T>,
): Promise<T> {
  const { principal } = request;
  if (principal === null) throw new Error(`${request.url} is metered but was not authenticated.`);
  request.served = { model: call.model, target: call.target };
  const meter: Meter = {
    model: call.model,
    target: call.target,
    usage: { promptTokens: 0, completionTokens: 0 },
    status: 200,
    outcome: "completed",
    route: call.target,
    reason: null,
    confidence: null,
    findings: null,
    language: null,
    sentPromptTokens: null,
  };

  let admission: Admission;
  try {
    admission = await context.gatekeeper.admit(principal, {
      budgetState: call.budgetState === true,
    });
  } catch (error) {
    if (isLimitError(error)) {
      rejected(context, meter, error);
      if (call.retried?.(error) === true) throw error;
      await settle(
        context,
        request,
        {
          principal,
          startedAt: context.gatekeeper.now(),
          windows: [],
          reservation: undefined,
          budgetSpent: false,
        },
        call,
        meter,
      );
    }
    throw error;
  }
  let retried = false;
  try {
    return await work(meter, {
      reserve: (estimate) => context.gatekeeper.reserve(admission, estimate),
      budgetSpent: admission.budgetSpent,
    });
  } catch (error) {
    if (isLimitError(error)) {
      rejected(context, meter, error);
    } else {
      meter.status = toColibriError(error).status;
      meter.outcome = meter.status === 499 ? "abandoned" : "failed";
    }
    retried = call.retried?.(error) === true;
    throw error;
  } finally {
    request.served = { model: meter.model, target: meter.target };
    if (meter.status !== 200) request.served.status = meter.status;
    billSentPrompt(meter);
    const used = meter.usage.promptTokens + meter.usage.completionTokens > 0;
    if (retried && !used) await release(context, request, admission);
    else await settle(context, request, admission, call, meter);
  }
}

/** An attempt that will be tried again and used nothing: give back what it held, record nothing. */
async function release(
  context: MeteringContext,
  request: MeteredRequest,
  admission: Admission,
): Promise<void> {
  try {
    await context.gatekeeper.release(admission);
  } catch (error) {
    request.log.error({ err: error }, "Could not release a limit reservation");
  }
}

/**
 * A ChatRequest field that marks the meter once the request's text has left for a cloud
 * provider (the transport's `onSent`), with the prompt's estimated tokens.
 */
export function sentToCloud(
  meter: Meter,
  messages: readonly ChatMessage[],
): Pick<ChatRequest, "onSent"> {
  return {
    onSent: () => {
      meter.sentPromptTokens = estimatePromptTokens(messages);
    },
  };
}

/** A cloud call whose prompt left but whose usage never came back is billed for its prompt. */
function billSentPrompt(meter: Meter): void {
  const cloud = meter.target !== "local" && meter.target !== "cache";
  if (!cloud || meter.sentPromptTokens === null || meter.usage.promptTokens > 0) return;
  meter.usage = { ...meter.usage, promptTokens: meter.sentPromptTokens };
}

function isLimitError(error: unknown): error is RateLimitError | BudgetExceededError {
  return error instanceof RateLimitError || error instanceof BudgetExceededError;
}

function rejected(
  context: MeteringContext,
  meter: Meter,
  error: RateLimitError | BudgetExceededError,
): void {
  context.metrics.observeRejection(error.limit);
  meter.status = error.status;
  meter.outcome = "rejected";
}

/** Write the usage record; a store failure is logged and counted, never turned into lost work. */
async function settle(
  context: MeteringContext,
  request: MeteredRequest,
  admission: Admission,
  call: MeteredCall,
  meter: Meter,
): Promise<void> {
  const settlement: Settlement = {
    requestId: request.id,
    endpoint: call.endpoint,
    model: meter.model,
    target: meter.target,
    stream: call.stream,
    usage: meter.usage,
    status: meter.status,
    outcome: meter.outcome,
    route: meter.route,
    reason: meter.reason,
    confidence: meter.confidence,
    findings: meter.findings,
    language: meter.language,
    responseId: call.responseId ?? null,
  };
  const failed = (error: unknown) => {
    context.metrics.observeUsageWriteFailure();
    // The record (never prompt text) goes to the log so it can be replayed by hand.
    request.log.error(
      { err: error, usage: { ...settlement, tenantId: admission.principal.tenant.id } },
      "Could not write the usage record",
    );
  };
  try {
    const { record, written } = await context.gatekeeper.settle(admission, settlement);
    context.metrics.observeUsage(meter.model, meter.target, {
      ...meter.usage,
      costUsd: record.costUsd,
    });
    // Written behind the request (group commit): its failure is reported when it comes.
    written.catch(failed);
  } catch (error) {
    failed(error);
  }
}
