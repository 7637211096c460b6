import type { ChatEvent, ChatRequest, CloudBackend, ToolCall } from "../core/chat.js";
import { IncompleteModelPassError, type ModelPass } from "./model-pass.js";
import { CloudUnavailableError, PiiBlockedError, UpstreamError } from "../core/errors.js";
import { upstreamFailureClass } from "../core/upstream-failure.js";
import type { EgressAuditor, EgressEvent } from "./egress-auditor.js";
import type { EgressReview, PrivacyGuard, RequestScan } from "./privacy-guard.js";
import type { PlaceholderVault } from "./placeholder-vault.js";
import { rehydrate, rehydrateJson, StreamingRehydrator } from "./rehydrator.js";

/** The privacy guard and the audit it writes to. */
export interface EgressControl {
  guard: PrivacyGuard;
  /** The local model's pass over text about to leave (privacy.modelPass); undefined when off. */
  modelPass?: ModelPass | undefined;
  /** Undefined: nothing is audited (tests, or a server without a store). */
  auditor: EgressAuditor | undefined;
  /** Audit failures for requests that did not leave (logged; the request goes on). */
  onAuditFailure(error: unknown): void;
  /**
   * Where an exchange is kept as a training pair, as it crossed the wire (masked), when its
   * tenant consents (`EgressContext.keepTrainingPair`); undefined: none is kept.
   */
  trainingPairs?: ((exchange: SentExchange) => void) | undefined;
}

/**
 * A request as it was sent to a provider — masked, placeholders in place of the values — and the
 * provider's whole answer as it came back, before its placeholders were restored.
 */
export interface SentExchange {
  context: EgressContext;
  provider: string;
  model: string;
  /** The id the answer is given to the client (for feedback), when it has one. */
  responseId: string | undefined;
  messages: { role: "system" | "user" | "assistant"; content: string }[];
  answer: string;
  finishReason: "stop" | "length";
}

/** Who is asking and what personal data the request holds. */
export interface EgressContext {
  requestId: string;
  tenantId: string;
  tenant: string;
  scan: RequestScan;
  /** The tenant consents to keep its exchanges as training pairs (EgressControl.trainingPairs). */
  keepTrainingPair?: boolean;
}

/** Leave to send a request's text to one provider, masked as its review says. */
export interface EgressPermit {
  context: EgressContext;
  review: EgressReview;
  /** The routing reason, for the audit. */
  reason: string;
}

/** Where a request's text would go. */
export interface EgressDestination {
  provider: string;
  model: string;
  /** Where the provider processes data, for residency rules. */
  region: string | undefined;
  /** Why the router sends it there, for the audit. */
  reason: string;
}

/** The guard's verdict on one destination, with what follows from it. */
export type EgressDecision =
  /** Send, masked as the review says. */
  | { verdict: "send"; review: EgressReview; permit: EgressPermit }
  /** Answer on this machine instead; `reason` says why (`privacy:local-only`, residency). */
  | { verdict: "local-only"; review: EgressReview; reason: string }
  /** Refuse the request. */
  | { verdict: "block"; review: EgressReview; error: PiiBlockedError };

/**
 * Check a request that may send text to a cloud provider against the privacy policy: send
 * (masked), answer locally instead (local-only, or residency forbids), or refuse (block). With
 * the model pass on (privacy.modelPass) and `request` given, the local model's findings join the
 * scan first, and a request it could not read whole goes as `onIncomplete` says. Stopped
 * requests are audited here; sent ones when the call is made.
 */
