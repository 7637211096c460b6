import { InvalidRequestError } from "../../core/errors.js";

/**
 * The vocabulary of a SentencePiece model file (`tokenizer.model`, a protobuf `ModelProto`): each
 * piece's text, score and type, in id order. Only field 1 (`repeated SentencePiece pieces`) is
 * read; the rest of the message (trainer and normalizer settings) is skipped. Decoded by hand: the
 * three fields read here do not justify a protobuf runtime.
 */
export interface SentencePiece {
  piece: string;
  score: number;
  type: SentencePieceType;
}

/** `SentencePiece.Type` in sentencepiece_model.proto; also the GGUF token types llama.cpp reads. */
export const SentencePieceType = {
  normal: 1,
  unknown: 2,
  control: 3,
  userDefined: 4,
  unused: 5,
  byte: 6,
} as const;
export type SentencePieceType = (typeof SentencePieceType)[keyof typeof SentencePieceType];

const wire = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

export function readSentencePieceModel(bytes: Uint8Array, label: string): SentencePiece[] {
  const pieces: SentencePiece[] = [];
  const reader = new ProtoReader(bytes, label);
  while (!reader.done()) {
    const { field, type } = reader.key();
    if (field === 1 && type === wire.bytes) pieces.push(readPiece(reader.bytes(), label));
    else reader.skip(type);
  }
  if (pieces.length === 0) {
    throw new InvalidRequestError(`${label} holds no SentencePiece vocabulary.`);
  }
  return pieces;
}

function readPiece(bytes: Uint8Array, label: string): SentencePiece {
  const reader = new ProtoReader(bytes, label);
  let piece = "";
  let score = 0;
  let type: number = SentencePieceType.normal;
  while (!reader.done()) {
    const key = reader.key();
    if (key.field === 1 && key.type === wire.bytes) {
      piece = Buffer.from(reader.bytes()).toString("utf8");
    } else if (key.field === 2 && key.type === wire.fixed32) {
      score = reader.float32();
    } else if (key.field === 3 && key.type === wire.varint) {
      type = reader.varint();
    } else reader.skip(key.type);
  }
  if (type < SentencePieceType.normal || type > SentencePieceType.byte) {
    throw new InvalidRequestError(`${label}: piece ${JSON.stringify(piece)} has type ${type}.`);
  }
  return { piece, score, type: type as SentencePieceType };
}

class ProtoReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    private readonly label: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  done(): boolean {
    return this.offset >= this.data.byteLength;
  }

  key(): { field: number; type: number } {
    const key = this.varint();
    return { field: Math.floor(key / 8), type: key % 8 };
  }

  varint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.data[this.offset];
      if (byte === undefined || multiplier > 2 ** 63) throw this.damaged();
      this.offset += 1;
      value += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return value;
      multiplier *= 128;
    }
  }

  bytes(): Uint8Array {
    const length = this.varint();
    if (this.offset + length > this.data.byteLength) throw this.damaged();
    const bytes = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }

  float32(): number {
    if (this.offset + 4 > this.data.byteLength) throw this.damaged();
    const value = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return value;
  }

  skip(type: number): void {
    if (type === wire.varint) this.varint();
    else if (type === wire.bytes) this.bytes();
    else if (type === wire.fixed32) this.offset += 4;
    else if (type === wire.fixed64) this.offset += 8;
    else throw this.damaged();
    if (this.offset > this.data.byteLength) throw this.damaged();
  }

  private damaged(): InvalidRequestError {
    return new InvalidRequestError(
      `${this.label} is not a SentencePiece model (damaged protobuf at byte ${this.offset}).`,
    );
  }
}
