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
    /** Whether the dense features (lengths, numbers, options, clauses…) are used. */
    dense: z.boolean(),
  })
  .strict();

export type FeatureSettings = z.infer<typeof featureSettingsSchema>;

/**
 * The dense, task-independent features only (docs/decisions/0019-pre-router-across-task-families.md):
 * hashed n-grams learn a data set's topics, which do not carry to other task families. The
 * n-gram settings stay for training on one's own traffic (`router train --ngrams`), where they can.
 */
export const defaultFeatureSettings: FeatureSettings = {
  bucketBits: 8,
  wordNgrams: 0,
  charNgramMin: 0,
  charNgramMax: 0,
  headCharacters: 4096,
  tailCharacters: 1024,
  dense: true,
};

/** The character 3–5-grams of format 1, for `router train --ngrams`. */
export const ngramFeatureSettings: FeatureSettings = {
  ...defaultFeatureSettings,
  bucketBits: 16,
  charNgramMin: 3,
  charNgramMax: 5,
};
