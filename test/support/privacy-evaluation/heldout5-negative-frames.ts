/**
 * The fifth held-out set's negatives: what a clerk pastes that is full of numbers and is not
 * personal — prices, dates, times, order, invoice and tracking numbers, fiscal folios, boletos'
 * digitable lines, product codes, barcodes, ISBNs, measurements, statistics, versions, court and
 * administrative file numbers, in es and pt, as chat lines, sheet rows, JSON and lists.
 */
import { s, type Draft } from "./heldout2-values.js";
import { int, pick, random } from "./heldout5-values.js";

export interface NegativeFrame {
  lang: "es" | "pt";
  topic: string;
  build: () => Draft;
}

const digits = (count: number): string => random.digits(count);
const pad = (value: number): string => String(value).padStart(2, "0");
const thousands = (value: number, separator: string): string =>
  String(value).replace(/\B(?=(\d{3})+$)/g, separator);
const date = (): string =>
  pick([
    `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2020, 2027)}`,
    `${int(2020, 2027)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
    `${pad(int(1, 28))}-${pad(int(1, 12))}-${int(2020, 2027)}`,
    `${int(1, 28)} de ${pick(["enero", "marzo", "julio", "octubre"])} de ${int(2020, 2027)}`,
  ]);
const data = (): string =>
  pick([
    `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2020, 2027)}`,
    `${int(1, 28)} de ${pick(["janeiro", "abril", "agosto", "dezembro"])} de ${int(2020, 2027)}`,
  ]);
const time = (): string => `${pad(int(6, 22))}:${pick(["00", "15", "30", "45"])}`;
const reais = (): string => `R$ ${thousands(int(3, 250_000), ".")},${pick(["00", "90", "45"])}`;
const pesos = (): string =>
  pick([
    `$${thousands(int(100, 9_500_000), ".")}`,
    `$ ${thousands(int(10, 99_999), ",")}.${pick(["00", "50", "99"])} MXN`,
    `S/ ${int(10, 9000)}.${pick(["00", "50"])}`,
    `CLP ${thousands(int(1000, 2_000_000), ".")}`,
    `ARS ${thousands(int(1000, 9_000_000), ".")},00`,
  ]);
const isbn = (): string => {
  const front =
    `978${pick(["85", "607", "958", "956", "950", "612"])}${digits(12 - 3 - 3 + 1)}`.slice(0, 12);
  const sum = Array.from(front).reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${front}${(10 - (sum % 10)) % 10}`;
};
const ean = (): string => {
  const front = `${pick(["789", "750", "770", "779", "780", "775"])}${digits(9)}`;
  const sum = Array.from(front).reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${front}${(10 - (sum % 10)) % 10}`;
};
const frame = (lang: "es" | "pt", topic: string, build: () => Draft): NegativeFrame => ({
  lang,
  topic,
  build,
});

export const negativeFrames: readonly NegativeFrame[] = [
  frame("pt", "order number", () => s`Pedido #${digits(9)} saiu para entrega em ${data()}`),
  frame(
    "es",
    "order number",
    () => s`pedido ${digits(8)} llega el ${date()} entre ${time()} y ${time()}`,
  ),
  frame(
    "pt",
    "invoice (NF-e number)",
    () => s`NF-e nº ${digits(6)} série ${int(1, 3)}, valor ${reais()}`,
  ),
  frame(
    "es",
    "invoice folio",
    () => s`Factura A ${pad(int(1, 20))}${digits(2)}-${digits(8)} por ${pesos()}`,
  ),
  frame("es", "Peruvian boleta", () => s`Boleta B${digits(3)}-${digits(8)} emitida el ${date()}`),
  frame("es", "CFDI fiscal folio", () => {
    const hex = (count: number) => random.letters(count, "0123456789ABCDEF");
    return s`Folio fiscal: ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}, total ${pesos()}`;
  }),
  frame(
    "pt",
    "Correios tracking",
    () => s`rastreio ${pick(["NL", "QB", "OA", "LB"])}${digits(9)}BR, postado ${data()}`,
  ),
  frame(
    "es",
    "courier tracking",
    () =>
      s`Guía ${pick(["DHL", "Estafeta", "Servientrega", "Chilexpress"])} ${digits(10)} en tránsito`,
  ),
  frame(
    "pt",
    "boleto digitable line",
    () =>
      s`linha digitável: ${digits(5)}.${digits(5)} ${digits(5)}.${digits(6)} ${digits(5)}.${digits(6)} ${int(1, 9)} ${digits(14)}`,
  ),
  frame("pt", "Pix amount and time", () => s`Pix de ${reais()} enviado às ${time()} de ${data()}`),
  frame(
    "es",
    "transfer amount",
    () => s`transferí ${pesos()} a las ${time()}, referencia ${digits(7)}`,
  ),
  frame(
    "pt",
    "product code",
    () =>
      s`SKU ${random.letters(3)}-${digits(5)}-${pick(["P", "M", "G", "GG"])} sem estoque, ${int(2, 400)} un.`,
  ),
  frame(
    "es",
    "product code",
    () => s`Código ${random.letters(2)}${digits(6)} x ${int(1, 50)} unidades a ${pesos()}`,
  ),
  frame("pt", "barcode", () => s`EAN ${ean()} - Café torrado 500g - ${reais()}`),
  frame("es", "barcode", () => s`código de barras ${ean()} precio ${pesos()}`),
  frame("pt", "ISBN", () => s`ISBN ${isbn()}, ${int(120, 900)} páginas, ${int(1, 12)}ª edição`),
  frame("es", "ISBN", () => s`Libro ISBN ${isbn()} agotado, reimpresión ${int(2024, 2027)}`),
  frame(
    "pt",
    "measurements",
    () =>
      s`Medidas: ${int(40, 220)} x ${int(40, 220)} x ${int(5, 90)} cm, peso ${int(1, 80)},${int(0, 9)} kg`,
  ),
  frame(
    "es",
    "measurements",
    () => s`superficie ${int(45, 900)} m², ${int(1, 5)} dormitorios, piso ${int(1, 30)}`,
  ),
  frame(
    "pt",
    "statistics",
    () =>
      s`crescimento de ${int(1, 30)},${int(0, 9)}% em ${int(2020, 2026)}, ${thousands(int(10_000, 9_000_000), ".")} usuários`,
  ),
  frame(
    "es",
    "statistics",
    () =>
      s`la inflación fue ${int(1, 9)},${int(0, 9)}% y se vendieron ${thousands(int(10_000, 9_000_000), ".")} unidades`,
  ),
  frame(
    "pt",
    "meeting time",
    () => s`reunião remarcada para ${data()} às ${time()}, sala ${int(100, 1200)}`,
  ),
  frame(
    "es",
    "appointment",
    () => s`turno el ${date()} a las ${time()} en el consultorio ${int(1, 40)}`,
  ),
  frame(
    "pt",
    "court case number",
    () => s`Processo nº ${digits(7)}-${digits(2)}.${int(2015, 2026)}.8.26.${digits(4)}`,
  ),
  frame(
    "es",
    "administrative file",
    () => s`Expediente EX-${int(2019, 2026)}-${digits(8)}-APN-DGD#MT`,
  ),
  frame(
    "es",
    "Colombian filing number",
    () => s`radicado ${int(2020, 2026)}-${digits(5)}-00 del ${date()}`,
  ),
  frame("pt", "protocol number", () => s`protocolo de atendimento ${int(2024, 2026)}${digits(9)}`),
  frame(
    "es",
    "ticket number",
    () => s`ticket #${digits(6)} cerrado, tiempo de respuesta ${int(1, 72)} h`,
  ),
  frame(
    "pt",
    "software version",
    () => s`atualizar para a versão ${int(1, 20)}.${int(0, 30)}.${int(0, 99)} (build ${digits(5)})`,
  ),
  frame(
    "es",
    "IP and port",
    () =>
      s`servidor ${int(10, 192)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}:${int(1024, 9999)} caído desde ${time()}`,
  ),
  frame(
    "pt",
    "sheet row of sales",
    () => s`${data()}\t${digits(4)}\t${int(1, 99)}\t${reais()}\tentregue`,
  ),
  frame(
    "es",
    "sheet row of sales",
    () => s`${date()}\t${digits(5)}\t${int(1, 99)}\t${pesos()}\tentregado`,
  ),
  frame(
    "pt",
    "JSON order",
    () =>
      s`{"pedido": ${digits(8)}, "itens": ${int(1, 9)}, "total": ${int(10, 9000)}.${pad(int(0, 99))}, "data": "${int(2024, 2026)}-${pad(int(1, 12))}-${pad(int(1, 28))}"}`,
  ),
  frame(
    "es",
    "JSON order",
    () =>
      s`{"orden":"${digits(10)}","monto":${int(10, 99999)},"moneda":"MXN","items":${int(1, 20)}}`,
  ),
  frame(
    "pt",
    "list of quantities",
    () =>
      s`1) ${int(2, 90)} caixas\n2) ${int(2, 90)} pacotes de ${int(1, 5)} kg\n3) total ${reais()}`,
  ),
  frame(
    "es",
    "list of prices",
    () =>
      s`- ${int(1, 9)} kg de papa ${pesos()}\n- ${int(1, 9)} L de leche ${pesos()}\n- total ${pesos()}`,
  ),
  frame(
    "pt",
    "coordinates",
    () => s`coordenadas -${int(1, 33)}.${digits(4)}, -${int(34, 60)}.${digits(4)}`,
  ),
  frame(
    "es",
    "flight",
    () =>
      s`vuelo ${pick(["LA", "AV", "AM", "AR"])}${int(100, 9999)} sale ${time()} puerta ${int(1, 40)}`,
  ),
  frame(
    "pt",
    "bank agency and statement",
    () => s`extrato de ${data()}: saldo ${reais()}, ${int(2, 60)} lançamentos`,
  ),
  frame(
    "es",
    "score and league",
    () =>
      s`ganamos ${int(0, 5)} a ${int(0, 5)}, fecha ${int(1, 38)}, ${thousands(int(5000, 80_000), ".")} espectadores`,
  ),
  frame(
    "pt",
    "lottery numbers",
    () =>
      s`Mega-Sena concurso ${int(2500, 2900)}: ${pad(int(1, 10))} - ${pad(int(11, 20))} - ${pad(int(21, 30))} - ${pad(int(31, 40))} - ${pad(int(41, 50))} - ${pad(int(51, 60))}`,
  ),
  frame(
    "es",
    "serial number",
    () => s`equipo S/N ${random.letters(3)}${digits(8)}, garantía hasta ${date()}`,
  ),
  frame(
    "pt",
    "kilometres and fuel",
    () => s`rodei ${thousands(int(1000, 250_000), ".")} km, gastei ${int(20, 90)},${int(0, 9)} L`,
  ),
  frame("es", "exchange rate", () => s`dólar a ${int(15, 1500)},${pad(int(0, 99))} el ${date()}`),
];
