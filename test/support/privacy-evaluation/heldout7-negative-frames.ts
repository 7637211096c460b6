/**
 * The seventh held-out set's negatives (heldout7-sentences.ts): messages full of numbers and
 * names that are not a person's data, by the rules in the header of heldout7-values.ts — prices,
 * dates, times, order, invoice, protocol, case, policy and tracking numbers, boletos, bar codes,
 * ISBNs, versions, commit ids, measurements, coordinates, lab reference ranges, exchange rates,
 * a business's bank branch, laws, public phone lines of businesses and offices, toll-free and
 * emergency numbers, streets, hospitals and schools named after people (no house number), public
 * figures, brands and companies, diseases and medicines asked about in general.
 */
import {
  amount,
  date,
  digits,
  int,
  pick,
  shortDate,
  time,
  type Country,
} from "./heldout7-values.js";

export interface NegativeFrame {
  topic: string;
  /** How many times as often as a frame without one it is drawn (phone-shaped lines: 3). */
  weight?: number;
  make: () => string;
}

/** The EAN-13 / ISBN-13 check digit of the first twelve digits. */
function withEanCheck(front: string): string {
  const sum = Array.from(front).reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${front}${(10 - (sum % 10)) % 10}`;
}

const isbn = (group: string): string => {
  const publisher = digits(int(2, 4));
  const title = digits(9 - group.length - publisher.length);
  const full = withEanCheck(`978${group}${publisher}${title}`);
  return `978-${group}-${publisher}-${title}-${full.slice(-1)}`;
};

const esCountry = (): Country => pick(["MX", "AR", "CO", "PE", "CL", "EC", "UY", "PY", "BO"]);
const dollars = (): string => `${int(900, 1500)},${int(10, 90)}`;

export const negativeFrames: Record<"es" | "pt", NegativeFrame[]> = {
  es: [
    {
      topic: "appointment slot and fee",
      make: () =>
        `Turno confirmado para el ${date()} a las ${time()}, consultorio ${int(1, 12)}, valor de la consulta ${amount(esCountry())}. ¿Cómo lo agendo en el calendario?`,
    },
    {
      topic: "order number",
      make: () =>
        `Mi pedido #${pick(["MLA", "ORD", "PED"])}-${digits(7)} de ${amount(esCountry())} sigue "en preparación" desde el ${shortDate()}. ¿Cómo reclamo?`,
    },
    {
      topic: "invoice series and number",
      make: () =>
        `La factura ${pick(["F001", "B002", "E001"])}-${digits(8)} por ${amount("PE")} vence el ${date()}; ¿en qué cuenta contable la registro?`,
    },
    {
      topic: "CFDI folio fiscal",
      make: () =>
        `El folio fiscal ${digits(8)}-${digits(4)}-4${digits(3)}-A${digits(3)}-${digits(12)} del CFDI no aparece en el portal del SAT. ¿Qué significa?`,
    },
    {
      topic: "courier tracking",
      make: () =>
        `El envío ${pick([`CX${digits(9)}AR`, `RR${digits(9)}PE`, `${digits(4)} ${digits(4)} ${digits(4)}`])} está en el centro de distribución hace 5 días. ¿Es normal?`,
    },
    {
      topic: "municipal file number",
      make: () =>
        `Expediente municipal ${digits(4)}-${digits(6)}/${int(2024, 2026)} de habilitación comercial: ¿qué quiere decir "pase a despacho"?`,
    },
    {
      topic: "court case number",
      make: () =>
        `En el proceso radicado ${digits(5)}-${digits(2)}-${digits(2)}-${digits(3)}-${int(2022, 2025)}-${digits(5)}-00 salió un auto admisorio. ¿Qué sigue?`,
    },
    {
      topic: "data-protection laws",
      make: () =>
        pick([
          "¿La Ley 25.326 de Argentina y la Ley 1581 de 2012 de Colombia piden lo mismo para bases de clientes?",
          "Resumime la Ley 19.628 de Chile y lo que cambia con la Ley 21.719 de 2024.",
          "¿La LFPDPPP de México de 2010 sigue vigente en 2026? Explicá los derechos ARCO.",
          "Diferencias entre la Ley 29733 del Perú y la Ley 18.331 de Uruguay, en una tabla.",
        ]),
    },
    {
      topic: "lab reference ranges",
      make: () =>
        `Valores de referencia del laboratorio: glucosa ${int(60, 70)}–${int(99, 110)} mg/dL, colesterol total < 200 mg/dL, TSH 0,4–4,0 µUI/mL. ¿Qué mide la TSH?`,
    },
    {
      topic: "public vaccination campaign",
      make: () =>
        `La campaña de vacunación contra ${pick(["el dengue", "la influenza", "el sarampión", "el VPH"])} arranca el ${shortDate()} en los centros de salud. Armá un afiche con horarios de ${time()} a 16:00.`,
    },
    {
      topic: "medicine asked about in general",
      make: () =>
        `Pregunta general para el blog de la farmacia: ¿el ${pick(["ibuprofeno 400 mg", "paracetamol 500 mg", "omeprazol 20 mg", "loratadina 10 mg"])} se puede tomar con ${pick(["café", "alcohol", "el estómago vacío"])}?`,
    },
    {
      topic: "flat measurements",
      make: () =>
        `El living mide ${int(3, 5)},${int(10, 90)} m x ${int(3, 6)},${int(10, 90)} m y el dormitorio 2,80 x 3,10. ¿Cuántos m² de piso flotante compro?`,
    },
    {
      topic: "software versions and build",
      make: () =>
        `Después de actualizar a Node 20.${int(10, 19)}.${int(0, 9)} y TypeScript 5.${int(3, 7)}.${int(2, 4)}, el job #${digits(5)} falla con exit code 137 en el commit ${digits(3)}f${digits(2)}ab.`,
    },
    {
      topic: "ISBN",
      make: () =>
        `Busco la edición con ISBN ${isbn(pick(["84", "950", "958", "607"]))} para la cátedra; ¿es la misma que la de bolsillo?`,
    },
    {
      topic: "product bar code",
      make: () =>
        `El código de barras ${withEanCheck(`${pick(["779", "750", "770", "775"])}${digits(9)}`)} no pasa en la caja del súper. ¿Lo cargo a mano?`,
    },
    {
      topic: "business's public line",
      weight: 3,
      make: () =>
        pick([
          `Farmacias del Ahorro toma pedidos al 55 5140 ${digits(4)}? no, era el 800 711 ${digits(4)}; ¿cuál es el correcto?`,
          `La sucursal de Rappi Farma no contesta; el 0810-${digits(3)}-${digits(4)} de atención al cliente tampoco.`,
          `Llamé al 01 8000 ${digits(6)} de la EPS y me dieron un número de radicado; ¿cuánto tarda la autorización?`,
          `El call center de Entel es el 600 360 ${digits(4)}, ¿atienden domingos?`,
          `La municipalidad publicó su central telefónica, (01) 315-${digits(4)} anexo ${int(100, 450)}, para reclamos de limpieza.`,
          `El 0800 ${digits(4)} de ANTEL atiende reclamos de fibra las 24 h, ¿o es otro número?`,
          `La línea gratuita de la CFE es 071 y la de Telmex 800 123 ${digits(4)}; ¿cuál atiende cortes de luz?`,
          `Bancolombia tiene la línea 01 8000 912 ${digits(3)} y en Bogotá el 601 343 ${digits(4)}. ¿Cuál sirve para bloquear la tarjeta?`,
          `El consultorio de la clínica publica su fijo (02) 2${digits(2)} ${digits(4)} para turnos de lunes a viernes.`,
        ]),
    },
    {
      topic: "emergency numbers",
      weight: 2,
      make: () =>
        pick([
          "En caso de emergencia: 911 policía, 100 bomberos, 107 SAME. Hacé un cartel para la escuela.",
          "Números útiles en Chile: 131 ambulancia, 132 bomberos, 133 Carabineros. Ponelos en una tabla.",
          "En Colombia todo va al 123, y la línea 192 opción 4 es de salud mental; armá un afiche.",
          "En Perú: 105 policía, 116 bomberos, 106 SAMU. ¿Cuál llamo si hay un choque?",
          "En México el 911 es para emergencias y el 089 para denuncias anónimas; explicalo para chicos.",
          "Bolivia: 110 policía, 119 bomberos, 118 ambulancia. Armá una tarjeta para la heladera.",
          "En Ecuador todo se centraliza en el ECU 911; ¿también atienden por WhatsApp?",
          "Uruguay: 911 emergencias y 105 emergencia médica pública. ¿Cuál es gratuito desde celular?",
        ]),
    },
    {
      topic: "street named after a person, no number",
      make: () =>
        `Hay corte total en la ${pick(["avenida Benito Juárez", "Av. Libertador", "calle Simón Bolívar", "Av. Francisco de Miranda", "avenida José Larco", "Av. Eloy Alfaro"])} por la marcha del ${shortDate()}; ¿qué desvío me conviene?`,
    },
    {
      topic: "hospital or school named after a person",
      make: () =>
        `El ${pick(["Hospital Garrahan", "Hospital Rebagliati", "Colegio Nacional Juan Pablo Duarte", "Hospital Roberto del Río", "Liceo Andrés Bello"])} cambió el horario de visitas a las ${time()}. Redactá el aviso para el grupo de padres.`,
    },
    {
      topic: "public figure",
      make: () =>
        `Escribí un párrafo sobre ${pick(["Frida Kahlo", "Gabriel García Márquez", "Mario Vargas Llosa", "Violeta Parra", "Mercedes Sosa", "Eduardo Galeano", "Rigoberta Menchú"])} para chicos de ${int(4, 6)}º grado, con dos fechas importantes.`,
    },
    {
      topic: "football result",
      make: () =>
        `¿Viste que ${pick(["Messi", "Luis Díaz", "Alexis Sánchez", "Federico Valverde"])} hizo ${int(1, 3)} goles en el ${int(2, 4)} a ${int(0, 1)}? Armá un tuit para la página del club.`,
    },
    {
      topic: "brands and plans",
      make: () =>
        `Compará los planes de ${pick(["Claro, Movistar y Tigo", "Personal, Claro y Movistar", "Entel, WOM y Claro"])}: 15 GB por ${amount(esCountry())} contra 20 GB por ${amount(esCountry())}.`,
    },
    {
      topic: "business's bank branch",
      make: () =>
        `La empresa paga los sueldos por el ${pick(["Banco Nación", "BBVA", "Bancolombia", "Banco Pichincha"])}, sucursal ${digits(4)}. ¿Cuánto tarda una transferencia a otro banco?`,
    },
    {
      topic: "exchange rate",
      make: () =>
        `Si el dólar blue está a ${dollars()} y compré USD ${int(100, 900)} el ${shortDate()} a ${dollars()}, ¿cuánto gané o perdí?`,
    },
    {
      topic: "flight",
      make: () =>
        `Mi vuelo ${pick(["LA", "AV", "AR", "H2"])}${int(1000, 9999)} sale el ${date()} a las ${time()} desde la puerta ${int(1, 40)}. ¿Con cuánta anticipación llego?`,
    },
    {
      topic: "coordinates",
      make: () =>
        `Las coordenadas del campo son -${int(20, 40)}.${digits(4)}, -${int(55, 72)}.${digits(4)}. ¿Cómo las cargo en Google Maps?`,
    },
    {
      topic: "payroll totals",
      make: () =>
        `Total de la nómina de ${pick(["noviembre", "la quincena", "diciembre"])}: ${amount(esCountry())}, ${int(12, 240)} empleados, aguinaldo ${amount(esCountry())}. Armá un gráfico de barras.`,
    },
    {
      topic: "insurance policy number",
      make: () =>
        `La póliza de hogar N° ${digits(3)}-${digits(7)} renueva el ${date()}. ¿Cubre filtraciones del vecino de arriba?`,
    },
    {
      topic: "listing without address",
      make: () =>
        `Depto de 2 ambientes en ${pick(["Palermo", "Miraflores", "Chapinero", "Providencia"])}, ${int(38, 70)} m², expensas ${amount(esCountry())}, a 3 cuadras del subte. Escribí el aviso.`,
    },
    {
      topic: "stock table",
      make: () =>
        `| SKU | Producto | Stock |\n|---|---|---|\n| ${digits(6)} | Yerba 1 kg | ${int(10, 400)} |\n| ${digits(6)} | Aceite 900 ml | ${int(10, 400)} |\n¿Qué reponemos primero?`,
    },
    {
      topic: "school calendar",
      make: () =>
        `El ciclo lectivo ${int(2026, 2027)} empieza el ${shortDate()}; receso del ${shortDate()} al ${shortDate()}. Pasalo a una tabla para las familias.`,
    },
    {
      topic: "company text",
      make: () =>
        `${pick(["Bimbo", "Grupo Éxito", "Alicorp", "Arcor", "Cencosud"])} reportó ventas por ${int(2, 90)}.${int(1, 9)} mil millones en el tercer trimestre, ${int(2, 15)} % más. Resumilo en tres líneas.`,
    },
  ],
  pt: [
    {
      topic: "boleto",
      make: () =>
        `Esse boleto ${digits(5)}.${digits(5)} ${digits(5)}.${digits(6)} ${digits(5)}.${digits(6)} ${int(1, 9)} ${digits(14)} venceu ontem. Dá pra pagar sem juros?`,
    },
    {
      topic: "order number",
      make: () =>
        `Meu pedido nº ${digits(3)}-${digits(7)} de ${amount("BR")} tá parado em "separação" desde ${shortDate()}. Como reclamo?`,
    },
    {
      topic: "protocol number",
      make: () =>
        `A operadora me deu o protocolo ${int(2025, 2026)}.${digits(6)}.${digits(6)} e disse que resolve em 5 dias úteis. Posso ir no Procon?`,
    },
    {
      topic: "parcel tracking",
      make: () =>
        `O rastreio ${pick(["LB", "NL", "QJ", "OV"])}${digits(9)}BR tá "objeto em trânsito" há 8 dias. É normal?`,
    },
    {
      topic: "invoice number",
      make: () =>
        `A NF-e nº ${digits(3)}.${digits(3)}.${digits(3)}, série ${int(1, 3)}, saiu com o CFOP errado. Como faço a carta de correção?`,
    },
    {
      topic: "business's public line",
      weight: 3,
      make: () =>
        pick([
          `O SAC da Drogasil é 0800 ${digits(3)} ${digits(4)}? Quero saber se entregam de madrugada.`,
          `Liguei na central 4004-${digits(4)} do banco e caiu a ligação três vezes.`,
          `A prefeitura divulgou o telefone da ouvidoria, (11) 3113-${digits(4)}, mas ninguém atende.`,
          `O Disque Saúde 136 informou os postos abertos no feriado; faz um resumo?`,
          `O telefone do hospital é (21) 2${digits(3)}-${digits(4)}, ramal ${int(200, 480)}, mas só atendem de manhã.`,
          `Ligue grátis 0800 ${digits(3)} ${digits(4)} para pedir a segunda via da conta de luz, diz o site da distribuidora.`,
          `A central dos Correios é 3003 0100; o atendimento por telefone funciona no sábado?`,
          `A clínica de vacinas atende no (31) 3${digits(3)}-${digits(4)} e no WhatsApp comercial (31) 3${digits(3)}-${digits(4)}.`,
        ]),
    },
    {
      topic: "emergency numbers",
      weight: 2,
      make: () =>
        pick([
          "Faz um cartaz: 190 polícia, 192 SAMU, 193 bombeiros, 188 CVV.",
          "Qual a diferença entre ligar pro 192 e pro 193 num acidente de moto?",
          "Em caso de enchente ligue 199 da Defesa Civil; faz um aviso pro condomínio.",
          "O Disque 100 recebe denúncias de violação de direitos humanos; explica como funciona.",
          "Polícia Rodoviária Federal é 191; a Polícia Civil, 197. Faz uma tabela.",
        ]),
    },
    {
      topic: "street named after a person, no number",
      make: () =>
        `A ${pick(["Av. Paulista", "Av. Getúlio Vargas", "Rua Oscar Freire", "Av. Presidente Vargas", "Rua Augusta"])} vai ficar fechada no domingo ${shortDate()} das ${time()} às 18h. Qual caminho alternativo?`,
    },
    {
      topic: "public figure",
      make: () =>
        `Escreve um resumo sobre ${pick(["Machado de Assis", "Clarice Lispector", "Tarsila do Amaral", "Ayrton Senna", "Pelé", "Carolina Maria de Jesus"])} para um trabalho do ${int(6, 9)}º ano.`,
    },
    {
      topic: "lab reference ranges",
      make: () =>
        `Valores de referência do laudo: hemoglobina ${int(12, 13)},0 a 16,0 g/dL, plaquetas 150.000 a 450.000/mm³, creatinina 0,6 a 1,2 mg/dL. O que é cada um?`,
    },
    {
      topic: "public vaccination campaign",
      make: () =>
        `A campanha de vacinação contra ${pick(["a gripe", "o sarampo", "a dengue", "o HPV"])} vai de ${shortDate()} a ${shortDate()} nas UBS. Faz um post pro Instagram da escola.`,
    },
    {
      topic: "medicine asked about in general",
      make: () =>
        `Dúvida geral: ${pick(["dipirona 1 g", "amoxicilina 500 mg", "losartana", "buscopan"])} corta o efeito do anticoncepcional? É para um texto do blog.`,
    },
    {
      topic: "software versions and build",
      make: () =>
        `Depois de subir o Spring Boot pra 3.${int(2, 4)}.${int(0, 9)} o build ${digits(4)} quebrou no stage de testes (commit ${digits(2)}c${digits(3)}e). Como vejo o log?`,
    },
    {
      topic: "ISBN",
      make: () => `O ISBN ${isbn(pick(["85", "65"]))} é da edição de bolso ou da capa dura?`,
    },
    {
      topic: "product bar code",
      make: () =>
        `O código de barras ${withEanCheck(`789${digits(9)}`)} não passa no caixa; cadastro manual?`,
    },
    {
      topic: "Pix receipt id",
      make: () =>
        `Fiz um Pix de ${amount("BR")} pra loja às ${time()}, ID E${digits(8)}${int(2025, 2026)}${digits(8)}s${digits(5)}, e não caiu. Quanto tempo espero?`,
    },
    {
      topic: "business's bank branch",
      make: () =>
        `A empresa recebe pela agência ${digits(4)} do ${pick(["Itaú", "Bradesco", "Banco do Brasil", "Sicoob"])}; TED cai no mesmo dia?`,
    },
    {
      topic: "measurements",
      make: () =>
        `A sala tem ${int(3, 5)},${int(10, 90)} x ${int(3, 6)},${int(10, 90)} m e pé-direito de 2,70 m; quantas latas de 18 L de tinta?`,
    },
    {
      topic: "company text",
      make: () =>
        `${pick(["Magazine Luiza", "Natura", "Ambev", "Mercado Livre", "Petrobras"])} anunciou lucro de R$ ${int(1, 40)},${int(1, 9)} bilhões no trimestre. Resume em três tópicos.`,
    },
    {
      topic: "flight",
      make: () =>
        `Meu voo ${pick(["G3", "AD", "LA"])} ${int(1000, 9999)} sai ${date()} às ${time()} do portão ${int(1, 30)}; despacho mala até que horas?`,
    },
  ],
};
