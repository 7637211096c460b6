/**
 * Messages with no personal data that look as if they had some, for dev4-sentences.ts.
 */
import { dotted, letter, n, pick, random, s, type Frame, type Part } from "./dev4-values.js";

export const negative = (form: string, parts: () => Part[]): Frame => ({
  form,
  kind: "negative",
  parts,
});
const hour = () => `${n(7, 20)}:${pick(["00", "15", "30", "45"])}`;
export const opens = () => `${n(7, 10)}:${pick(["00", "30"])}`;
export const closes = () => `${n(16, 20)}:${pick(["00", "30"])}`;
export const day = () => `${n(1, 28)}/${String(random.integer(1, 12)).padStart(2, "0")}`;
const thousands = (min: number, max: number) => dotted(n(min, max));

export const esNegativeFrames: Frame[] = [
  negative(
    "price",
    () =>
      s`¿El sillón de 3 cuerpos sigue a $ ${thousands(100_000, 900_000)}? vi que antes estaba más barato`,
  ),
  negative("price-soles", () => s`el menú cuesta S/ ${n(12, 45)}.90 con bebida incluida`),
  negative(
    "price-bolivares",
    () => s`me cobraron Bs. ${n(150, 900)},00 por el cambio de aceite, es normal?`,
  ),
  negative(
    "date-time",
    () => s`La cita quedó para el ${day()} a las ${hour()}, ¿me la pueden pasar para la tarde?`,
  ),
  negative(
    "order-number",
    () => s`Mi pedido #MX-${n(100000, 999999)} todavía dice "en preparación"`,
  ),
  negative(
    "invoice-number",
    () => s`necesito la factura F001-000${n(10000, 99999)} en PDF, no me llegó al correo`,
  ),
  negative(
    "tracking-number",
    () => s`número de guía ${random.digits(12)}, ¿por qué sigue en tránsito?`,
  ),
  negative(
    "ticket-number",
    () => s`Abrí el ticket INC${random.digits(7)} hace tres días y nadie me respondió`,
  ),
  negative("sku", () => {
    const size = n(35, 44);
    return s`¿tienen stock del SKU ZAP-${n(1000, 9999)}-NEG-${size}? talla ${size}`;
  }),
  negative(
    "bank-branch",
    () =>
      s`Abrí la cuenta en la sucursal ${String(random.integer(1, 999)).padStart(4, "0")} del centro, ¿puedo cerrarla en otra?`,
  ),
  negative(
    "company-phone",
    () => s`llamé al 01 800 ${n(100, 999)} ${n(1000, 9999)} de atención al cliente y no contestan`,
  ),
  negative(
    "company-phone-ar",
    () => s`El 0800-${n(100, 999)}-${n(1000, 9999)} de la empresa está siempre ocupado`,
  ),
  negative(
    "law-number",
    () =>
      s`Según la Ley ${pick(["19.628", "25.326", "1581 de 2012", "29733"])}, ¿cuánto tiempo guardan mis datos?`,
  ),
  negative(
    "article",
    () =>
      s`el art. ${n(2, 90)}, inciso ${pick(["a", "b", "c", "II", "IV"])} del reglamento dice otra cosa`,
  ),
  negative(
    "measurement",
    () => s`el mueble mide ${n(80, 200)} x ${n(30, 60)} x ${n(70, 210)} cm, ¿entra en el ascensor?`,
  ),
  negative(
    "year",
    () => s`Compré el auto en ${n(2008, 2024)} y la garantía era de ${n(2, 5)} años`,
  ),
  negative(
    "version",
    () => s`la app versión ${n(2, 9)}.${n(0, 20)}.${n(0, 9)} se cierra sola cuando abro el carrito`,
  ),
  negative("km-distance", () => s`¿Cuánto sale el envío a ${n(20, 300)} km de la capital?`),
  negative("room-number", () => s`La reunión de padres es en el aula ${n(101, 320)}, segundo piso`),
  negative(
    "flight-number",
    () =>
      s`Mi vuelo ${pick(["LA", "AV", "AR", "CM", "H2"])}${n(100, 2999)} sale a las ${hour()}, ¿alcanzo a retirar antes?`,
  ),
  negative(
    "medical-prose",
    () =>
      s`¿A qué hora abre el laboratorio los sábados? Solo quiero saber si hay que ir en ayunas para un hemograma`,
  ),
  negative(
    "street-not-address",
    () =>
      s`La calle estaba inundada ${pick(["otra vez", "desde anoche", "toda la mañana"])}, por eso el camión no pudo pasar`,
  ),
  negative("street-band", () => s`¿Tienen entradas para Calle 13 del ${day()}?`),
  negative(
    "avenida-principal",
    () =>
      s`Estoy en la avenida principal, ¿su local está antes o después del semáforo? llego en ${n(5, 20)} minutos`,
  ),
  negative(
    "percent",
    () => s`¿el descuento del ${n(10, 50)}% aplica también a los productos en oferta?`,
  ),
  negative(
    "installments",
    () => s`quiero pagar en ${pick(["3", "6", "12", "18"])} cuotas sin interés, se puede?`,
  ),
  negative(
    "exchange-rate",
    () => s`¿A cuánto está el dólar hoy? ayer estaba a ${n(900, 1400)},${n(10, 99)}`,
  ),
  negative(
    "product-code",
    () =>
      s`El código del producto es ${letter("ABCDEFGH")}${letter("KLMNPQ")}-${n(1000, 99999)}, sale en la caja`,
  ),
  negative(
    "course-code",
    () => s`¿el curso MAT-${n(100, 400)} tiene cupo en la sección ${n(1, 9)}?`,
  ),
  negative(
    "apartment-listing-generic",
    () =>
      s`Busco departamento de ${n(1, 3)} dormitorios, hasta $ ${thousands(300_000, 900_000)} por mes, zona norte`,
  ),
  negative(
    "bus-line",
    () => s`¿La línea ${n(10, 199)} pasa por el hospital? o me conviene tomar el metro`,
  ),
  negative(
    "serial-number",
    () => s`el número de serie del equipo es SN${random.digits(10)}, ¿sigue en garantía?`,
  ),
  negative(
    "queue-number",
    () =>
      s`Tengo el turno ${letter("ABC")}-${n(10, 199)} y van por el ${letter("ABC")}-${n(1, 9)}, ¿cuánto falta?`,
  ),
  negative("weight", () => s`la caja pesa ${n(2, 40)},${n(1, 9)} kg, ¿la pueden mandar por moto?`),
  negative(
    "school-grade",
    () => s`Mi hijo sacó ${n(4, 7)},${n(0, 9)} en matemáticas, ¿cuándo es la recuperación?`,
  ),
  negative(
    "policy-number-company",
    () =>
      s`La póliza colectiva ${n(1000, 9999)}-${n(10, 99)} de la empresa cubre a todos los empleados?`,
  ),
  negative(
    "coordinates-generic",
    () => s`El evento es en el parque, cerca del lago, a ${n(2, 9)} cuadras de la estación`,
  ),
  negative(
    "kilometer-road-landmark",
    () => s`hay un choque en el km ${n(10, 90)} de la Panamericana, ¿mi envío se va a atrasar?`,
  ),
  negative(
    "opening-hours",
    () => s`¿Atienden el feriado del ${day()}? necesito hacer un depósito antes de las ${hour()}`,
  ),
  negative(
    "wifi-password-generic",
    () => s`la clave del wifi del café es la que está en el ticket, empieza con ${n(10, 99)}`,
  ),
  negative(
    "temperature",
    () => s`El clima marca ${n(28, 41)} °C, ¿el envío de chocolates llega bien?`,
  ),
  negative(
    "stock-question",
    () =>
      s`¿Cuántas unidades quedan del modelo ${n(2020, 2025)}? necesito ${n(2, 12)} para la oficina`,
  ),
  negative(
    "phone-extension",
    () => s`Llamé a la central y me pasaron al anexo ${n(100, 999)}, pero se cortó`,
  ),
];

