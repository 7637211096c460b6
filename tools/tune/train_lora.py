"""Train a LoRA adapter for a llama-architecture GGUF chat model on a chat fine-tuning JSONL file.

Run by `colibri tune train` (tools/cli/commands/tune-train.ts) inside tools/tune/.venv; it reads
the base model from its GGUF file (dequantized by transformers), trains rank-R LoRA matrices on
the attention projections with the loss on the assistant's tokens only, and saves a PEFT adapter
folder (adapter_model.safetensors + adapter_config.json). The TypeScript side converts that folder
to llama.cpp's LoRA GGUF. Progress goes to stdout as one JSON object per line; errors as one JSON
line with "event": "error" and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time


CHATML_SYSTEM = "<|im_start|>system\n"
CHATML_END = "<|im_end|>\n"


def emit(event: str, **fields: object) -> None:
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def fail(message: str) -> None:
    emit("error", message=message)
    sys.exit(2)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="the base model's GGUF file")
    parser.add_argument("--train", required=True, help="chat fine-tuning JSONL: {'messages': [...]}")
    parser.add_argument("--eval", help="held-out JSONL of the same shape: its loss is reported")
    parser.add_argument("--out", required=True, help="folder for the PEFT adapter")
    parser.add_argument("--steps", type=int, default=80)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--alpha", type=float, default=16.0)
    parser.add_argument("--learning-rate", type=float, default=2e-3)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=256, help="longest example, in tokens")
    parser.add_argument("--targets", default="q_proj,v_proj,o_proj,down_proj")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def read_conversations(path: str) -> list[list[dict[str, str]]]:
    conversations = []
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                fail(f"{path} line {number} is not JSON: {error.msg}")
            messages = record.get("messages") if isinstance(record, dict) else None
            if (
                not isinstance(messages, list)
                or not messages
                or not all(
                    isinstance(message, dict)
                    and message.get("role") in ("system", "user", "assistant")
                    and isinstance(message.get("content"), str)
                    for message in messages
                )
            ):
                fail(
                    f'{path} line {number} is not {{"messages": [{{"role", "content"}}, ...]}} '
                    "with roles system, user or assistant and text contents"
                )
            if messages[-1]["role"] != "assistant":
                fail(f"{path} line {number} does not end with the assistant's answer")
            conversations.append(messages)
    if not conversations:
        fail(f"{path} holds no conversation")
    return conversations


def token_ids(tokenizer, messages, add_generation_prompt: bool) -> list[int]:
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, tokenize=False)
    # Train on the tokens the engine serves: node-llama-cpp's ChatML wrapper writes no system turn
    # when the conversation has none, where the Jinja templates of SmolLM2 and Qwen 2.5 add their
    # default one ("You are a helpful AI assistant named SmolLM..."); that turn is dropped here.
    if messages[0]["role"] != "system" and text.startswith(CHATML_SYSTEM):
        text = text[text.index(CHATML_END, len(CHATML_SYSTEM)) + len(CHATML_END) :]
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def encode(tokenizer, messages, max_tokens: int, path: str) -> tuple[list[int], list[int]]:
    """Token ids of the whole conversation and labels that keep only the last answer's tokens."""
    prompt = token_ids(tokenizer, messages[:-1], add_generation_prompt=True)
    full = token_ids(tokenizer, messages, add_generation_prompt=False)
    if full[: len(prompt)] != prompt:
        fail(f"the chat template of the model does not extend the prompt with the answer ({path})")
    # The template may end with a newline after the end-of-turn token: train the end of turn, not it.
    answer_end = len(full)
    while answer_end > len(prompt) and tokenizer.decode(full[answer_end - 1 : answer_end]).strip() == "":
        answer_end -= 1
    full = full[:answer_end]
    if len(full) > max_tokens:
        full = full[:max_tokens]
    labels = [-100] * min(len(prompt), len(full)) + full[len(prompt) :]
    return full, labels


