import type { ChatMessage } from "../core/chat.js";
import type { PiiType } from "../core/pii-types.js";
import { detectRegionLanguage, type RegionLanguage } from "./region-language.js";
import { detectTask, type Task } from "./task.js";

/** What the client asked for by name. */
export type RequestedModel =
  { kind: "auto" } | { kind: "local" } | { kind: "cloud"; provider: string; model: string };

/**
 * Everything the router decides on, computed from the request and the gateway's state before any
 * model runs. Never holds more of the prompt than the router's scorer needs.
 */
export interface RequestFeatures {
  /** The model name as the client sent it. */
  model: string;
  requested: RequestedModel;
  /** The text of the user's messages (what the pre-router scores). */
  prompt: string;
  /** The prompt's language among the region's (ISO 639), "other" when unclear. */
  language: RegionLanguage | "other";
  task: Task;
  /** Estimated prompt tokens: characters of all messages / 4. */
  promptTokens: number;
  tenant: string;
  metadata: Readonly<Record<string, string>>;
  budget: "ok" | "spent";
  /** Whether the cloud provider the request would use can be called now. */
  cloud: "up" | "down";
  /** The data types of the personal data the privacy guard found (empty: none). */
  personalData: readonly PiiType[];
  /** Whether the model may call tools (the request declares some and tool_choice is not none). */
  tools: boolean;
}

export interface FeatureInput {
  model: string;
  requested: RequestedModel;
  messages: readonly ChatMessage[];
  tenant: string;
  metadata: Readonly<Record<string, string>>;
  budgetSpent: boolean;
  cloudUp: boolean;
  personalData?: readonly PiiType[];
  /** The prompt's language when the caller has it already (see requestLanguage). */
  language?: RegionLanguage | "other";
  /** Whether the model may call tools; default false. */
  tools?: boolean;
}

/** Plain computation over the request: language and task from the user's own words. */
export function extractFeatures(input: FeatureInput): RequestFeatures {
  const prompt = userText(input.messages);
  const characters = input.messages.reduce((sum, message) => sum + message.content.length, 0);
  return {
    model: input.model,
    requested: input.requested,
    prompt,
    language: input.language ?? routingLanguage(prompt),
    task: detectTask(prompt),
    promptTokens: Math.ceil(characters / 4),
    tenant: input.tenant,
    metadata: input.metadata,
    budget: input.budgetSpent ? "spent" : "ok",
    cloud: input.cloudUp ? "up" : "down",
    personalData: input.personalData ?? [],
    tools: input.tools ?? false,
  };
}

/**
 * The language of the user's words, as the router's rules see it (features.language): computed
 * once per request, for the router and the usage record.
 */
export function requestLanguage(messages: readonly ChatMessage[]): RegionLanguage | "other" {
  return routingLanguage(userText(messages));
}

function userText(messages: readonly ChatMessage[]): string {
  return messages
    .filter((message) => message.role === "user")
    .map((message) => message.content)
    .join("\n");
}

/** Below this confidence a prompt is too short or too mixed for a language rule to act on. */
const leastRoutingConfidence = 0.6;

function routingLanguage(prompt: string): RegionLanguage | "other" {
  const { language, confidence } = detectRegionLanguage(prompt);
  return language === "und" || confidence < leastRoutingConfidence ? "other" : language;
}
