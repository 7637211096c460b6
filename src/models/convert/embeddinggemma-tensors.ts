/**
 * Hugging Face tensor names of EmbeddingGemma (`Gemma3TextModel` in sentence-transformers layout)
 * to the names llama.cpp's `gemma-embedding` loader looks up, the mapping llama.cpp's own
 * converter applies (read from its gguf-py tensor table; written here, not copied).
 */
export interface MappedTensorName {
  name: string;
  /**
   * Gemma's RMSNorm multiplies by (1 + weight); llama.cpp multiplies by the stored weight, so the
   * conversion stores weight + 1 for every norm.
   */
  addOne: boolean;
}

const blockTensors: Record<string, string> = {
  "input_layernorm.weight": "attn_norm.weight",
  "self_attn.q_proj.weight": "attn_q.weight",
  "self_attn.k_proj.weight": "attn_k.weight",
  "self_attn.v_proj.weight": "attn_v.weight",
  "self_attn.o_proj.weight": "attn_output.weight",
  "self_attn.q_norm.weight": "attn_q_norm.weight",
  "self_attn.k_norm.weight": "attn_k_norm.weight",
  "post_attention_layernorm.weight": "post_attention_norm.weight",
  "pre_feedforward_layernorm.weight": "ffn_norm.weight",
  "post_feedforward_layernorm.weight": "post_ffw_norm.weight",
  "mlp.gate_proj.weight": "ffn_gate.weight",
  "mlp.up_proj.weight": "ffn_up.weight",
  "mlp.down_proj.weight": "ffn_down.weight",
};

/** The sentence-transformers projection modules after pooling, by folder. */
export const denseModuleTensors: Record<string, string> = {
  "2_Dense": "dense_2.weight",
  "3_Dense": "dense_3.weight",
};

/**
 * The GGUF name of a transformer tensor (as named in the model's `model.safetensors`, with or
 * without a leading `model.`), or undefined for a tensor llama.cpp has no use for.
 */
export function embeddingGemmaTensorName(huggingfaceName: string): MappedTensorName | undefined {
  const name = huggingfaceName.replace(/^model\./, "");
  const addOne = name.endsWith("norm.weight");
  if (name === "embed_tokens.weight") return { name: "token_embd.weight", addOne };
  if (name === "norm.weight") return { name: "output_norm.weight", addOne };
  const block = /^layers\.(\d+)\.(.+)$/.exec(name);
  if (block === null) return undefined;
  const [, index = "", rest = ""] = block;
  const mapped = blockTensors[rest];
  return mapped === undefined ? undefined : { name: `blk.${index}.${mapped}`, addOne };
}
