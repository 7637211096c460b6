import type { Kysely, Selectable } from "kysely";
import type { Database, FeedbackTable } from "./database-schema.js";
import type { Feedback, FeedbackRepository } from "../core/records/feedback.js";

export function feedbackRepository(db: Kysely<Database>): FeedbackRepository {
  return {
    async record(feedback) {
      const answered = await db
        .selectFrom("usage_records")
        .select("id")
        .where("tenant_id", "=", feedback.tenantId)
        .where("response_id", "=", feedback.responseId)
        .limit(1)
        .executeTakeFirst();
      if (answered === undefined) return false;
      const row = feedbackColumns(feedback);
      await db
        .insertInto("feedback")
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(["tenant_id", "response_id"]).doUpdateSet({
            id: row.id,
            key_id: row.key_id,
            created_at: row.created_at,
            rating: row.rating,
            correction: row.correction,
            comment: row.comment,
          }),
        )
        .execute();
      return true;
    },

    async find(tenantId, responseId) {
      const row = await db
        .selectFrom("feedback")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("response_id", "=", responseId)
        .executeTakeFirst();
      return row === undefined ? undefined : feedbackFromRow(row);
    },

    async totals(query) {
      // The rated answer's model and target: the usage record written when it was given, found
      // by the (tenant_id, response_id) index (an answer's id is drawn at random: one record).
      let selection = db
        .selectFrom("feedback")
        .innerJoin("usage_records as answers", (join) =>
          join
            .onRef("answers.tenant_id", "=", "feedback.tenant_id")
            .onRef("answers.response_id", "=", "feedback.response_id"),
        )
        .where("feedback.created_at", ">=", query.since);
      if (query.until !== undefined)
        selection = selection.where("feedback.created_at", "<", query.until);
      if (query.tenantId !== undefined)
        selection = selection.where("feedback.tenant_id", "=", query.tenantId);
      const rows = await selection
        .select((eb) => [
          "answers.model as model",
          "answers.target as target",
          eb.fn
            .sum(eb.case().when("feedback.rating", "=", "good").then(1).else(0).end())
            .as("good"),
          eb.fn.sum(eb.case().when("feedback.rating", "=", "bad").then(1).else(0).end()).as("bad"),
          eb.fn.count("feedback.correction").as("corrected"),
        ])
        .groupBy(["answers.model", "answers.target"])
        .orderBy("answers.model")
        .orderBy("answers.target")
        .execute();
      // PostgreSQL returns COUNT and SUM of integers as int8/numeric; make them plain numbers.
      return rows.map((row) => ({
        model: row.model,
        target: row.target,
        good: Number(row.good),
        bad: Number(row.bad),
        corrected: Number(row.corrected),
      }));
    },
  };
}

function feedbackColumns(feedback: Feedback): Selectable<FeedbackTable> {
  return {
    id: feedback.id,
    tenant_id: feedback.tenantId,
    response_id: feedback.responseId,
    key_id: feedback.keyId,
    created_at: feedback.createdAt,
    rating: feedback.rating,
    correction: feedback.correction,
    comment: feedback.comment,
  };
}

function feedbackFromRow(row: Selectable<FeedbackTable>): Feedback {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    responseId: row.response_id,
    keyId: row.key_id,
    createdAt: row.created_at,
    rating: row.rating,
    correction: row.correction,
    comment: row.comment,
  };
}
