/**
 * The model registry: every model (and later adapter) the edge has installed, which one serves
 * each scope (all tenants, one tenant) and which is being tried beside it, what the tries measured,
 * and every change of model as an audited event.
 */

export const modelRoles = ["current", "candidate", "retired"] as const;
export type ModelRole = (typeof modelRoles)[number];

/** How a candidate is tried: `shadow` answers a sample in the background, `canary` serves a share. */
export const candidateModes = ["shadow", "canary"] as const;
export type CandidateMode = (typeof candidateModes)[number];

/** Where a role applies: every tenant, or one tenant by name. */
export type ModelScope = "all" | `tenant:${string}`;

export interface RegisteredModel {
  name: string;
  kind: "model" | "adapter";
  /** Where it came from, in `colibri pull` syntax. */
  source: string;
  sha256: string;
  sizeBytes: number;
  licence: string | null;
  /** When it was installed (ms since the epoch). */
  installedAt: number;
  /** Evaluation results (the last measured summary of its tries, or an offline evaluation). */
  evaluation: Record<string, unknown> | null;
}

export interface ModelAssignment {
  scope: ModelScope;
  model: string;
  role: ModelRole;
  /** For a candidate: how it is tried; null otherwise. */
  mode: CandidateMode | null;
  /** For a candidate: the share of requests it shadows or serves (0–1); null otherwise. */
  share: number | null;
  updatedAt: number;
}

/** One local answer measured while a candidate is tried in its scope (either model's). */
export interface ModelTrial {
  id: string;
  createdAt: number;
  scope: ModelScope;
  tenantId: string | null;
  /** The answer's id as given to the client (canary and current); null for a shadow answer. */
  responseId: string | null;
  model: string;
  role: "current" | "candidate";
  /** `serve`: the current model's answer to a user; `shadow`/`canary`: the candidate's. */
  mode: "serve" | CandidateMode;
  /** The cascade would have escalated this answer (low confidence or a flaw). */
  escalated: boolean;
  runaway: boolean;
  /** The answer's language differs from the question's. */
  languageMismatch: boolean;
  /** Generation failed (an engine error, not a client abort). */
  failed: boolean;
  finishReason: string | null;
  latencyMs: number;
  confidence: number | null;
  /** A shadow answer: how much it agrees with the current model's answer to the same request (0–1). */
  agreement: number | null;
}

/** A trial as read back, with the user's rating of that answer when there is one. */
export interface RatedTrial extends ModelTrial {
  rating: "good" | "bad" | null;
}

export type ModelEventKind =
  "registered" | "candidate" | "promoted" | "rolled-back" | "withdrawn" | "load-failed";

/** An audited change of model. */
export interface ModelEvent {
  id: string;
  createdAt: number;
  scope: ModelScope;
  kind: ModelEventKind;
  model: string;
  /** The model it replaced (a promotion) or that stayed (a rollback); null otherwise. */
  previous: string | null;
  /** Why, in words (the measured figures for an automatic decision). */
  reason: string;
  /** Who: `cli`, `automatic`, or the admin key's id. */
  actor: string;
}

export interface ModelRegistryRepository {
  /** Add or update a model's entry (by name); a null evaluation keeps the one recorded. */
  register(model: RegisteredModel): Promise<void>;
  list(): Promise<RegisteredModel[]>;
  /** Record a model's evaluation results. False when the model is not registered. */
  setEvaluation(name: string, evaluation: Record<string, unknown>): Promise<boolean>;
  /** Every assignment, or those of one scope. */
  assignments(scope?: ModelScope): Promise<ModelAssignment[]>;
  /** Set a model's role in a scope (one row per scope and model). */
  assign(assignment: ModelAssignment): Promise<void>;
  recordTrial(trial: ModelTrial): Promise<void>;
  /**
   * The scope's trials since `since` for these models, newest first, at most `limit`, each with
   * the user's rating of that answer (feedback of the same tenant and response id).
   */
  trials(query: {
    scope: ModelScope;
    since: number;
    models: readonly string[];
    limit: number;
  }): Promise<RatedTrial[]>;
  recordEvent(event: ModelEvent): Promise<void>;
  /** Events newest first; of one scope when given. */
  events(query: { limit: number; scope?: ModelScope }): Promise<ModelEvent[]>;
}
