import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ColibriConfig, PrivacyAction } from "../config/schema.js";
import type { ChatRequest } from "../core/chat.js";
import { ColibriError, TooManyFindingsError } from "../core/errors.js";
import { EventLoopPacer } from "./event-loop-pacer.js";
import { maskText } from "./masking.js";
import type { Finding, PiiType } from "../core/pii-types.js";
import { PlaceholderVault } from "./placeholder-vault.js";
import { fieldKey, type FieldLocator, type FieldText } from "./field-rules.js";
import { maskRequest, requestTexts } from "./request-fields.js";
import { fieldFindingsOf, scanUnits } from "./scan-units.js";
import { actionStrength, PrivacyPolicyResolver, type Destination } from "./policy.js";
import { scanSteps, scanText, scanTextAsync, type ScanOptions } from "./scan.js";

/** A finding in one of the request's texts (see request-fields.ts). */
export interface FieldFinding {
  /** Which text: `/messages/1/content`, `/sampling/stop/0`, `/responseFormat/schema/…`. */
  field: FieldLocator;
  finding: Finding;
}

/** The personal data in a request, found once and used by the router's rules and the guard. */
export interface RequestScan {
  findings: readonly FieldFinding[];
  /** The distinct data types found, in order of first appearance. */
  types: readonly PiiType[];
  /**
   * Each text scanned, by field (`fieldKey`): the guard masks a request only if its texts are
   * the ones scanned. Undefined when nothing was scanned (the guard is off).
   */
  scanned: ReadonlyMap<string, string> | undefined;
}

/** A finding with the action the policy gives it at one destination. */
export interface ReviewedFinding extends FieldFinding {
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

/** The request as it may leave, the placeholders to restore, and what was masked. */
export interface MaskedRequest {
  /** Rebuilt field by field (request-fields.ts): only classified fields are in it. */
  request: ChatRequest;
  vault: PlaceholderVault;
  /** Values redacted or pseudonymized, per data type. */
  masked: Partial<Record<PiiType, number>>;
  /** UTF-8 bytes of the texts that leave (messages, stop sequences, response format). */
  bytes: number;
}

export const noPersonalData: RequestScan = { findings: [], types: [], scanned: undefined };

/**
 * The privacy guard: finds the personal data in a request and decides, per destination, what may
 * leave — pure computation over the messages and the policy, no I/O.
 */
export class PrivacyGuard {
  readonly #settings: ColibriConfig["privacy"];
  readonly #policy: PrivacyPolicyResolver;
  readonly #scanOptions: ScanOptions;
  /**
   * Texts found clean lately, by a SHA-256 of the tenant and the text (never the text): a
   * conversation sends its earlier turns again with every new one. Only texts without findings
   * are remembered, so nothing personal is kept past its request; a text with findings is
   * scanned again. The scan is a pure function of the text and this guard's settings, so the
   * answer is the one a new scan would give. Per tenant: one tenant's texts tell nothing about
   * another's, not even by how fast they are answered.
   */
  readonly #clean = new LRUCache<string, true>({ max: 8192 });

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
   * Findings in every text of the request a provider's body is built from (every message, not
   * only the user's; stop sequences; the response format's name and schema), giving other
   * requests a turn of the event loop every few milliseconds. Throws TooManyFindingsError past
   * privacy.maxFindingsPerRequest.
   */
  async scan(
    request: ChatRequest,
    pacer: EventLoopPacer = new EventLoopPacer(),
    options: { tenant?: string } = {},
  ): Promise<RequestScan> {
    const steps = this.#requestScanSteps(request, options.tenant);
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

  /** How many texts the guard remembers as clean (see #clean). */
  get rememberedClean(): number {
    return this.#clean.size;
  }

  /**
   * The request's scan a piece at a time (see `scanSteps`), stopping past the limit. With a
   * tenant, a text that tenant sent lately and the scan found nothing in is not scanned again.
   */
  *#requestScanSteps(request: ChatRequest, tenant?: string): Generator<void, RequestScan> {
    if (!this.enabled) return noPersonalData;
    const limit = this.#settings.maxFindingsPerRequest;
    const findings: FieldFinding[] = [];
    const scanned = new Map<string, string>();
    for (const unit of scanUnits(requestTexts(request))) {
      for (const { field, text } of unit.pieces) scanned.set(fieldKey(field), text);
      if (unit.text === "") continue;
      const clean = tenant === undefined ? undefined : cleanKey(tenant, unit.text);
      if (clean !== undefined && this.#clean.has(clean)) continue;
      const options = { ...this.#scanOptions, maxFindings: limit - findings.length };
      const before = findings.length;
      for (const finding of yield* scanSteps(unit.text, options)) {
        findings.push(...fieldFindingsOf(unit, finding));
      }
      if (clean !== undefined && findings.length === before) this.#clean.set(clean, true);
      if (findings.length > limit) {
        const first = unit.pieces[0]?.field;
        throw new TooManyFindingsError(findings.length, limit, openAIParam(first));
      }
      yield;
    }
    const types = [...new Set(findings.map((entry) => entry.finding.type))];
    return { findings, types, scanned };
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

  /**
   * The request with every redact / pseudonymize action of a review that sends applied, rebuilt
   * field by field. Refused (nothing may leave) when a text of the request is not the one `scan`
   * read: a field added or changed after the scan would otherwise leave unscanned.
   */
  mask(request: ChatRequest, scan: RequestScan, review: EgressReview): MaskedRequest {
    const texts = [...requestTexts(request)];
    this.#assertScanned(texts, scan);
    // Placeholders are minted so that none occurs in the client's own text.
    const vault = new PlaceholderVault({ clientText: texts.map((entry) => entry.text) });
    const byField = new Map<string, ReviewedFinding[]>();
    for (const entry of review.findings) {
      const key = fieldKey(entry.field);
      const own = byField.get(key);
      if (own === undefined) byField.set(key, [entry]);
      else own.push(entry);
    }
    let bytes = 0;
    const result = maskRequest(request, (field, text) => {
      const own = byField.get(fieldKey(field));
      const sent = own === undefined ? text : maskText(text, own, vault);
      bytes += Buffer.byteLength(sent);
      return sent;
    });
    return { request: result, vault, masked: maskedCounts(review), bytes };
  }

  #assertScanned(texts: readonly FieldText[], scan: RequestScan): void {
    const { scanned } = scan;
    if (scanned === undefined) {
      if (!this.enabled) return;
      throw unscannedText("the request was not scanned");
    }
    for (const { field, text } of texts) {
      if (scanned.get(fieldKey(field)) !== text) {
        throw unscannedText(`${field.pointer} (${field.part}) is not the text that was scanned`);
      }
    }
  }
}

/** The OpenAI body's parameter a field comes from, for an error's `param`. */
function openAIParam(field: FieldLocator | undefined): string {
  const [top, second] = (field?.pointer ?? "").split("/").slice(1);
  if (top === "sampling" && second === "stop") return "stop";
  if (top === "responseFormat") return "response_format";
  return top ?? "messages";
}

/** A request whose texts are not the ones scanned: a fault in the gateway, never sent. */
function unscannedText(detail: string): ColibriError {
  return new ColibriError(
    `Nothing was sent to the cloud provider: the privacy guard can only send text it has scanned, and ${detail}. This is a fault in Colibrí; please report it.`,
    { code: "privacy_unscanned_text", status: 500 },
  );
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

function cleanKey(tenant: string, text: string): string {
  return createHash("sha256").update(tenant).update("\u0000").update(text).digest("base64");
}
