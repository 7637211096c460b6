import type { ColibriConfig, PrivacyAction } from "../config/schema.js";
import type { ChatMessage } from "../core/chat.js";
import { TooManyFindingsError } from "../core/errors.js";
import { EventLoopPacer } from "./event-loop-pacer.js";
import { maskText } from "./masking.js";
import type { Finding, PiiType } from "../core/pii-types.js";
import { PlaceholderVault } from "./placeholder-vault.js";
import { actionStrength, PrivacyPolicyResolver, type Destination } from "./policy.js";
import { scanSteps, scanText, scanTextAsync, type ScanOptions } from "./scan.js";

/** A finding in one of the request's messages. */
export interface MessageFinding {
  /** Index into the request's messages. */
  message: number;
  finding: Finding;
}

/** The personal data in a request, found once and used by the router's rules and the guard. */
export interface RequestScan {
  findings: readonly MessageFinding[];
  /** The distinct data types found, in order of first appearance. */
  types: readonly PiiType[];
}

/** A finding with the action the policy gives it at one destination. */
export interface ReviewedFinding extends MessageFinding {
  action: PrivacyAction;
  source: "policy" | "residency";
}

/** The guard's verdict on sending one request's messages to one destination. */
export interface EgressReview {
  destination: Destination;
  verdict: "send" | "block" | "local-only";
  findings: readonly ReviewedFinding[];
  /** The strongest action among the findings ("allow" when there are none). */
  action: PrivacyAction;
  /** For block and local-only: the data types that decided it, and whether residency did. */
  decisive: readonly PiiType[];
  byResidency: boolean;
}

/** The messages as they may leave, the placeholders to restore, and what was masked. */
export interface MaskedRequest {
  messages: ChatMessage[];
  vault: PlaceholderVault;
  /** Values redacted or pseudonymized, per data type. */
  masked: Partial<Record<PiiType, number>>;
  /** UTF-8 bytes of message text that leave. */
  bytes: number;
}

export const noPersonalData: RequestScan = { findings: [], types: [] };

/**
 * The privacy guard: finds the personal data in a request and decides, per destination, what may
 * leave — pure computation over the messages and the policy, no I/O.
 */
export class PrivacyGuard {
  readonly #settings: ColibriConfig["privacy"];
  readonly #policy: PrivacyPolicyResolver;
  readonly #scanOptions: ScanOptions;

  constructor(settings: ColibriConfig["privacy"]) {
    this.#settings = settings;
    this.#policy = new PrivacyPolicyResolver(settings);
    this.#scanOptions = {
      minConfidence: settings.minConfidence,
      ...(settings.phoneRegions === undefined ? {} : { phoneRegions: settings.phoneRegions }),
    };
  }

  get enabled(): boolean {
    return this.#settings.enabled;
  }

  /**
   * Findings in every message (all of them would leave, not only the user's), giving other
   * requests a turn of the event loop every few milliseconds. Throws TooManyFindingsError past
   * privacy.maxFindingsPerRequest.
   */
  async scan(
    messages: readonly ChatMessage[],
    pacer: EventLoopPacer = new EventLoopPacer(),
  ): Promise<RequestScan> {
    const steps = this.#requestScanSteps(messages);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await pacer.pace();
    }
  }

  /** Findings of one text, as `colibri privacy scan` reports them: no limit on their number. */
  scanText(text: string): Finding[] {
    return scanText(text, this.#scanOptions);
  }

  /**
   * Findings of one text, as POST /v1/privacy/scan reports them: yielding to other requests, and
   * refused with TooManyFindingsError past privacy.maxFindingsPerRequest.
   */
  async scanTextAsync(
    text: string,
    pacer: EventLoopPacer = new EventLoopPacer(),
  ): Promise<Finding[]> {
    const limit = this.#settings.maxFindingsPerRequest;
    const findings = await scanTextAsync(text, { ...this.#scanOptions, maxFindings: limit }, pacer);
    if (findings.length > limit) throw new TooManyFindingsError(findings.length, limit, "text");
    return findings;
  }

  /** The request's scan a piece at a time (see `scanSteps`), stopping past the limit. */
  *#requestScanSteps(messages: readonly ChatMessage[]): Generator<void, RequestScan> {
    if (!this.enabled) return noPersonalData;
    const limit = this.#settings.maxFindingsPerRequest;
    const findings: MessageFinding[] = [];
    for (const [index, message] of messages.entries()) {
      const options = { ...this.#scanOptions, maxFindings: limit - findings.length };
      for (const finding of yield* scanSteps(message.content, options)) {
        findings.push({ message: index, finding });
      }
      if (findings.length > limit)
        throw new TooManyFindingsError(findings.length, limit, "messages");
      yield;
    }
    return { findings, types: [...new Set(findings.map((entry) => entry.finding.type))] };
  }

  review(scan: RequestScan, tenant: string, destination: Destination): EgressReview {
    const findings = scan.findings.map((entry) => ({
      ...entry,
      ...this.#policy.resolve(tenant, destination, entry.finding.type),
    }));
    const action = findings.reduce<PrivacyAction>(
      (strongest, entry) =>
        actionStrength[entry.action] > actionStrength[strongest] ? entry.action : strongest,
      "allow",
    );
    const verdict = action === "block" || action === "local-only" ? action : "send";
    const deciding = findings.filter((entry) => entry.action === action);
    return {
      destination,
      verdict,
      findings,
      action,
      decisive: verdict === "send" ? [] : [...new Set(deciding.map((entry) => entry.finding.type))],
      byResidency: verdict !== "send" && deciding.some((entry) => entry.source === "residency"),
    };
  }

  /** The messages with every redact / pseudonymize action applied, for a review that sends. */
  mask(messages: readonly ChatMessage[], review: EgressReview): MaskedRequest {
    // Placeholders are minted so that none occurs in the client's own text.
    const vault = new PlaceholderVault({ clientText: messages.map((message) => message.content) });
    const masked = maskedCounts(review);
    const byMessage = new Map<number, ReviewedFinding[]>();
    for (const entry of review.findings) {
      const own = byMessage.get(entry.message);
      if (own === undefined) byMessage.set(entry.message, [entry]);
      else own.push(entry);
    }
    const result = messages.map((message, index) => {
      const own = byMessage.get(index) ?? [];
      return own.length === 0
        ? message
        : { ...message, content: maskText(message.content, own, vault) };
    });
    const bytes = result.reduce((sum, message) => sum + Buffer.byteLength(message.content), 0);
    return { messages: result, vault, masked, bytes };
  }
}

/** Values a review redacts or pseudonymizes, per data type, in order of first appearance. */
export function maskedCounts(review: EgressReview): Partial<Record<PiiType, number>> {
  const counts: Partial<Record<PiiType, number>> = {};
  for (const { finding, action } of review.findings) {
    if (action === "redact" || action === "pseudonymize") {
      counts[finding.type] = (counts[finding.type] ?? 0) + 1;
    }
  }
  return counts;
}
