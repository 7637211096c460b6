import { z } from "zod";
import { featureSettingsSchema } from "./feature-settings.js";

export const preRouterFormat = "colibri-pre-router";
export const preRouterFormatVersion = 1;

/** What the model predicts: the weak model answers wrongly, or the strong one wins over it. */
export const preRouterTargets = ["weak-wrong", "strong-wins"] as const;
export type PreRouterTarget = (typeof preRouterTargets)[number];

const crossValidationSchema = z
  .object({
    folds: z.number().int().min(2),
    apgr: z.number(),
    cpt50: z.number().nullable(),
    cpt80: z.number().nullable(),
  })
  .strict();

/** The JSON file `colibri router train` writes and the router loads. */
export const preRouterArtifactSchema = z
  .object({
    format: z.literal(preRouterFormat),
    version: z.literal(preRouterFormatVersion),
    target: z.enum(preRouterTargets),
    features: featureSettingsSchema,
    /** One weight per hashed bucket, see weight-encoding.ts. */
    weights: z
      .object({
        encoding: z.literal("int8-sqrt-base64"),
        scale: z.number().nonnegative(),
        data: z.string(),
      })
      .strict(),
    /** Dense features: names, weights, and the training set's mean and spread to standardise. */
    dense: z
      .object({
        names: z.array(z.string()),
        weights: z.array(z.number()),
        mean: z.array(z.number()),
        deviation: z.array(z.number().positive()),
      })
      .strict(),
    bias: z.number(),
    training: z
      .object({
        rows: z.number().int().nonnegative(),
        positives: z.number().int().nonnegative(),
        date: z.string(),
        source: z.string(),
        epochs: z.number().int().positive(),
        batchSize: z.number().int().positive(),
        learningRate: z.number().positive(),
        l2: z.number().nonnegative(),
        /** Share of the source's prompts left out by hash for evaluation, if any. */
        holdOut: z.number().min(0).max(1),
        crossValidation: crossValidationSchema.optional(),
      })
      .strict(),
    /** Scores of the training prompts at the 0th, 1st, … 100th percentile. */
    scoreQuantiles: z.array(z.number().min(0).max(1)).length(101),
    /** Hashes of the training prompts, so evaluation can leave them out. */
    trainingPrompts: z
      .object({
        encoding: z.literal("uint48-base64"),
        count: z.number().int().nonnegative(),
        data: z.string(),
      })
      .strict(),
  })
  .strict();

export type PreRouterArtifact = z.infer<typeof preRouterArtifactSchema>;
export type CrossValidationSummary = z.infer<typeof crossValidationSchema>;