def batches(examples, batch_size: int, pad_id: int, generator: random.Random, torch):
    while True:
        order = list(range(len(examples)))
        generator.shuffle(order)
        for start in range(0, len(order), batch_size):
            chosen = [examples[index] for index in order[start : start + batch_size]]
            yield collate(chosen, pad_id, torch)


def collate(chosen, pad_id: int, torch):
    width = max(len(ids) for ids, _ in chosen)
    input_ids = torch.full((len(chosen), width), pad_id, dtype=torch.long)
    labels = torch.full((len(chosen), width), -100, dtype=torch.long)
    attention = torch.zeros((len(chosen), width), dtype=torch.long)
    for row, (ids, row_labels) in enumerate(chosen):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        labels[row, : len(row_labels)] = torch.tensor(row_labels)
        attention[row, : len(ids)] = 1
    return input_ids, labels, attention


def mean_loss(model, examples, batch_size: int, pad_id: int, torch) -> float:
    total, count = 0.0, 0
    model.eval()
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            input_ids, labels, attention = collate(examples[start : start + batch_size], pad_id, torch)
            logits = model(input_ids=input_ids, attention_mask=attention).logits[:, :-1]
            targets = labels[:, 1:]
            losses = torch.nn.functional.cross_entropy(
                logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100, reduction="sum"
            )
            total += float(losses)
            count += int((targets != -100).sum())
    model.train()
    return total / max(count, 1)


def main() -> None:
    args = parse_args()
    started = time.monotonic()
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    torch.manual_seed(args.seed)
    torch.set_num_threads(max(1, args.threads))

    folder, file = os.path.split(os.path.abspath(args.model))
    emit("loading", model=file)
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=file)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=file, dtype=torch.float32)
    architecture = model.config.model_type
    if architecture != "llama":
        fail(f"{file} is a {architecture} model; only llama-architecture models can be trained here")
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id

    train = [encode(tokenizer, messages, args.max_tokens, args.train) for messages in read_conversations(args.train)]
    held_out = (
        [encode(tokenizer, messages, args.max_tokens, args.eval) for messages in read_conversations(args.eval)]
        if args.eval
        else []
    )
    targets = [name.strip() for name in args.targets.split(",") if name.strip()]
    model = get_peft_model(
        model,
        LoraConfig(r=args.rank, lora_alpha=args.alpha, lora_dropout=0.0, target_modules=targets, bias="none"),
    )
    trainable = sum(parameter.numel() for parameter in model.parameters() if parameter.requires_grad)
    emit(
        "loaded",
        seconds=round(time.monotonic() - started, 1),
        trainExamples=len(train),
        evalExamples=len(held_out),
        trainableParameters=trainable,
    )

    eval_before = mean_loss(model, held_out, args.batch_size, pad_id, torch) if held_out else None
    optimizer = torch.optim.AdamW(
        [parameter for parameter in model.parameters() if parameter.requires_grad], lr=args.learning_rate, weight_decay=0.0
    )
    warmup = max(1, args.steps // 10)

    def learning_rate_factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, args.steps - warmup)))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, learning_rate_factor)
    stream = batches(train, args.batch_size, pad_id, random.Random(args.seed), torch)
    model.train()
    training_started = time.monotonic()
    for step in range(1, args.steps + 1):
        input_ids, labels, attention = next(stream)
        loss = model(input_ids=input_ids, attention_mask=attention, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        emit("step", step=step, steps=args.steps, loss=round(loss.item(), 4),
             seconds=round(time.monotonic() - training_started, 1))

    eval_after = mean_loss(model, held_out, args.batch_size, pad_id, torch) if held_out else None
    model.save_pretrained(args.out)
    emit(
        "done",
        seconds=round(time.monotonic() - started, 1),
        trainingSeconds=round(time.monotonic() - training_started, 1),
        evalLossBefore=None if eval_before is None else round(eval_before, 4),
        evalLossAfter=None if eval_after is None else round(eval_after, 4),
        out=args.out,
    )


if __name__ == "__main__":
    main()
