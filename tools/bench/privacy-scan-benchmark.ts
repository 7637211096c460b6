/**
 * `npm run bench:privacy`: how fast the privacy scanner reads a message, and how well it finds
 * Latin American identifiers on its corpora (test/fixtures/privacy/).
 *
 *   node dist-tools/tools/bench/privacy-scan-benchmark.js [--corpus test/fixtures/privacy] [--runs 5000]
 *
 * Scan time is per scanText() call, timed one call at a time after a warm-up; per KB (10^3 bytes
 * of UTF-8), the p50 call's wall time and the process's CPU time over all timed calls (the steadier
 * figure on a shared machine). It prints numbers and judges none.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { piiTypes } from "../../src/core/pii-types.js";
import { scanText } from "../../src/privacy/scan.js";
import {
  evaluateNearMisses,
  evaluateNegatives,
  evaluatePositives,
  nearMissLineSchema,
  parseJsonLines,
  positiveLineSchema,
  type Recall,
} from "./privacy-scan-evaluation.js";
import { timeScan, type ScanTiming } from "./privacy-scan-timing.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "test/fixtures/privacy" },
    runs: { type: "string", default: "5000" },
  },
});
const runs = Number(values.runs);
const read = (name: string) => readFileSync(`${values.corpus}/${name}`, "utf8");

/** A support message of about 1 KB, as a customer writes it: some personal data, many numbers. */
const supportMessage = [
  "Olá, boa tarde! Meu nome é Ana Souza e sou cliente desde 2019. Fiz o pedido nº 12345678909",
  "no dia 12/03/2024 às 14:35, no valor de R$ 1.234,56 (3x de R$ 411,52 sem juros), mas até",
  "agora o status continua como 'em separação'. O protocolo do primeiro atendimento foi",
  "20240312001 e o do segundo 20240315007. Meu CPF é 123.456.789-09 e o telefone para contato",
  "é (11) 98765-4321, mas pode mandar WhatsApp também. O e-mail cadastrado é",
  "ana.souza@example.com.br. O endereço de entrega é Rua das Flores, 1234, apto 56, CEP",
  "01310-100, São Paulo - SP. Já paguei o boleto com vencimento em 15/03/2024 e tenho o",
  "comprovante da transação 884422 às 09:41:27. Se precisarem, o CNPJ da minha empresa, que",
  "também compra com vocês, é 16.727.230/0001-97, e a nota fiscal 000.123.456 saiu com valor",
  "de R$ 3.450,00. Vi no site que o prazo é de 5 a 7 dias úteis, mas já se passaram 12 dias.",
  "Peço que verifiquem o quanto antes, porque o produto (modelo XPS 13 9340, versão 2024) é",
  "um presente de aniversário para o dia 25/03. Desde já agradeço a atenção. Abraços, Ana.",
].join(" ");

/** The same length in Spanish with no personal data at all: every number is something else. */
const numbersOnlyMessage = [
  "Buenos días. Le escribo por la factura A 0003-00012345 del 15/02/2024 por $ 45.678,90,",
  "que corresponde a la orden de compra 4500012345 de 1.200 piezas a $ 38,07 cada una. El",
  "remito 0001-00045678 llegó el 20/02 con 1.150 piezas; faltan 50. La guía de Estafeta",
  "7894561230 indica entrega parcial a las 11:20. El lote 2403150012 vence el 31/08/2025 y",
  "el número de serie del equipo es SN 2023045678912. La póliza 100200300400 cubre hasta",
  "$ 500.000 y el deducible es del 10%. Según el informe del 31/03, el inventario registra",
  "15.678 artículos en 23 bodegas y la tasa de rotación fue 4,5 veces al año. El precio del",
  "dólar cerró en $ 17,05 y la inflación anual fue de 4,42%. Le pedimos revisar el ticket",
  "#4821-3321 y el caso 0456789; el expediente 12345/2023 ya fue archivado. La reunión",
  "quedó para el 15 de abril a las 10:30 en la sala 3, piso 12, edificio 4, con 8 asistentes.",
  "El presupuesto aprobado es de $ 2.345.678 para 2024 y el avance del proyecto es del 45%.",
  "Coordenadas del almacén: 19.4326, -99.1332. Gracias por su atención. Saludos cordiales.",
].join(" ");

