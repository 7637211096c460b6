/**
 * The sixth held-out set's negatives: what a clinic, school, shop or public office sends that is
 * full of numbers and holds nothing personal — prices, dates, times, order, invoice, protocol and
 * file numbers, tracking codes, versions, measurements, lab reference ranges, scores and grades,
 * ISBNs, a business's public phone line and toll-free numbers, in es and pt. Written without
 * reading the detectors.
 */
import { int, pick, random, type Lang } from "./heldout6-values.js";

export interface NegativeFrame {
  lang: Lang;
  topic: string;
  build: () => string;
}

const digits = (count: number): string => random.digits(count);
const pad = (value: number): string => String(value).padStart(2, "0");
const dotted = (value: number): string => String(value).replace(/\B(?=(\d{3})+$)/g, ".");
const date = (): string => `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2025, 2027)}`;
const time = (): string => `${pad(int(7, 20))}:${pick(["00", "10", "20", "30", "40", "50"])}`;
const pesos = (): string =>
  pick([
    `$${dotted(int(1200, 480000))}`,
    `$ ${int(99, 9999)}.${pick(["00", "50", "90"])} MXN`,
    `S/ ${int(15, 3000)}.${pick(["00", "50"])}`,
    `USD ${int(5, 900)}`,
    `Bs ${int(30, 5000)}`,
    `₲ ${dotted(int(15, 900) * 1000)}`,
  ]);
const reais = (): string => `R$ ${dotted(int(5, 90000))},${pick(["00", "90", "49"])}`;
const isbn = (prefix: string): string => {
  const front = `978${prefix}${digits(9 - prefix.length)}`;
  const sum = Array.from(front).reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  const check = (10 - (sum % 10)) % 10;
  return `978-${prefix}-${front.slice(3 + prefix.length, 10)}-${front.slice(10)}-${check}`;
};

const negative = (lang: Lang, topic: string, build: () => string): NegativeFrame => ({
  lang,
  topic,
  build,
});