export async function guardEgress(
  destination: EgressDestination,
  scanned: EgressContext,
  control: EgressControl,
  request?: { body: ChatRequest; signal?: AbortSignal | undefined },
): Promise<EgressDecision> {
  const { provider, model, region, reason } = destination;
  const { context, incomplete } = await withModelPass(scanned, control, request);
  const review = control.guard.review(context.scan, context.tenant, { name: provider, region });
  if (review.verdict === "send") {
    const stop = control.modelPass?.settings.onIncomplete ?? "send";
    if (incomplete === undefined || stop === "send") {
      return { verdict: "send", review, permit: { context, review, reason } };
    }
    return incompleteModelPass(destination, context, control, review, stop, incomplete);
  }

  const why = review.byResidency ? "privacy:residency" : `privacy:${review.verdict}`;
  try {
    await control.auditor?.record({
      ...auditFields(context, provider, model, region ?? null, review),
      outcome: review.verdict === "block" ? "blocked" : "kept-local",
      bytesSent: 0,
      reason: `${reason}; ${why}`,
    });
  } catch (error) {
    control.onAuditFailure(error);
  }
  if (review.verdict === "local-only") return { verdict: "local-only", review, reason: why };
  const types = review.decisive.join(", ");
  const rule = review.byResidency
    ? `residency rules do not allow it to be sent to provider "${provider}"${region === undefined ? " (which has no region configured)" : ` in region "${region}"`}`
    : `the privacy policy blocks sending it to provider "${provider}"`;
  return {
    verdict: "block",
    review,
    error: new PiiBlockedError(
      `This request contains personal data (${types}) and ${rule} for tenant "${context.tenant}". Remove it, ask for model "local" to answer on this machine, or change privacy.policy in the config.`,
      review.decisive,
    ),
  };
}

/** The context with the model pass's findings added, or why the pass could not read it all. */
async function withModelPass(
  context: EgressContext,
  control: EgressControl,
  request: { body: ChatRequest; signal?: AbortSignal | undefined } | undefined,
): Promise<{ context: EgressContext; incomplete?: string }> {
  const { modelPass } = control;
  // A guard that is off scans nothing (privacy.enabled: false): its model pass reads nothing too.
  if (modelPass === undefined || request === undefined || !control.guard.enabled) {
    return { context };
  }
  try {
    const scan = await modelPass.deepen(request.body, context.scan, request.signal);
    return { context: { ...context, scan } };
  } catch (error) {
    if (!(error instanceof IncompleteModelPassError)) throw error;
    return { context, incomplete: error.message };
  }
}

/** A request the model pass could not read whole: kept on this machine or refused, and audited. */
async function incompleteModelPass(
  destination: EgressDestination,
  context: EgressContext,
  control: EgressControl,
  review: EgressReview,
  stop: "local-only" | "block",
  why: string,
): Promise<EgressDecision> {
  const { provider, model, region, reason } = destination;
  try {
    await control.auditor?.record({
      ...auditFields(context, provider, model, region ?? null, review),
      outcome: stop === "block" ? "blocked" : "kept-local",
      bytesSent: 0,
      reason: `${reason}; privacy:model-pass-incomplete`,
    });
  } catch (error) {
    control.onAuditFailure(error);
  }
  if (stop === "local-only") {
    return { verdict: "local-only", review, reason: "privacy:model-pass-incomplete" };
  }
  return {
    verdict: "block",
    review,
    error: new PiiBlockedError(
      `This request may not be sent to provider "${provider}": the privacy guard's model pass could not read all of it (${why}). Send a shorter request, ask for model "local" to answer on this machine, or change privacy.modelPass in the config.`,
      [],
    ),
  };
}

/**
 * The provider as a permit allows calling it: every text of the request masked, the call audited before it is
 * made (no audit, no egress) and settled after it (a call refused before any byte was written is
 * not egress), and the placeholders in its answer restored as it streams.
 */
export function guardedCloud(
  provider: CloudBackend,
  permit: EgressPermit,
  control: EgressControl,
): CloudBackend {
  return {
    isAvailable: () => provider.isAvailable(),
    chat: (request, reason) => guardedChat(provider, request, permit, control, reason),
  };
}

async function* guardedChat(
  provider: CloudBackend,
  request: ChatRequest,
  permit: EgressPermit,
  control: EgressControl,
  why: string | undefined,
): AsyncGenerator<ChatEvent> {
  const { review, context } = permit;
  const name = review.destination.name;
  // Built field by field from what the guard classified: nothing it did not scan is passed on.
  const masked = control.guard.mask(request, context.scan, review);
  let recordId: string | undefined;
  try {
    const record = await control.auditor?.record({
      ...auditFields(context, name, request.model ?? "", review.destination.region ?? null, review),
      outcome: "sent",
      bytesSent: masked.bytes,
      // A cascade's plan says "cascade"; the call says why it escalated.
      reason:
        why === undefined || why === permit.reason ? permit.reason : `${permit.reason}:${why}`,
    });
    recordId = record?.id;
  } catch (error) {
    throw new CloudUnavailableError(
      `Could not write the egress audit record, so nothing was sent to provider "${name}": ${error instanceof Error ? error.message : String(error)}. Check the database (colibri doctor).`,
      { provider: name, cause: error },
    );
  }
  let sent = false;
  const answered = provider.chat({
    ...masked.request,
    onSent: () => {
      sent = true;
      request.onSent?.();
    },
  });
  const events = keptAsTrainingPair(answered, control, masked.request, {
    context,
    provider: name,
    model: request.model ?? "",
    responseId: request.serving?.responseId,
  });
  let failure: unknown;
  try {
    yield* masked.vault.size === 0 ? events : rehydrated(events, masked.vault);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (recordId !== undefined) await settleDelivery(control, recordId, sent, failure);
  }
}