const negatives = read("negatives.txt")
  .split("\n")
  .filter((line) => line.trim() !== "");
const positives = parseJsonLines(read("positives.jsonl"), positiveLineSchema, "positives.jsonl");
const nearMisses = parseJsonLines(
  read("near-misses.jsonl"),
  nearMissLineSchema,
  "near-misses.jsonl",
);
const scan = (text: string) => scanText(text);

console.log(`Privacy scan, Node ${process.version}, ${cpus()[0]?.model ?? "?"} × ${cpus().length}`);
console.log("");
console.log(
  "scanText() latency                 bytes  findings   p50 µs   p90 µs   p99 µs   MB/s  p50 ms/KB  CPU ms/KB",
);
report("support message (pt, PII)", timeScan(scan, supportMessage, runs));
report("numbers only (es, no PII)", timeScan(scan, numbersOnlyMessage, runs));
report("negatives corpus, one text", timeScan(scan, negatives.join("\n"), Math.ceil(runs / 20)));
report(
  "100 KB of prose",
  timeScan(scan, "Texto sem números, só palavras. ".repeat(3200), Math.ceil(runs / 50), 20),
);

const positivesResult = evaluatePositives(positives, scan);
console.log("");
console.log(`Recall on ${positives.length} positive lines (minConfidence 0.5):`);
console.log("type          found / expected   recall   as other type");
for (const type of piiTypes) {
  const recall = positivesResult.byType.get(type);
  if (recall !== undefined) printRecall(type, recall);
}
printRecall("overall", positivesResult.overall);
console.log(
  `Findings in positive lines that no expected value accounts for: ${positivesResult.unexpected}`,
);
for (const miss of positivesResult.misses.slice(0, 10)) {
  console.log(
    `  missed ${miss.type} ${miss.value}${miss.foundAs === undefined ? "" : ` (as ${miss.foundAs})`}: ${miss.text}`,
  );
}

const negativesResult = evaluateNegatives(negatives, scan);
console.log("");
console.log(
  `False positives on ${negativesResult.lines} negative lines: ${negativesResult.falsePositives.length} (${((negativesResult.falsePositives.length / negativesResult.lines) * 1000).toFixed(1)} per 1,000 lines)`,
);
for (const { text, finding } of negativesResult.falsePositives) {
  console.log(
    `  ${finding.type} ${finding.confidence} "${text.slice(finding.start, finding.end)}": ${text}`,
  );
}

const nearMissResult = evaluateNearMisses(nearMisses, scan);
console.log("");
console.log(
  `Near misses (one digit off, with the context word) on ${nearMissResult.lines} lines: ${nearMissResult.rejectedAsType} rejected as their type (${percent(nearMissResult.rejectedAsType, nearMissResult.lines)}), ${nearMissResult.rejectedEntirely} with no finding at all (${percent(nearMissResult.rejectedEntirely, nearMissResult.lines)}), ${nearMissResult.maskedInDoubt} masked in doubt as their type, unvalidated (${percent(nearMissResult.maskedInDoubt, nearMissResult.lines)})`,
);
for (const line of nearMissResult.accepted.slice(0, 10)) {
  console.log(`  accepted ${line.type} ${line.value}: ${line.text}`);
}

function report(label: string, timing: ScanTiming): void {
  const { latency } = timing;
  console.log(
    `${label.padEnd(32)} ${String(timing.bytes).padStart(7)} ${String(timing.findings).padStart(9)} ${latency.p50.toFixed(1).padStart(8)} ${latency.p90.toFixed(1).padStart(8)} ${latency.p99.toFixed(1).padStart(8)} ${timing.megabytesPerSecond.toFixed(1).padStart(6)} ${(latency.p50 / timing.bytes).toFixed(3).padStart(10)} ${timing.cpuMillisecondsPerKilobyte.toFixed(3).padStart(10)}`,
  );
}

function printRecall(label: string, recall: Recall): void {
  console.log(
    `${label.padEnd(13)} ${`${recall.found} / ${recall.expected}`.padStart(16)} ${percent(recall.found, recall.expected).padStart(8)} ${String(recall.foundAsOtherType).padStart(15)}`,
  );
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${((part / whole) * 100).toFixed(1)}%`;
}