export const negativeFrames: readonly NegativeFrame[] = [
  negative(
    "es",
    "appointment slot",
    () =>
      `Su turno quedó confirmado para el ${date()} a las ${time()}, consultorio ${int(1, 12)}, piso ${int(1, 6)}. Llegar 15 minutos antes.`,
  ),
  negative(
    "es",
    "invoice number",
    () =>
      `Factura ${pick(["A", "B", "C"])} ${pad(int(1, 9))}0${int(1, 9)}-000${digits(5)} por ${pesos()}, vence el ${date()}`,
  ),
  negative(
    "es",
    "order number",
    () =>
      `Tu pedido #${digits(6)} fue despachado el ${date()}, llega en ${int(2, 4)} a ${int(5, 8)} días hábiles`,
  ),
  negative(
    "es",
    "tracking code",
    () =>
      `Número de guía ${pick(["Estafeta", "Servientrega", "Olva", "Andreani", "Starken"])}: ${digits(12)}, estado: en reparto`,
  ),
  negative(
    "es",
    "school fees",
    () =>
      `Inscripciones del ${date()} al ${date()}. Cupo: ${int(20, 40)} alumnos por aula. Matrícula ${pesos()} y ${int(10, 12)} cuotas de ${pesos()}.`,
  ),
  negative(
    "es",
    "lab reference range",
    () =>
      `¿Qué significa glucosa en ayunas ${int(70, 140)} mg/dL si el rango dice ${int(70, 74)}-${int(99, 110)}? Es una duda general, no es mío.`,
  ),
  negative(
    "es",
    "public office file number",
    () =>
      `Expediente N° ${int(2024, 2026)}-${digits(6)}-${pick(["APN", "MUN", "SGT"])}, resolución ${int(100, 4999)}/${int(2024, 2026)}`,
  ),
  negative(
    "es",
    "business phone line",
    () =>
      `Farmacias del Ahorro, atención a clientes ${pick(["55 5322 ", "55 5093 "])}${digits(4)}, de ${int(7, 9)}:00 a ${int(20, 22)}:00`,
  ),
  negative("es", "business phone line", () =>
    pick([
      `Conmutador del hospital: (604) 444 ${digits(4)}, extensión ${int(100, 999)} para citas`,
      `Turnos del sanatorio por teléfono al (011) 4${digits(3)}-${digits(4)} o por la web`,
      `Central de la municipalidad: (01) 3${digits(2)}-${digits(4)}, mesa de partes de 8:30 a 16:30`,
    ]),
  ),
  negative(
    "es",
    "toll-free number",
    () =>
      `Para reportar la tarjeta llame sin costo al ${pick(["800 ", "01 800 "])}${digits(3)} ${digits(4)}, las 24 horas`,
  ),
  negative(
    "es",
    "toll-free number",
    () => `Línea gratuita 0800-${digits(3)}-${digits(4)} de lunes a viernes de 8 a 20 h`,
  ),
  negative(
    "es",
    "software version",
    () =>
      `La app del colegio pide actualizar a la versión ${int(2, 9)}.${int(0, 20)}.${int(0, 99)} (build ${digits(5)}) para ver las notas`,
  ),
  negative(
    "es",
    "measurements",
    () =>
      `El mueble mide ${int(60, 220)} x ${int(30, 90)} x ${int(40, 200)} cm y pesa ${int(8, 90)},${int(1, 9)} kg, envío ${pesos()}`,
  ),
  negative(
    "es",
    "grades",
    () =>
      `Promedio del curso: ${int(4, 6)},${int(0, 9)}; nota máxima ${int(6, 7)},${int(0, 9)}; ${int(2, 12)} alumnos reprobados de ${int(25, 45)}`,
  ),
  negative(
    "es",
    "football score",
    () =>
      `ganamos ${int(2, 5)} a ${int(0, 1)} el torneo intercolegial, el próximo partido es el ${date()} a las ${time()}`,
  ),
  negative(
    "es",
    "isbn",
    () =>
      `Para 5° grado piden el libro ISBN ${isbn(pick(["607", "950", "958", "612"]))}, ${pesos()} en la librería`,
  ),
  negative(
    "es",
    "stock sheet row",
    () =>
      `SKU\tProducto\tStock\tPrecio\n${digits(7)}\tCuaderno ${int(50, 200)} hojas\t${int(0, 900)}\t${pesos()}`,
  ),
  negative(
    "es",
    "protocol number",
    () =>
      `Su solicitud fue registrada con el número de trámite ${int(2026, 2026)}${digits(8)}. Plazo de respuesta: ${int(5, 30)} días hábiles.`,
  ),
  negative(
    "es",
    "bank branch hours",
    () =>
      `La sucursal ${int(100, 999)} atiende de ${int(8, 10)}:00 a ${int(13, 17)}:30; cajero automático N° ${digits(4)} fuera de servicio`,
  ),
  negative(
    "es",
    "medicine dose in general",
    () =>
      `¿Cada cuántas horas se toma el paracetamol de ${pick(["500", "750", "1000"])} mg en adultos? La caja trae ${int(10, 30)} tabletas, lote ${random.letters(2)}${digits(6)}`,
  ),
  negative(
    "es",
    "exchange rate",
    () =>
      `El dólar cerró a ${int(17, 20)},${digits(2)} pesos y la UF a ${dotted(int(38000, 40000))},${digits(2)} el ${date()}`,
  ),
  negative(
    "es",
    "temperature and rain",
    () =>
      `Pronóstico: mínima ${int(4, 15)}°C, máxima ${int(18, 34)}°C, ${int(10, 90)} % de probabilidad de lluvia, suspenden clases si pasa de ${int(30, 60)} mm`,
  ),
  negative(
    "es",
    "meter reading",
    () =>
      `Lectura del medidor: ${dotted(int(10000, 99999))} kWh, consumo del mes ${int(90, 600)} kWh, total a pagar ${pesos()}`,
  ),
  negative(
    "es",
    "utility bill reference",
    () =>
      `Código de pago ${digits(10)}, periodo ${pad(int(1, 12))}/${int(2025, 2026)}, monto ${pesos()}`,
  ),
  negative(
    "pt",
    "appointment slot",
    () =>
      `Sua consulta está confirmada para ${date()} às ${time()}, sala ${int(1, 20)}, ${int(1, 5)}º andar. Chegue com 15 minutos de antecedência.`,
  ),
  negative(
    "pt",
    "nota fiscal number",
    () =>
      `NF-e ${pad(int(0, 99))}${digits(1)}.${digits(3)}.${digits(3)}, série ${int(1, 9)}, valor total ${reais()}`,
  ),
  negative(
    "pt",
    "order number",
    () => `Seu pedido nº ${digits(7)} foi enviado e chega até ${date()}. Frete: ${reais()}`,
  ),
  negative(
    "pt",
    "tracking code",
    () =>
      `Código de rastreio ${pick(["QB", "NX", "OY", "PM"])}${digits(9)}BR — objeto saiu para entrega`,
  ),
  negative(
    "pt",
    "protocol number",
    () =>
      `Protocolo de atendimento ${int(2025, 2026)}${digits(10)}, prazo de resposta de ${int(3, 10)} dias úteis`,
  ),
  negative(
    "pt",
    "boleto",
    () =>
      `Boleto da mensalidade: vencimento ${date()}, valor ${reais()}, multa de ${int(1, 2)}% e juros de ${int(1, 3)},${int(0, 9)}% ao mês após o vencimento`,
  ),
  negative(
    "pt",
    "school fees",
    () =>
      `Matrículas abertas até ${date()}: ${int(25, 35)} vagas no ${int(1, 9)}º ano, mensalidade ${reais()} com ${int(5, 15)}% de desconto para irmãos`,
  ),
  negative(
    "pt",
    "business phone line",
    () =>
      `Central de agendamento da clínica: (${pick(["11", "21", "31", "81"])}) 3${digits(3)}-${digits(4)}, seg a sex das ${int(7, 9)}h às ${int(17, 19)}h`,
  ),
  negative(
    "pt",
    "toll-free number",
    () => `SAC 0800 ${digits(3)} ${digits(4)} — atendimento 24h, ligação gratuita`,
  ),
  negative(
    "pt",
    "toll-free number",
    () => `Ouvidoria: 0800-${digits(3)}-${digits(4)} ou Disque ${pick(["136", "156", "100"])}`,
  ),
  negative(
    "pt",
    "software version",
    () =>
      `Atualizei o sistema da loja pra versão ${int(1, 6)}.${int(0, 15)}.${int(0, 40)} e a impressora fiscal parou (erro ${digits(4)})`,
  ),
  negative(
    "pt",
    "measurements",
    () =>
      `A caixa tem ${int(20, 120)} x ${int(20, 80)} x ${int(10, 60)} cm e ${int(1, 30)},${int(0, 9)} kg; cabe no Sedex?`,
  ),
  negative(
    "pt",
    "grades",
    () =>
      `Média da turma ${int(5, 8)},${int(0, 9)}; recuperação para quem tirou abaixo de ${int(5, 6)},0 no ${int(1, 4)}º bimestre`,
  ),
  negative(
    "pt",
    "football score",
    () =>
      `o jogo de ontem terminou ${int(0, 4)} x ${int(0, 4)}, próximo jogo dia ${date()} às ${time()}`,
  ),
  negative(
    "pt",
    "isbn",
    () =>
      `Lista de material: livro de matemática ISBN ${isbn(pick(["85", "65"]))}, edição ${int(2019, 2026)}`,
  ),
  negative(
    "pt",
    "stock sheet row",
    () =>
      `Código\tDescrição\tQtd\tPreço\n${digits(6)}\tCaneta azul cx ${int(12, 50)}\t${int(0, 500)}\t${reais()}`,
  ),
  negative(
    "pt",
    "lab reference range",
    () =>
      `Valor de referência do colesterol LDL: abaixo de ${int(100, 130)} mg/dL; hemoglobina ${int(12, 13)},${int(0, 9)} a ${int(15, 17)},${int(0, 9)} g/dL`,
  ),
  negative(
    "pt",
    "medicine dose in general",
    () =>
      `Dipirona ${pick(["500", "1000"])} mg, caixa com ${int(10, 30)} comprimidos, lote ${digits(6)}, validade ${pad(int(1, 12))}/${int(2026, 2028)}`,
  ),
  negative(
    "pt",
    "pix amount",
    () =>
      `Pix de ${reais()} recebido às ${time()} de ${date()}, ID da transação E${digits(8)}${digits(12)}`,
  ),
  negative(
    "pt",
    "meter reading",
    () =>
      `Leitura do hidrômetro: ${dotted(int(1000, 99999))} m³, consumo ${int(5, 40)} m³, conta de ${reais()}`,
  ),
  negative(
    "pt",
    "public office file number",
    () =>
      `Processo administrativo nº ${digits(5)}.${digits(6)}/${int(2024, 2026)}-${digits(2)}, aguardando despacho`,
  ),
];
