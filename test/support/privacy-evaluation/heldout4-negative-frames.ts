/**
 * The fourth held-out set's negatives: messages full of numbers that are not personal — prices,
 * dates, times, order and invoice numbers, tracking codes, protocol numbers, versions, product
 * codes and barcodes, measurements, statistics, toll-free lines, scores, addresses of public
 * places — in es and pt, as people type them.
 */
import { s, type Draft } from "./heldout2-values.js";
import { pick, random } from "./heldout4-values.js";

export interface NegativeFrame {
  lang: "es" | "pt";
  topic: string;
  build: () => Draft;
}

const int = (low: number, high: number): number => random.integer(low, high);
const digits = (count: number): string => random.digits(count);
const dotted = (value: number): string => String(value).replace(/\B(?=(\d{3})+$)/g, ".");
const pad = (value: number): string => String(value).padStart(2, "0");
const date = (): string =>
  pick([
    `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2019, 2027)}`,
    `${int(2019, 2027)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
    `${pad(int(1, 28))}.${pad(int(1, 12))}.${int(2019, 2027)}`,
    `${pad(int(1, 28))}-${pad(int(1, 12))}-${int(2019, 2027)}`,
  ]);
const brl = (): string => `R$ ${dotted(int(5, 48000))},${pick(["00", "90", "50", "99"])}`;
const pesos = (): string =>
  pick([
    `$${dotted(int(1000, 9_999_999))}`,
    `$ ${int(10, 9999)}.${pick(["00", "50"])}`,
    `COP ${dotted(int(10000, 5_000_000))}`,
    `S/ ${int(5, 3000)}.00`,
  ]);
const frame = (lang: "es" | "pt", topic: string, build: () => Draft): NegativeFrame => ({
  lang,
  topic,
  build,
});

export const negativeFrames: readonly NegativeFrame[] = [
  frame(
    "pt",
    "price",
    () => s`quanto fica o frete? no site ta ${brl()} mas no app aparece ${brl()}`,
  ),
  frame("pt", "installments", () => s`dá pra parcelar em ${int(2, 12)}x de ${brl()} sem juros?`),
  frame(
    "pt",
    "order number",
    () => s`meu pedido ${digits(8)} ainda não chegou, comprei dia ${date()}`,
  ),
  frame("pt", "order number with #", () => s`Pedido #${digits(7)} - status: em separação`),
  frame(
    "pt",
    "tracking code",
    () =>
      s`o código de rastreio é ${pick(["NL", "QB", "OV", "LB"])}${digits(9)}BR, mas não atualiza`,
  ),
  frame(
    "pt",
    "invoice number",
    () => s`NF-e nº ${dotted(int(1000, 999_999))} série ${int(1, 3)} emitida em ${date()}`,
  ),
  frame("pt", "protocol", () => s`protocolo de atendimento ${int(2023, 2026)}${digits(10)}`),
  frame(
    "pt",
    "version",
    () => s`atualizei pro app versão ${int(1, 9)}.${int(0, 30)}.${int(0, 99)} e agora não abre`,
  ),
  frame(
    "pt",
    "android",
    () =>
      s`tenho um Galaxy A${int(10, 55)} com Android ${int(10, 15)}, build ${pick(["UP1A", "TP1A"])}.${digits(6)}.${digits(3)}`,
  ),
  frame("pt", "barcode", () => s`o código de barras do produto é 789${digits(10)}`),
  frame(
    "pt",
    "measurements",
    () =>
      s`peso ${int(50, 110)},${int(0, 9)} kg, altura 1,${int(50, 95)} m, pressão ${int(10, 15)}x${int(6, 9)}`,
  ),
  frame(
    "pt",
    "statistics",
    () => s`a cidade tem ${dotted(int(1_000_000, 12_999_999))} habitantes segundo o censo de 2022`,
  ),
  frame("pt", "toll-free", () => s`liguei no 0800 ${digits(3)} ${digits(4)} e ninguém atende`),
  frame(
    "pt",
    "schedule",
    () =>
      s`a consulta ficou pra ${date()} às ${int(7, 19)}:${pick(["00", "30"])}, sala ${int(1, 40)}`,
  ),
  frame(
    "pt",
    "bus line",
    () => s`pego o ônibus ${int(1000, 9999)}-${pick(["10", "21", "31"])} até o terminal`,
  ),
  frame(
    "pt",
    "score",
    () => s`o jogo ficou ${int(0, 5)} a ${int(0, 5)}, gol aos ${int(1, 90)} minutos`,
  ),
  frame(
    "pt",
    "percent",
    () => s`o rendimento foi de ${int(1, 14)},${int(10, 99)}% ao ano, ${int(90, 120)}% do CDI`,
  ),
  frame(
    "pt",
    "serial",
    () => s`número de série do notebook: ${random.letters(3)}${digits(7)}${random.letters(2)}`,
  ),
  frame(
    "pt",
    "km",
    () =>
      s`acidente no km ${int(10, 600)} da BR-${pick(["116", "101", "381", "040"])}, trânsito lento`,
  ),
  frame(
    "pt",
    "year range",
    () => s`trabalhei lá de ${int(1995, 2010)} a ${int(2011, 2024)}, uns ${int(5, 20)} anos`,
  ),
  frame(
    "pt",
    "boleto amount",
    () => s`o boleto venceu ${date()} no valor de ${brl()}, dá pra emitir segunda via?`,
  ),
  frame(
    "pt",
    "recipe",
    () =>
      s`${int(2, 4)} xícaras de farinha, ${int(100, 400)} g de açúcar e ${int(2, 6)} ovos, forno a ${int(160, 220)} graus`,
  ),
  frame("pt", "ticket", () => s`chamado INC${digits(7)} aberto há ${int(2, 30)} dias`),
  frame(
    "pt",
    "public place",
    () => s`o museu fica na Av. Paulista, ${int(1000, 2000)}, abre às ${int(9, 10)}h`,
  ),
  frame(
    "pt",
    "coordinates",
    () => s`as coordenadas são -${int(3, 30)}.${digits(4)}, -${int(35, 60)}.${digits(4)}`,
  ),
  frame(
    "pt",
    "model numbers",
    () =>
      s`geladeira modelo ${pick(["DF", "TF", "IF"])}${int(30, 99)} ${int(110, 220)}V, ${int(300, 600)} litros`,
  ),
  frame(
    "pt",
    "ISBN",
    () => s`o livro é ISBN 978-85-${digits(4)}-${digits(3)}-${int(0, 9)}, ${int(2, 9)}ª edição`,
  ),
  frame(
    "pt",
    "flight",
    () => s`voo ${pick(["LA", "G3", "AD"])}${int(1000, 9999)} atrasou ${int(20, 180)} minutos`,
  ),
  frame(
    "pt",
    "agency and time",
    () => s`a agência ${digits(4)} fecha ${int(15, 16)}h, depois só no caixa ${int(1, 20)}`,
  ),
  frame(
    "pt",
    "big money",
    () => s`o faturamento foi de R$ ${dotted(int(10_000_000, 99_999_999))} no trimestre`,
  ),
  frame(
    "es",
    "price",
    () => s`cuánto sale el envío? en la web dice ${pesos()} y en la app ${pesos()}`,
  ),
  frame(
    "es",
    "installments",
    () => s`se puede pagar en ${int(3, 18)} cuotas sin interés de ${pesos()}?`,
  ),
  frame("es", "order number", () => s`mi pedido ${digits(9)} no llega, lo compré el ${date()}`),
  frame("es", "order number with Nº", () => s`Orden Nº ${digits(6)} - estado: despachado`),
  frame(
    "es",
    "tracking code",
    () => s`el número de guía es ${pick(["1Z", "JD"])}${digits(16)}, sigue en tránsito`,
  ),
  frame(
    "es",
    "invoice",
    () =>
      s`Factura ${pick(["A", "B", "C"])} ${pad(int(1, 9))}${digits(3)}-${digits(8)} por ${pesos()}`,
  ),
  frame(
    "es",
    "folio",
    () => s`folio de la queja ${random.letters(2)}-${int(2023, 2026)}-${digits(6)}`,
  ),
  frame(
    "es",
    "version",
    () =>
      s`me salió el error ${int(400, 504)} con la versión ${int(1, 9)}.${int(0, 20)}.${int(0, 99)} de la app`,
  ),
  frame(
    "es",
    "iphone",
    () => s`tengo iPhone ${int(11, 16)} con iOS ${int(16, 18)}.${int(0, 5)}.${int(0, 3)}`,
  ),
  frame(
    "es",
    "barcode",
    () => s`código EAN ${pick(["750", "779", "780"])}${digits(10)} en la etiqueta`,
  ),
  frame(
    "es",
    "measurements",
    () => s`mido 1,${int(50, 95)} y peso ${int(50, 110)} kilos, calzo ${int(35, 45)}`,
  ),
  frame(
    "es",
    "statistics",
    () => s`la provincia tiene ${dotted(int(1_000_000, 17_999_999))} habitantes según el censo`,
  ),
  frame("es", "toll-free", () => s`llamé al 01 800 ${digits(3)} ${digits(4)} y me colgaron`),
  frame(
    "es",
    "schedule",
    () =>
      s`el turno quedó para el ${date()} a las ${int(7, 19)}:${pick(["00", "15", "45"])}, consultorio ${int(1, 30)}`,
  ),
  frame(
    "es",
    "bus line",
    () =>
      s`tomo el colectivo ${int(1, 200)} y después la línea ${pick(["A", "B", "D", "H"])} del subte`,
  ),
  frame(
    "es",
    "score",
    () => s`ganamos ${int(1, 6)} a ${int(0, 3)}, el segundo gol fue al minuto ${int(1, 90)}`,
  ),
  frame(
    "es",
    "percent",
    () => s`la inflación fue de ${int(1, 9)},${int(0, 9)}% mensual y ${int(30, 290)}% interanual`,
  ),
  frame(
    "es",
    "serial",
    () => s`número de serie ${random.letters(2)}${digits(8)}${random.letters(1)} en la caja`,
  ),
  frame(
    "es",
    "ruta",
    () => s`corte en la ruta ${int(1, 40)} km ${int(10, 900)}, usen la ${int(1, 200)}`,
  ),
  frame("es", "year range", () => s`viví en Rosario entre ${int(1990, 2005)} y ${int(2006, 2023)}`),
  frame(
    "es",
    "recipe",
    () =>
      s`${int(200, 500)} g de harina, ${int(2, 5)} huevos, ${int(100, 300)} ml de leche, horno ${int(160, 220)}°`,
  ),
  frame("es", "ticket", () => s`caso #${digits(8)} abierto hace ${int(2, 30)} días sin respuesta`),
  frame(
    "es",
    "public place",
    () => s`el museo está en Av. Reforma ${int(10, 600)}, abre de ${int(9, 10)} a ${int(17, 19)} h`,
  ),
  frame(
    "es",
    "big money",
    () => s`las ventas fueron de $${dotted(int(10_000_000, 999_999_999))} en el año`,
  ),
  frame(
    "es",
    "flight",
    () =>
      s`el vuelo ${pick(["AR", "LA", "AM", "AV"])}${int(1000, 9999)} sale de la puerta ${int(1, 40)}${pick(["", "A", "B"])}`,
  ),
  frame(
    "es",
    "license key",
    () =>
      s`la licencia es ${random.letters(5)}-${random.letters(5)}-${random.letters(5)}-${random.letters(5)}`,
  ),
  frame(
    "es",
    "stock codes",
    () => s`SKU ${int(10000, 99999)}-${random.letters(2)}, lote ${digits(6)}, vence ${date()}`,
  ),
  frame("es", "lottery", () => s`jugué el ${digits(5)} y salió el ${digits(5)}, casi`),
  frame(
    "es",
    "phone specs",
    () =>
      s`pantalla de ${int(5, 7)},${int(1, 9)}", ${int(4, 16)} GB RAM, ${pick(["128", "256", "512"])} GB, ${int(4000, 6000)} mAh`,
  ),
  frame(
    "es",
    "time range",
    () =>
      s`atendemos de ${int(7, 9)}:00 a ${int(17, 21)}:00, sábados ${int(8, 10)}-${int(12, 14)}h`,
  ),
];
