import type { Kysely, Selectable } from "kysely";
import type {
  CandidateMode,
  ModelAssignment,
  ModelEvent,
  ModelEventKind,
  ModelRegistryRepository,
  ModelRole,
  ModelScope,
  ModelTrial,
  RatedTrial,
  RegisteredModel,
} from "../core/records/model-registry.js";
import type {
  Database,
  ModelAssignmentTable,
  ModelEventTable,
  ModelTrialTable,
  RegisteredModelTable,
} from "./database-schema.js";

export function modelRegistryRepository(db: Kysely<Database>): ModelRegistryRepository {
  return {
    async register(model) {
      const row = modelColumns(model);
      await db
        .insertInto("registered_models")
        .values(row)
        .onConflict((conflict) =>
          conflict.column("name").doUpdateSet({
            kind: row.kind,
            source: row.source,
            sha256: row.sha256,
            size_bytes: row.size_bytes,
            licence: row.licence,
            installed_at: row.installed_at,
            // Registering again (each start) keeps the evaluation measured so far.
            ...(row.evaluation === null ? {} : { evaluation: row.evaluation }),
          }),
        )
        .execute();
    },

    async list() {
      const rows = await db.selectFrom("registered_models").selectAll().orderBy("name").execute();
      return rows.map(modelFromRow);
    },

    async setEvaluation(name, evaluation) {
      const result = await db
        .updateTable("registered_models")
        .set({ evaluation: JSON.stringify(evaluation) })
        .where("name", "=", name)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async assignments(scope) {
      let selection = db.selectFrom("model_assignments").selectAll();
      if (scope !== undefined) selection = selection.where("scope", "=", scope);
      const rows = await selection.orderBy("scope").orderBy("model").execute();
      return rows.map(assignmentFromRow);
    },

    async assign(assignment) {
      const row: Selectable<ModelAssignmentTable> = {
        scope: assignment.scope,
        model: assignment.model,
        role: assignment.role,
        mode: assignment.mode,
        share: assignment.share,
        updated_at: assignment.updatedAt,
      };
      await db
        .insertInto("model_assignments")
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(["scope", "model"]).doUpdateSet({
            role: row.role,
            mode: row.mode,
            share: row.share,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    async recordTrial(trial) {
      await db.insertInto("model_trials").values(trialColumns(trial)).execute();
    },

    async trials(query) {
      if (query.models.length === 0) return [];
      const rows = await db
        .selectFrom("model_trials")
        .leftJoin("feedback", (join) =>
          join
            .onRef("feedback.tenant_id", "=", "model_trials.tenant_id")
            .onRef("feedback.response_id", "=", "model_trials.response_id"),
        )
        .selectAll("model_trials")
        .select("feedback.rating as rating")
        .where("model_trials.scope", "=", query.scope)
        .where("model_trials.model", "in", [...query.models])
        .where("model_trials.created_at", ">=", query.since)
        .orderBy("model_trials.created_at", "desc")
        .orderBy("model_trials.id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map((row): RatedTrial => ({ ...trialFromRow(row), rating: row.rating ?? null }));
    },

    async recordEvent(event) {
      await db
        .insertInto("model_events")
        .values({
          id: event.id,
          created_at: event.createdAt,
          scope: event.scope,
          kind: event.kind,
          model: event.model,
          previous: event.previous,
          reason: event.reason,
          actor: event.actor,
        })
        .execute();
    },

    async events(query) {
      let selection = db.selectFrom("model_events").selectAll();
      if (query.scope !== undefined) selection = selection.where("scope", "=", query.scope);
      const rows = await selection
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map(eventFromRow);
    },
  };
}

function modelColumns(model: RegisteredModel): Selectable<RegisteredModelTable> {
  return {
    name: model.name,
    kind: model.kind,
    source: model.source,
    sha256: model.sha256,
    size_bytes: model.sizeBytes,
    licence: model.licence,
    installed_at: model.installedAt,
    evaluation: model.evaluation === null ? null : JSON.stringify(model.evaluation),
  };
}

function modelFromRow(row: Selectable<RegisteredModelTable>): RegisteredModel {
  return {
    name: row.name,
    kind: row.kind,
    source: row.source,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    licence: row.licence,
    installedAt: row.installed_at,
    evaluation:
      row.evaluation === null ? null : (JSON.parse(row.evaluation) as Record<string, unknown>),
  };
}

function assignmentFromRow(row: Selectable<ModelAssignmentTable>): ModelAssignment {
  return {
    scope: row.scope as ModelScope,
    model: row.model,
    role: row.role as ModelRole,
    mode: row.mode as CandidateMode | null,
    share: row.share,
    updatedAt: row.updated_at,
  };
}

function trialColumns(trial: ModelTrial): Selectable<ModelTrialTable> {
  return {
    id: trial.id,
    created_at: trial.createdAt,
    scope: trial.scope,
    tenant_id: trial.tenantId,
    response_id: trial.responseId,
    model: trial.model,
    role: trial.role,
    mode: trial.mode,
    escalated: trial.escalated ? 1 : 0,
    runaway: trial.runaway ? 1 : 0,
    language_mismatch: trial.languageMismatch ? 1 : 0,
    failed: trial.failed ? 1 : 0,
    finish_reason: trial.finishReason,
    latency_ms: trial.latencyMs,
    confidence: trial.confidence,
    agreement: trial.agreement,
  };
}

function trialFromRow(row: Selectable<ModelTrialTable>): ModelTrial {
  return {
    id: row.id,
    createdAt: row.created_at,
    scope: row.scope as ModelScope,
    tenantId: row.tenant_id,
    responseId: row.response_id,
    model: row.model,
    role: row.role as ModelTrial["role"],
    mode: row.mode as ModelTrial["mode"],
    escalated: row.escalated === 1,
    runaway: row.runaway === 1,
    languageMismatch: row.language_mismatch === 1,
    failed: row.failed === 1,
    finishReason: row.finish_reason,
    latencyMs: row.latency_ms,
    confidence: row.confidence,
    agreement: row.agreement,
  };
}

function eventFromRow(row: Selectable<ModelEventTable>): ModelEvent {
  return {
    id: row.id,
    createdAt: row.created_at,
    scope: row.scope as ModelScope,
    kind: row.kind as ModelEventKind,
    model: row.model,
    previous: row.previous,
    reason: row.reason,
    actor: row.actor,
  };
}
