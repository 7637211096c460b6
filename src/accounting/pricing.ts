import type { Usage } from "../core/chat.js";
import { ColibriError } from "../core/errors.js";
import { defaultPrices } from "./default-prices.js";
import type { Price, PriceTable } from "./price-table.js";

export type { Price, PriceTable } from "./price-table.js";

export interface PricingSettings {
  /** Price of local tokens: zero, or an energy/hardware cost per million tokens. */
  local: Price;
  /** Cloud prices from the config; they win over the bundled table. */
  models: PriceTable;
  /** The cloud model every request is compared with to compute the saving. */
  referenceModel: string;
  /** The same, for embeddings requests. */
  referenceEmbeddingModel: string;
}

export interface RequestCost {
  costUsd: number;
  /** What the same tokens would have cost on the reference cloud model. */
  referenceCostUsd: number;
}

/** Costs from the price table: plain arithmetic, no I/O, prices never fetched. */
export class Pricing {
  readonly #table: PriceTable;
  readonly #settings: PricingSettings;
  readonly #names: string[];

  constructor(settings: PricingSettings) {
    this.#settings = settings;
    this.#table = { ...defaultPrices, ...settings.models };
    // Longest first, so "gpt-4o-mini-2024-07-18" finds gpt-4o-mini before gpt-4o.
    this.#names = Object.keys(this.#table).sort((a, b) => b.length - a.length);
    for (const name of [settings.referenceModel, settings.referenceEmbeddingModel]) {
      if (this.priceOf(name) === undefined) {
        throw new ColibriError(
          `pricing: the reference model "${name}" has no price. Add it under pricing.models in the config ({"input": USD per million tokens, "output": …}) or pick one of: ${Object.keys(this.#table).join(", ")}.`,
          { code: "invalid_config", status: 500 },
        );
      }
    }
  }

  /** The price of a cloud model by exact name or by its family's name; undefined if unknown. */
  priceOf(model: string): Price | undefined {
    const exact = this.#table[model];
    if (exact !== undefined) return exact;
    const family = this.#names.find((name) => model.startsWith(`${name}-`));
    return family === undefined ? undefined : this.#table[family];
  }

  /**
   * Cost of one request. `target` is "local", "cache" or a cloud provider; an unknown cloud model costs
   * what the reference model costs (an honest upper guess beats pretending it was free).
   */
  cost(target: string, model: string, usage: Usage, kind: "chat" | "embeddings"): RequestCost {
    const reference = this.#reference(kind);
    const referenceCostUsd = costOf(reference, usage);
    // A cached answer costs nothing: all of its reference cost is saved.
    if (target === "cache") return { costUsd: 0, referenceCostUsd };
    if (target === "local")
      return { costUsd: costOf(this.#settings.local, usage), referenceCostUsd };
    return { costUsd: costOf(this.priceOf(model) ?? reference, usage), referenceCostUsd };
  }

  #reference(kind: "chat" | "embeddings"): Price {
    const name =
      kind === "chat" ? this.#settings.referenceModel : this.#settings.referenceEmbeddingModel;
    return this.priceOf(name) ?? { input: 0, output: 0 }; // unreachable: checked at construction
  }
}

function costOf(price: Price, usage: Usage): number {
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}
