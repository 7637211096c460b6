import { z } from "zod";

/** How a prompt becomes a feature vector; stored in the artifact so scoring matches training. */
export const featureSettingsSchema = z
  .object({
    /** Hashed features fall into 2^bucketBits buckets. */
    bucketBits: z.number().int().min(8).max(22),
    /** Word n-grams: 1 = unigrams, 2 = unigrams and bigrams, 0 = none. */
    wordNgrams: z.number().int().min(0).max(2),
    /** Character n-grams of the lower-cased text, from min to max characters; 0 = none. */
    charNgramMin: z.number().int().min(0).max(8),
    charNgramMax: z.number().int().min(0).max(8),
    /** Long prompts: only the first `headCharacters` and last `tailCharacters` are read. */
    headCharacters: z.number().int().positive(),
    tailCharacters: z.number().int().nonnegative(),
    /** Whether the dense features (lengths, digit and maths shares, options…) are used. */
    dense: z.boolean(),
  })
  .strict();

export type FeatureSettings = z.infer<typeof featureSettingsSchema>;

/**
 * Chosen by cross-validation (docs/decisions/0004-pre-router.md): character 3–5-grams and the dense
 * features; word n-grams scored better only when test questions share subjects with training ones.
 */
export const defaultFeatureSettings: FeatureSettings = {
  bucketBits: 16,
  wordNgrams: 0,
  charNgramMin: 3,
  charNgramMax: 5,
  headCharacters: 4096,
  tailCharacters: 1024,
  dense: true,
};
