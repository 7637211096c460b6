import { z } from "zod";
import { featureSettingsSchema } from "./feature-settings.js";

export const preRouterFormat = "colibri-pre-router";
export const preRouterFormatVersion = 2;

/**
 * What the router's score comes from: the length heuristic (the longer the prompt, the likelier
 * the local model fails it), or the learned model, falling back to the heuristic on prompts
 * whose features lie outside the range it was trained on.
 */
export const preRouterScorers = ["length", "learned"] as const;
export type PreRouterScorer = (typeof preRouterScorers)[number];

/** What the model predicts: the weak model answers wrongly, or the strong one wins over it. */
export const preRouterTargets = ["weak-wrong", "strong-wins"] as const;
export type PreRouterTarget = (typeof preRouterTargets)[number];

/** Scores of the training prompts at the 0th, 1st, … 100th percentile. */
const quantilesSchema = z.array(z.number()).length(101);

/** Leave-one-group-out APGR of the learned model and the length heuristic (groups: data sets or files). */
const groupValidationSchema = z
  .object({
    by: z.enum(["data", "file"]),
    groups: z.array(
      z
        .object({
          name: z.string(),
          rows: z.number().int(),
          learned: z.number(),
          length: z.number(),
        })
        .strict(),
    ),
    /** Mean over the groups of learned − length APGR, and the smallest. */
    meanGain: z.number(),
    minimumGain: z.number(),
  })
  .strict();

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
    /** Which score the router uses; "length" when the learned model did not beat it on held-out groups. */
    scorer: z.enum(preRouterScorers),
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
        /** The training set's range: outside it the learned model is not trusted. */
        minimum: z.array(z.number()),
        maximum: z.array(z.number()),
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
        groupValidation: groupValidationSchema.optional(),
      })
      .strict(),
    /**
     * The learned model's and the length heuristic's raw scores over the training prompts at the
     * 0th … 100th percentile: the router's score is the prompt's position among them (0–1), so
     * both scorers share one scale and a fallback from one to the other keeps the threshold's meaning.
     */
    quantiles: z.object({ learned: quantilesSchema, length: quantilesSchema }).strict(),
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
export type GroupValidationSummary = z.infer<typeof groupValidationSchema>;
