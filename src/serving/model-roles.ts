import { timeOrderedId } from "../core/time-ordered-id.js";
import { InvalidRequestError } from "../core/errors.js";
import type {
  CandidateMode,
  ModelAssignment,
  ModelEventKind,
  ModelScope,
  RegisteredModel,
} from "../core/records/model-registry.js";
import type { Store, StoreRepositories } from "../core/records/store.js";

/**
 * Changes of model in the registry, each in one transaction with its audited event: the CLI makes
 * them, a running server reads them (and makes the automatic ones). The server serves one current
 * model for every tenant (scope `all`); a candidate is tried on `all` or on one tenant's traffic,
 * and a promoted candidate becomes the current model of `all`.
 */

export interface RoleChange {
  actor: string;
  now: number;
}

/** The scope's candidate, if any (the last named, should several rows say candidate). */
export function candidateOf(assignments: readonly ModelAssignment[]): ModelAssignment | undefined {
  return assignments
    .filter((row) => row.role === "candidate")
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** The model serving every tenant, per the registry; undefined until one is recorded. */
export function currentOf(assignments: readonly ModelAssignment[]): ModelAssignment | undefined {
  return assignments.find((row) => row.scope === "all" && row.role === "current");
}

/**
 * The model a server starts with is the current one: recorded when the registry names none, and
 * replacing the one it names otherwise (a model chosen with --model, or one the registry's is
 * not installed here), as an audited promotion.
 */
export async function recordCurrent(
  store: Store,
  model: string,
  change: RoleChange,
): Promise<void> {
  await store.transaction(async (tx) => {
    const current = currentOf(await tx.models.assignments("all"));
    if (current?.model === model) return;
    if (current !== undefined) await retire(tx, current, change.now);
    await tx.models.assign(assignment("all", model, "current", change.now));
    const kind = current === undefined ? "registered" : "promoted";
    const reason = "the model the server started with";
    await event(tx, "all", kind, model, current?.model ?? null, reason, change);
  });
}

/** Name the candidate tried beside the current model (replacing any other candidate). */
export async function nominateCandidate(
  store: Store,
  candidate: { model: string; scope: ModelScope; mode: CandidateMode; share: number },
  change: RoleChange,
): Promise<void> {
  if (!(candidate.share > 0 && candidate.share <= 1)) {
    throw new InvalidRequestError("The share must be a number above 0 and at most 1, e.g. 0.1.");
  }
  await store.transaction(async (tx) => {
    const registered = await tx.models.list();
    if (!registered.some((model) => model.name === candidate.model)) {
      throw new InvalidRequestError(
        `Model "${candidate.model}" is not installed: pull it first (colibri pull ${candidate.model}).`,
      );
    }
    const assignments = await tx.models.assignments();
    if (currentOf(assignments)?.model === candidate.model) {
      throw new InvalidRequestError(
        `Model "${candidate.model}" is already the current model; name another as the candidate.`,
      );
    }
    for (const other of assignments.filter((row) => row.role === "candidate")) {
      if (other.model === candidate.model && other.scope === candidate.scope) continue;
      await retire(tx, other, change.now);
      await event(
        tx,
        other.scope,
        "withdrawn",
        other.model,
        null,
        `replaced by ${candidate.model}`,
        change,
      );
    }
    await tx.models.assign({
      scope: candidate.scope,
      model: candidate.model,
      role: "candidate",
      mode: candidate.mode,
      share: candidate.share,
      updatedAt: change.now,
    });
    await event(
      tx,
      candidate.scope,
      "candidate",
      candidate.model,
      currentOf(assignments)?.model ?? null,
      `${candidate.mode} on ${Math.round(candidate.share * 1000) / 10} % of the requests`,
      change,
    );
  });
}

/**
 * The candidate becomes the current model of every tenant; the one it replaces is retired.
 * Returns the promoted model; throws when there is no candidate.
 */
export async function promoteCandidate(
  store: Store,
  reason: string,
  change: RoleChange,
): Promise<{ model: string; previous: string | null }> {
  return store.transaction(async (tx) => {
    const assignments = await tx.models.assignments();
    const candidate = candidateOf(assignments);
    if (candidate === undefined) {
      throw new InvalidRequestError(
        "No candidate model to promote: name one first (colibri models candidate <model>).",
      );
    }
    const current = currentOf(assignments);
    if (current !== undefined) {
      await retire(tx, current, change.now);
    }
    if (candidate.scope !== "all") {
      await retire(tx, candidate, change.now);
    }
    await tx.models.assign(assignment("all", candidate.model, "current", change.now));
    const previous = current?.model ?? null;
    await event(tx, "all", "promoted", candidate.model, previous, reason, change);
    return { model: candidate.model, previous };
  });
}

/**
 * Stop trying the candidate: `rolled-back` (it measured worse) or `withdrawn` (by command), or
 * `load-failed` (it could not be loaded). Returns its name; undefined when there was none.
 */
export async function endCandidate(
  store: Store,
  kind: Extract<ModelEventKind, "rolled-back" | "withdrawn" | "load-failed">,
  reason: string,
  change: RoleChange,
): Promise<string | undefined> {
  return store.transaction(async (tx) => {
    const assignments = await tx.models.assignments();
    const candidate = candidateOf(assignments);
    if (candidate === undefined) return undefined;
    await retire(tx, candidate, change.now);
    await event(
      tx,
      candidate.scope,
      kind,
      candidate.model,
      currentOf(assignments)?.model ?? null,
      reason,
      change,
    );
    return candidate.model;
  });
}

/** Add the installed models to the registry (or update their entries). */
export async function registerModels(
  store: Store,
  models: readonly RegisteredModel[],
): Promise<void> {
  for (const model of models) await store.models.register(model);
}

/** The row's model stops being tried or served in its scope. */
async function retire(tx: StoreRepositories, row: ModelAssignment, now: number): Promise<void> {
  await tx.models.assign({ ...row, role: "retired", mode: null, share: null, updatedAt: now });
}

function assignment(
  scope: ModelScope,
  model: string,
  role: "current",
  now: number,
): ModelAssignment {
  return { scope, model, role, mode: null, share: null, updatedAt: now };
}

async function event(
  tx: StoreRepositories,
  scope: ModelScope,
  kind: ModelEventKind,
  model: string,
  previous: string | null,
  reason: string,
  change: RoleChange,
): Promise<void> {
  await tx.models.recordEvent({
    id: timeOrderedId(),
    createdAt: change.now,
    scope,
    kind,
    model,
    previous,
    reason,
    actor: change.actor,
  });
}