export const ptNegativeFrames: Frame[] = [
  negative(
    "price-reais",
    () => s`O sofá tá R$ ${thousands(1000, 9999)},${n(10, 99)} à vista ou em 10x?`,
  ),
  negative(
    "price-cents",
    () => s`paguei R$ ${n(5, 99)},${n(10, 99)} no frete e demorou ${n(5, 20)} dias`,
  ),
  negative("date-time", () => s`A consulta ficou pro dia ${day()} às ${hour()}, dá pra remarcar?`),
  negative(
    "order-number",
    () => s`Meu pedido nº ${n(100000000, 999999999)} ainda não foi despachado`,
  ),
  negative(
    "invoice-number",
    () => s`preciso da nota fiscal nº ${thousands(1000, 999999)}, série ${n(1, 3)}, pro reembolso`,
  ),
  negative(
    "tracking-code",
    () =>
      s`código de rastreio ${letter("NOQLP")}${letter("BXAC")}${random.digits(9)}BR, tá parado em Curitiba`,
  ),
  negative(
    "protocol-number",
    () => s`Meu protocolo de atendimento é ${n(2024, 2026)}${random.digits(10)}, liguei ontem`,
  ),
  negative("sku", () => {
    const size = n(34, 44);
    return s`tem o tênis SKU ${letter()}${letter("KLMN")}${n(1000, 9999)}-${size} no tamanho ${size}?`;
  }),
  negative(
    "bank-branch",
    () => s`Minha conta é da agência ${n(1000, 9999)}, posso sacar em outra?`,
  ),
  negative(
    "company-phone",
    () => s`Liguei no 0800 ${n(100, 999)} ${n(1000, 9999)} e caiu três vezes`,
  ),
  negative("company-phone-4004", () => s`o SAC é 4004-${n(1000, 9999)} pra capitais, né?`),
  negative(
    "law-number",
    () =>
      s`Pela Lei ${pick(["13.709/2018", "8.078/90", "14.181", "12.965/2014"])}, vocês podem guardar meus dados por quanto tempo?`,
  ),
  negative(
    "article",
    () => s`o art. ${n(2, 90)}º, inciso ${pick(["I", "II", "III", "IV", "V"])}, da LGPD fala disso`,
  ),
  negative(
    "measurement",
    () => s`a estante tem ${n(80, 200)} x ${n(30, 60)} x ${n(70, 210)} cm, passa na porta?`,
  ),
  negative(
    "year",
    () => s`Comprei a geladeira em ${n(2015, 2025)}, a garantia estendida era de ${n(2, 5)} anos`,
  ),
  negative("version", () => s`o app na versão ${n(3, 9)}.${n(0, 30)}.${n(0, 9)} não abre o boleto`),
  negative("km-distance", () => s`Vocês entregam a ${n(20, 300)} km de São Paulo?`),
  negative(
    "room-number",
    () => s`A prova vai ser na sala ${n(101, 420)} do bloco ${letter("ABCD")}`,
  ),
  negative(
    "flight-number",
    () =>
      s`Meu voo ${pick(["G3", "LA", "AD"])}${n(1000, 9999)} sai às ${hour()}, dá tempo de retirar?`,
  ),
  negative(
    "medical-prose",
    () =>
      s`O laboratório abre que horas no sábado? Só quero saber se precisa de jejum pro hemograma`,
  ),
  negative(
    "street-not-address",
    () =>
      s`A rua tava alagada ${pick(["de novo", "desde ontem", "a manhã toda"])}, o caminhão não passou`,
  ),
  negative(
    "street-soap-opera",
    () => s`Alguém lembra da novela Rua das Flores? passava às ${hour()}`,
  ),
  negative(
    "avenida-principal",
    () =>
      s`Tô na avenida principal, a loja fica antes ou depois do semáforo? chego em ${n(5, 20)} min`,
  ),
  negative(
    "paulista-traffic",
    () => s`A Paulista tá parada por causa da manifestação, vou atrasar uns ${n(10, 40)} minutos`,
  ),
  negative("percent", () => s`o desconto de ${n(10, 50)}% vale pra produto em promoção também?`),
  negative(
    "installments",
    () => s`dá pra parcelar em ${pick(["3", "6", "10", "12"])}x sem juros no cartão?`,
  ),
  negative(
    "product-code",
    () => s`O código do produto é ${letter()}${letter("KLMNP")}-${n(1000, 99999)}, tá na etiqueta`,
  ),
  negative(
    "bus-line",
    () => s`O ônibus ${n(100, 999)}${pick(["", "A", "-10"])} passa no hospital ou pego o metrô?`,
  ),
  negative(
    "serial-number",
    () => s`o número de série da TV é ${letter()}${random.digits(11)}, ainda tá na garantia?`,
  ),
  negative(
    "queue-number",
    () =>
      s`Peguei a senha ${letter("ABCNP")}${n(10, 199)} e tão chamando a ${letter("ABCNP")}${n(1, 9)}, vai demorar?`,
  ),
  negative("weight", () => s`a caixa pesa ${n(2, 40)},${n(1, 9)} kg, vai por Sedex?`),
  negative(
    "school-grade",
    () => s`Meu filho tirou ${n(4, 7)},${n(0, 9)} em matemática, quando é a recuperação?`,
  ),
  negative(
    "bank-branch-code",
    () =>
      s`Banco ${pick(["001", "237", "341", "104", "033"])}, agência ${n(1000, 9999)}-${n(0, 9)}: esse é o código certo do banco?`,
  ),
  negative(
    "road-km-traffic",
    () =>
      s`Acidente no km ${n(10, 400)} da ${pick(["Dutra", "Régis Bittencourt", "BR-101", "Anchieta"])}, minha entrega vai atrasar?`,
  ),
  negative(
    "opening-hours",
    () => s`Vocês abrem no feriado de ${day()}? Preciso pagar um boleto antes das ${hour()}`,
  ),
  negative("temperature", () => s`Tá fazendo ${n(30, 42)} °C aqui, o chocolate chega derretido?`),
  negative(
    "stock-question",
    () => s`Quantas unidades do modelo ${n(2020, 2025)} ainda tem? preciso de ${n(2, 12)}`,
  ),
  negative(
    "phone-extension",
    () => s`Liguei na central e me passaram pro ramal ${n(100, 999)}, mas desligaram`,
  ),
  negative(
    "cnae-code",
    () =>
      s`qual CNAE uso pro MEI de manicure? vi ${n(1000, 9999)}-${n(1, 9)}/${n(10, 99)} mas não tenho certeza`,
  ),
  negative(
    "boleto-due",
    () => s`o boleto vence dia ${day()}, se eu pagar dia ${n(1, 28)} tem multa de ${n(1, 2)}%?`,
  ),
  negative(
    "cep-question-generic",
    () => s`Como eu descubro meu CEP? Mudei faz ${n(2, 11)} meses e nunca soube`,
  ),
  negative(
    "electricity-reading",
    () => s`A conta de luz veio ${n(200, 900)} kWh, mês passado foi ${n(150, 400)}, tá certo isso?`,
  ),
  negative(
    "pix-limit",
    () => s`Qual o limite do pix noturno? Tentei mandar R$ ${thousands(1000, 9000)},00 e não foi`,
  ),
];
