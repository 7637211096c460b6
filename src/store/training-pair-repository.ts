import type { Kysely, Selectable } from "kysely";
import type { Database, TrainingPairTable } from "./database-schema.js";
import type {
  RatedTrainingPair,
  TrainingMessage,
  TrainingPair,
  TrainingPairRepository,
} from "../core/records/training-pairs.js";

export function trainingPairRepository(db: Kysely<Database>): TrainingPairRepository {
  return {
    async record(pair) {
      await db.insertInto("training_pairs").values(pairColumns(pair)).execute();
    },

    async page(query) {
      let selection = db
        .selectFrom("training_pairs")
        .leftJoin("feedback", (join) =>
          join
            .onRef("feedback.tenant_id", "=", "training_pairs.tenant_id")
            .onRef("feedback.response_id", "=", "training_pairs.response_id"),
        )
        .selectAll("training_pairs")
        .select(["feedback.rating as rating", "feedback.correction as correction"])
        .where("training_pairs.tenant_id", "=", query.tenantId);
      const { after } = query;
      if (after !== undefined) {
        selection = selection.where((eb) =>
          eb.or([
            eb("training_pairs.created_at", ">", after.createdAt),
            eb.and([
              eb("training_pairs.created_at", "=", after.createdAt),
              eb("training_pairs.id", ">", after.id),
            ]),
          ]),
        );
      }
      const rows = await selection
        .orderBy("training_pairs.created_at")
        .orderBy("training_pairs.id")
        .limit(query.limit)
        .execute();
      return rows.map((row): RatedTrainingPair => ({
        ...pairFromRow(row),
        rating: row.rating ?? null,
        correction: row.correction ?? null,
      }));
    },
  };
}

function pairColumns(pair: TrainingPair): Selectable<TrainingPairTable> {
  return {
    id: pair.id,
    tenant_id: pair.tenantId,
    response_id: pair.responseId,
    created_at: pair.createdAt,
    provider: pair.provider,
    model: pair.model,
    messages: JSON.stringify(pair.messages),
    answer: pair.answer,
    finish_reason: pair.finishReason,
  };
}

function pairFromRow(row: Selectable<TrainingPairTable>): TrainingPair {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    responseId: row.response_id,
    createdAt: row.created_at,
    provider: row.provider,
    model: row.model,
    // Written by pairColumns from TrainingMessage[]: our own JSON, not an outside payload.
    messages: JSON.parse(row.messages) as TrainingMessage[],
    answer: row.answer,
    finishReason: row.finish_reason,
  };
}