/**
 * The messages of a request as a training pair holds them, or undefined for a request a pair
 * cannot hold: one with tools, tool calls or their results.
 */
function textMessages(request: ChatRequest): SentExchange["messages"] | undefined {
  if (request.tools !== undefined) return undefined;
  const messages: SentExchange["messages"] = [];
  for (const message of request.messages) {
    if (message.role === "tool" || message.toolCalls !== undefined) return undefined;
    messages.push({ role: message.role, content: message.content });
  }
  return messages;
}

/**
 * The provider's events passed on as they come. When the tenant consents and the guard masks,
 * once a text answer has ended (whole, or cut at max_tokens) it is kept as a training pair with
 * the request as it was sent, as it came: placeholders and all.
 */
function keptAsTrainingPair(
  events: AsyncIterable<ChatEvent>,
  control: EgressControl,
  sent: ChatRequest,
  exchange: Omit<SentExchange, "messages" | "answer" | "finishReason">,
): AsyncIterable<ChatEvent> {
  const keep = control.trainingPairs;
  const messages = textMessages(sent);
  // A guard that is off masks nothing: no pair is kept with the values in it.
  if (keep === undefined || !control.guard.enabled || messages === undefined) return events;
  if (exchange.context.keepTrainingPair !== true) return events;
  return (async function* () {
    let answer = "";
    let toolCalls = false;
    for await (const event of events) {
      if (event.type === "delta") answer += event.text;
      else if (event.type === "tool_call") toolCalls = true;
      else if (!toolCalls && (event.finishReason === "stop" || event.finishReason === "length")) {
        keep({ ...exchange, messages, answer, finishReason: event.finishReason });
      }
      yield event;
    }
  })();
}

/** Record whether the call's body reached the provider; a failure to say so is only logged. */
async function settleDelivery(
  control: EgressControl,
  recordId: string,
  sent: boolean,
  failure: unknown,
): Promise<void> {
  const why =
    failure instanceof UpstreamError ? upstreamFailureClass(failure) : "stopped before sending";
  try {
    await control.auditor?.settleDelivery(
      recordId,
      sent ? { delivered: true } : { delivered: false, why },
    );
  } catch (error) {
    control.onAuditFailure(error);
  }
}

/**
 * The answer with the placeholders restored as it streams: in the text, and in each tool call's
 * name and arguments (a call comes whole, so it is restored at once).
 */
async function* rehydrated(
  events: AsyncIterable<ChatEvent>,
  vault: PlaceholderVault,
): AsyncGenerator<ChatEvent> {
  const rehydrator = new StreamingRehydrator(vault);
  for await (const event of events) {
    if (event.type === "delta") {
      const text = rehydrator.push(event.text);
      if (text !== "" || event.logprobs.length > 0 || event.usage !== undefined) {
        yield { ...event, text };
      }
      continue;
    }
    const rest = rehydrator.flush();
    if (rest !== "") yield { type: "delta", text: rest, logprobs: [] };
    yield event.type === "tool_call" ? { ...event, call: restoredCall(event.call, vault) } : event;
  }
}

/** The call's arguments are JSON text: a value is restored JSON-escaped, so they stay JSON. */
function restoredCall(call: ToolCall, vault: PlaceholderVault): ToolCall {
  return {
    id: call.id,
    name: rehydrate(call.name, vault),
    arguments: rehydrateJson(call.arguments, vault),
  };
}

function auditFields(
  context: EgressContext,
  provider: string,
  model: string,
  region: string | null,
  review: EgressReview,
): Pick<EgressEvent, "requestId" | "tenantId" | "provider" | "model" | "region" | "review"> {
  return {
    requestId: context.requestId,
    tenantId: context.tenantId,
    provider,
    model,
    region,
    review,
  };
}
