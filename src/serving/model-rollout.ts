import type { RolloutSettings } from "../config/rollout-schema.js";
import type { ChatBackend } from "../core/chat.js";
import type { ModelAssignment, ModelTrial } from "../core/records/model-registry.js";
import type { Store } from "../core/records/store.js";
import type { ModelSlots } from "./model-slots.js";
import { candidateOf, currentOf, endCandidate, promoteCandidate } from "./model-roles.js";
import {
  decideRollout,
  summarise,
  type RolloutDecision,
  type TrialSummary,
} from "./rollout-policy.js";

export interface RolloutLog {
  info(message: string): void;
  error(error: unknown, message: string): void;
}

export interface ModelRolloutOptions {
  store: Store;
  slots: ModelSlots;
  /** Load a model's engine beside the current one (memory checked first; throws when it won't fit). */
  load: (model: string) => Promise<ChatBackend>;
  settings: RolloutSettings;
  log: RolloutLog;
  now?: () => number;
}

/** The last judgement of the candidate, for the dashboard and `colibri models`. */
export interface RolloutState {
  candidate: (Omit<ModelAssignment, "role" | "updatedAt"> & { since: number }) | undefined;
  current: TrialSummary | undefined;
  measured: TrialSummary | undefined;
  decision: RolloutDecision | undefined;
}

/** How many of a scope's tries one judgement reads at most. */
const trialLimit = 20_000;

/**
 * A running server's side of the registry: every `pollSeconds` it loads the candidate the registry
 * names (or drops the one it no longer names, or swaps to a model promoted by command), then
 * judges the candidate on what was measured since it was named, promoting or rolling it back
 * (rollout-policy.ts). Every change is written to the registry with its event before the engines
 * are swapped, so a restart serves what the registry says.
 */
export class ModelRollout {
  readonly #options: ModelRolloutOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #state: RolloutState = {
    candidate: undefined,
    current: undefined,
    measured: undefined,
    decision: undefined,
  };
  /** A model that failed to load, not tried again until the registry names another. */
  #failed: string | undefined;

  constructor(options: ModelRolloutOptions) {
    this.#options = options;
  }

  get state(): RolloutState {
    return this.#state;
  }

  /** Keep one measured answer; a store failure is logged, never the request's. */
  record(trial: ModelTrial): void {
    this.#options.store.models.recordTrial(trial).catch((error: unknown) => {
      this.#options.log.error(error, "Could not keep a model's measured answer");
    });
  }

  /** Read the registry once now, then every `pollSeconds`. */
  async start(): Promise<void> {
    await this.tick();
    this.#timer = setInterval(() => void this.tick(), this.#options.settings.pollSeconds * 1000);
    this.#timer.unref();
  }

  /** One pass: follow the registry, then judge the candidate. Never two at once. */
  tick(): Promise<void> {
    this.#running ??= (async () => {
      try {
        await this.#follow();
        await this.#judge();
      } catch (error) {
        this.#options.log.error(error, "The model rollout could not read or change the registry");
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  #change() {
    return { actor: "automatic", now: (this.#options.now ?? Date.now)() };
  }

  /** Make the engines match the registry: the current model of `all`, and the candidate. */
  async #follow(): Promise<void> {
    const { store, slots, log } = this.#options;
    const assignments = await store.models.assignments();
    const current = currentOf(assignments);
    const plan = slots.candidatePlan();
    if (current !== undefined && current.model !== slots.model) {
      if (plan?.model === current.model) {
        await slots.promote();
      } else {
        // Promoted elsewhere (another replica, or a model never tried here): load it, then swap.
        slots.setCandidate({
          backend: await this.#options.load(current.model),
          scope: "all",
          mode: "shadow",
          share: 0,
        });
        await slots.promote();
      }
      log.info(`Now serving ${current.model} (promoted in the registry)`);
    }
    const candidate = candidateOf(await store.models.assignments());
    if (candidate === undefined) {
      if (slots.candidatePlan() !== undefined) await slots.dropCandidate();
      this.#state = { ...this.#state, candidate: undefined };
      return;
    }
    const tuning = {
      scope: candidate.scope,
      mode: candidate.mode ?? "shadow",
      share: candidate.share ?? 0,
    };
    this.#state = {
      ...this.#state,
      candidate: {
        scope: candidate.scope,
        model: candidate.model,
        mode: tuning.mode,
        share: tuning.share,
        since: candidate.updatedAt,
      },
    };
    if (slots.candidatePlan()?.model === candidate.model) {
      slots.retune(tuning);
      return;
    }
    if (this.#failed === candidate.model) return;
    try {
      const backend = await this.#options.load(candidate.model);
      slots.setCandidate({ backend, ...tuning });
      log.info(`Trying ${candidate.model} as a candidate (${tuning.mode}, share ${tuning.share})`);
    } catch (error) {
      this.#failed = candidate.model;
      const why = error instanceof Error ? error.message : String(error);
      await endCandidate(store, "load-failed", why, this.#change());
      log.error(error, `Could not load candidate model ${candidate.model}`);
    }
  }

  /** Judge the candidate on its answers since it was named, and act on the decision. */
  async #judge(): Promise<void> {
    const { store, slots, settings, log } = this.#options;
    const plan = slots.candidatePlan();
    const named = this.#state.candidate;
    if (plan === undefined || named === undefined || named.model !== plan.model) return;
    const now = (this.#options.now ?? Date.now)();
    const trials = await store.models.trials({
      scope: plan.scope,
      since: Math.max(named.since, now - settings.windowHours * 3_600_000),
      models: [slots.model, plan.model],
      limit: trialLimit,
    });
    const current = summarise(
      trials.filter((trial) => trial.role === "current" && trial.model === slots.model),
      true,
    );
    const measured = summarise(
      trials.filter((trial) => trial.role === "candidate" && trial.model === plan.model),
      plan.mode === "canary",
    );
    const decision = decideRollout(current, measured, plan.mode, settings);
    this.#state = { ...this.#state, current, measured, decision };
    if (decision.action === "wait") return;
    await store.models.setEvaluation(plan.model, {
      ...measured,
      against: slots.model,
      mode: plan.mode,
      at: now,
    });
    if (decision.action === "rollback") {
      await endCandidate(store, "rolled-back", decision.reason, this.#change());
      await slots.dropCandidate();
      log.info(`Rolled back candidate ${plan.model}: ${decision.reason}`);
    } else {
      await promoteCandidate(store, decision.reason, this.#change());
      await slots.promote();
      log.info(`Promoted ${plan.model}: ${decision.reason}`);
    }
    this.#state = { ...this.#state, candidate: undefined };
  }
}
