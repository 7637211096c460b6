import { describe, expect, it } from "vitest";
import { embeddingGemmaTensorName } from "./embeddinggemma-tensors.js";

describe("embeddingGemmaTensorName", () => {
  it("maps EmbeddingGemma's Hugging Face tensors to llama.cpp's gemma-embedding names", () => {
    const cases: [string, string, boolean][] = [
      ["embed_tokens.weight", "token_embd.weight", false],
      ["norm.weight", "output_norm.weight", true],
      ["layers.0.input_layernorm.weight", "blk.0.attn_norm.weight", true],
      ["layers.3.self_attn.q_proj.weight", "blk.3.attn_q.weight", false],
      ["layers.3.self_attn.k_proj.weight", "blk.3.attn_k.weight", false],
      ["layers.3.self_attn.v_proj.weight", "blk.3.attn_v.weight", false],
      ["layers.3.self_attn.o_proj.weight", "blk.3.attn_output.weight", false],
      ["layers.11.self_attn.q_norm.weight", "blk.11.attn_q_norm.weight", true],
      ["layers.11.self_attn.k_norm.weight", "blk.11.attn_k_norm.weight", true],
      ["layers.23.post_attention_layernorm.weight", "blk.23.post_attention_norm.weight", true],
      ["layers.23.pre_feedforward_layernorm.weight", "blk.23.ffn_norm.weight", true],
      ["layers.23.post_feedforward_layernorm.weight", "blk.23.post_ffw_norm.weight", true],
      ["layers.5.mlp.gate_proj.weight", "blk.5.ffn_gate.weight", false],
      ["layers.5.mlp.up_proj.weight", "blk.5.ffn_up.weight", false],
      ["layers.5.mlp.down_proj.weight", "blk.5.ffn_down.weight", false],
      // The same model saved with its `model.` prefix (Gemma3ForCausalLM layout).
      ["model.layers.2.mlp.up_proj.weight", "blk.2.ffn_up.weight", false],
    ];
    for (const [huggingface, gguf, addOne] of cases) {
      expect(embeddingGemmaTensorName(huggingface), huggingface).toEqual({ name: gguf, addOne });
    }
  });

  it("knows nothing of other tensors (the conversion refuses them)", () => {
    expect(embeddingGemmaTensorName("lm_head.weight")).toBeUndefined();
    expect(embeddingGemmaTensorName("layers.0.self_attn.rotary_emb.inv_freq")).toBeUndefined();
    expect(embeddingGemmaTensorName("vision_tower.weight")).toBeUndefined();
  });
});
