/**
 * The eighth held-out set's negatives (heldout8-sentences.ts): messages full of numbers and
 * capitalised words that are not a person's data, by the rules in the header of
 * heldout8-values.ts — prices, dates, times, order, invoice, protocol, tracking, case and
 * resolution numbers, SKUs and product codes, lab reference ranges, a cooperative's or a
 * company's bank agency, toll-free and customer-service lines, companies named after people,
 * streets, schools, hospitals and churches named after people without a house number, public
 * figures, place names, months and weekdays, recipes, match results, law articles, ICD codes and
 * medicines asked about in general, and news.
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
} from "./heldout8-values.js";

export interface NegativeFrame {
  topic: string;
  /** How many times as often as a frame without one it is drawn (phone-shaped lines: 3). */
  weight?: number;
  make: () => string;
}

const esCountry = (): Country => pick(["MX", "AR", "CO", "PE", "CL", "EC", "UY", "PY", "BO"]);
const score = (): string => `${int(0, 4)}-${int(0, 4)}`;

export const negativeFrames: Record<"es" | "pt", NegativeFrame[]> = {
  es: [
    {
      topic: "cooperative produce prices",
      make: () =>
        `La cooperativa paga la quinua a ${amount("BO")} el quintal y el café pergamino a ${amount("CO")} la carga; ¿cuál conviene vender en ${pick(["junio", "julio", "agosto"])}?`,
    },
    {
      topic: "microfinance rates",
      make: () =>
        `Una caja municipal ofrece ${int(18, 45)},${int(1, 9)} % de TEA a ${int(6, 36)} meses y la otra ${int(18, 45)} %; ¿cuánto pago de intereses por ${amount("PE")}?`,
    },
    {
      topic: "bus fare and timetable",
      make: () =>
        `El bus ${pick(["B12", "C31", "D09", "E50"])} sale del terminal a las ${time()} y llega a las ${time()}; el pasaje cuesta ${amount(esCountry())}. ¿Hay descuento para estudiantes?`,
    },
    {
      topic: "driving licence fees",
      make: () =>
        `La licencia clase ${pick(["B", "A2", "C1"])} cuesta ${amount(esCountry())} y vence a los ${pick(["5", "6", "10"])} años; el examen teórico tiene ${int(20, 40)} preguntas.`,
    },
    {
      topic: "university admission schedule",
      make: () =>
        `El examen de admisión ${int(2026, 2027)}-${pick(["I", "II"])} es el ${pick(["domingo", "sábado"])} ${shortDate()} a las ${time()}; hay ${int(800, 5000)} vacantes y postularon ${int(10000, 60000)}.`,
    },
    {
      topic: "scholarship amounts",
      make: () =>
        `La beca ${pick(["Pronabec", "Progresar", "Benito Juárez", "Generación E"])} paga ${amount(esCountry())} mensuales durante ${int(6, 12)} meses; ¿es compatible con trabajar medio tiempo?`,
    },
    {
      topic: "social programme calendar",
      make: () =>
        `Según el cronograma, la AUH con DNI terminado en ${int(0, 9)} cobra el ${pick(["lunes", "martes", "miércoles", "jueves"])} ${shortDate()}; el aumento es del ${int(2, 9)},${int(1, 9)} %.`,
    },
    {
      topic: "veterinary prices",
      make: () =>
        `En la veterinaria la vacuna séxtuple sale ${amount(esCountry())} y la castración de gata ${amount(esCountry())}; ¿es normal ese precio?`,
    },
    {
      topic: "dental price list",
      make: () =>
        `Presupuesto del consultorio: limpieza ${amount("MX")}, resina ${amount("MX")}, endodoncia molar ${amount("MX")}. ¿Cuál es el total con ${int(5, 20)} % de descuento?`,
    },
    {
      topic: "gym schedule",
      make: () =>
        `El gimnasio abre de ${int(5, 7)}:00 a ${int(21, 23)}:00, la clase de spinning es a las ${time()} y el plan anual cuesta ${amount(esCountry())}.`,
    },
    {
      topic: "church schedule",
      make: () =>
        `Horario de misas en la parroquia San Martín de Porres: sábado ${time()}, domingo ${time()} y ${time()}. Hacé un afiche.`,
    },
    {
      topic: "condominium budget",
      make: () =>
        `Presupuesto del edificio: ascensor ${amount(esCountry())}, limpieza ${amount(esCountry())}, fondo de reserva ${int(5, 15)} %. Hay ${int(12, 96)} unidades, ¿cuánto es la expensa?`,
    },
    {
      topic: "labour law article",
      make: () =>
        `¿Qué dice el artículo ${int(10, 300)} de la Ley Federal del Trabajo sobre las horas extra? ¿Y el ${int(10, 300)} sobre vacaciones?`,
    },
    {
      topic: "case number of a court",
      make: () =>
        `El expediente ${digits(5)}-${int(2019, 2026)}-0-${digits(4)}-JR-LA-${int(10, 19)} pasó a la sala; ¿qué significa "autos para sentencia"?`,
    },
    {
      topic: "police statistics",
      make: () =>
        `En ${pick(["Lima Metropolitana", "Guayaquil", "Rosario", "Cali"])} se registraron ${int(1000, 9000)} denuncias por robo de celulares en el ${pick(["primer", "segundo", "tercer"])} trimestre, ${int(5, 30)} % más que el año pasado.`,
    },
    {
      topic: "election results",
      make: () =>
        `Con el ${int(80, 99)},${int(1, 9)} % de actas contabilizadas, la lista ${int(1, 20)} lleva ${int(100000, 900000)} votos en ${pick(["Cusco", "Santa Cruz", "Jalisco", "Antioquia"])}.`,
    },
    {
      topic: "marketplace listing",
      make: () =>
        `Publicación en Mercado Libre: zapatillas talle ${int(35, 44)}, SKU ${pick(["ZP", "ZT", "RN"])}-${digits(5)}, precio ${amount("AR")}, envío gratis desde ${amount("AR")}.`,
    },
    {
      topic: "ride-hailing fare",
      make: () =>
        `El viaje de ${int(3, 25)} km me salió ${amount(esCountry())} con tarifa dinámica x${int(1, 2)},${int(1, 9)}; ¿cómo se calcula?`,
    },
    {
      topic: "delivery order",
      make: () =>
        `Mi pedido #${digits(8)} de ${pick(["Rappi", "PedidosYa", "DiDi Food"])} dice "en camino" desde las ${time()}; ¿cuánto espero antes de reclamar?`,
    },
    {
      topic: "toll-free lines",
      weight: 3,
      make: () =>
        pick([
          `La línea de la SUNAT es 0-801-12-100 y la de EsSalud 411-8000; ¿atienden sábados?`,
          `Llamé al 01 800 ${digits(3)} ${digits(4)} del banco y nadie contesta, ¿hay otro canal?`,
          `El 0800-${digits(3)}-${digits(4)} de atención al cliente de ${pick(["Movistar", "Claro", "Personal"])} está saturado hace ${int(2, 5)} días.`,
          `Para emergencias llame al 911, para la policía al 105 y para bomberos al 116.`,
          `El call center de la aseguradora es el 600 ${digits(3)} ${digits(4)}, de lunes a viernes de 8 a 20.`,
        ]),
    },
    {
      topic: "companies named after people",
      make: () =>
        `${pick(["Farmacias Similares", "Farmacias del Dr. Ahorro", "Almacenes Éxito", "Coppel", "Tiendas Ripley", "Falabella"])} subió sus precios ${int(2, 9)} % en ${pick(["enero", "febrero", "marzo"])}. ¿Conviene comprar antes?`,
    },
    {
      topic: "streets and schools named after people",
      make: () =>
        `El colegio ${pick(["Manuel Belgrano", "José María Arguedas", "Gabriela Mistral", "Benito Juárez"])} queda sobre la avenida ${pick(["Simón Bolívar", "Túpac Amaru", "Eloy Alfaro", "Francisco de Miranda"])}, frente al hospital ${pick(["Carlos Alberto Seguín", "Eugenio Espejo", "Roberto del Río"])}.`,
    },
    {
      topic: "public figures",
      make: () =>
        `${pick(["Messi", "Shakira", "Bad Bunny", "Gabriel García Márquez", "Frida Kahlo", "Evo Morales", "Michelle Bachelet"])} aparece en la pregunta ${int(1, 30)} del examen de historia; ¿qué año nació?`,
    },
    {
      topic: "place names",
      make: () =>
        `¿Cuántas horas hay en bus de ${pick(["Lima", "Santa Cruz", "La Paz", "Cusco"])} a ${pick(["Trujillo", "Cochabamba", "Arequipa", "Oruro"])}? Salimos el ${pick(["viernes", "jueves"])} ${shortDate()}.`,
    },
    {
      topic: "recipe",
      make: () =>
        `Receta de ají de gallina para ${int(4, 12)} personas: ${int(1, 3)} kg de pechuga, ${int(4, 8)} ajíes amarillos, ${int(200, 500)} g de pan, ${int(2, 4)} tazas de leche. ¿La duplicás?`,
    },
    {
      topic: "match result",
      make: () =>
        `${pick(["Boca", "Alianza Lima", "Colo-Colo", "Nacional", "Olimpia"])} ganó ${score()} a ${pick(["River", "Universitario", "la U", "Peñarol", "Cerro Porteño"])} el ${pick(["domingo", "miércoles"])}; ¿cómo queda la tabla?`,
    },
    {
      topic: "lab reference ranges",
      make: () =>
        `En el laboratorio los valores normales son: glucosa ${int(70, 74)}-${int(99, 110)} mg/dL, creatinina 0,6-1,2 mg/dL, TSH 0,4-4,0 mUI/L. ¿Por qué cambian entre laboratorios?`,
    },
    {
      topic: "ICD codes in general",
      make: () =>
        `¿Qué diferencia hay entre los códigos CIE-10 ${pick(["E11.9", "I10", "F32.1", "J45.9", "K29.7"])} y ${pick(["E10.9", "I11.9", "F41.1", "J44.9", "K21.0"])}? Es para un curso de codificación.`,
    },
    {
      topic: "medicine leaflet in general",
      make: () =>
        `El prospecto de ${pick(["la metformina", "el losartán", "el ibuprofeno", "la amoxicilina"])} dice que la dosis máxima es ${int(2, 3)} g al día; ¿eso es para adultos en general?`,
    },
    {
      topic: "news",
      make: () =>
        `Según el boletín del ministerio, la campaña de vacunación contra ${pick(["la influenza", "el sarampión", "el dengue"])} llegó a ${int(100, 900)} mil dosis en ${pick(["Loreto", "Chaco", "Beni", "Chiapas"])} hasta el ${shortDate()}.`,
    },
    {
      topic: "funeral home prices",
      make: () =>
        `Plan funerario básico: ${amount(esCountry())} al contado o ${int(12, 36)} cuotas de ${amount(esCountry())}; incluye cofre, sala por ${int(12, 24)} horas y traslado.`,
    },
    {
      topic: "NGO report",
      make: () =>
        `La ONG entregó ${int(200, 3000)} canastas en ${int(4, 20)} comunidades entre ${pick(["marzo", "abril"])} y ${pick(["junio", "julio"])}; el presupuesto fue ${amount("PE")}.`,
    },
    {
      topic: "company bank account",
      make: () =>
        `Para pagar la matrícula del instituto: Banco ${pick(["de la Nación", "Pichincha", "Galicia", "BBVA"])}, cuenta corriente de la institución, referencia ${digits(6)}, vence el ${date()}.`,
    },
    {
      topic: "invoice and protocol numbers",
      make: () =>
        `La factura ${pick(["F001", "B002", "E001"])}-${digits(8)} y la nota de crédito ${pick(["FC01", "BC01"])}-${digits(6)} no cuadran por ${amount(esCountry())}; ¿cómo lo explico al contador?`,
    },
    {
      topic: "spreadsheet of products",
      make: () =>
        `código;producto;stock\n${digits(6)};arroz 5 kg;${int(0, 300)}\n${digits(6)};aceite 1 L;${int(0, 300)}\n¿Cómo saco los que tienen stock bajo?`,
    },
    {
      topic: "weather and time",
      make: () =>
        `El pronóstico para el ${pick(["lunes", "martes", "viernes"])} ${shortDate()} en ${pick(["Mérida", "Temuco", "Asunción", "Quito"])}: mínima ${int(5, 18)} °C, máxima ${int(20, 38)} °C, ${int(10, 90)} % de lluvia.`,
    },
    {
      topic: "words that are names elsewhere",
      make: () =>
        `Hoy es el día de la ${pick(["Virgen de la Paz", "Santa Rosa de Lima", "Virgen del Socorro", "Cruz de Mayo"])}; en ${pick(["La Paz", "Santa Cruz", "Lima"])} hay feriado y los bancos abren a las ${time()}.`,
    },
    {
      topic: "transport card recharge",
      make: () =>
        `Recargué ${amount(esCountry())} en la tarjeta del ${pick(["Metrobús", "MIO", "Metropolitano", "SUBE"])} en la estación ${pick(["Insurgentes", "Central", "Naranjal", "Constitución"])} a las ${time()} y no aparece el saldo.`,
    },
  ],
  pt: [
    {
      topic: "cooperative milk price",
      make: () =>
        `A cooperativa pagou ${amount("BR")} por litro em ${pick(["março", "abril", "maio"])} e ${amount("BR")} em ${pick(["junho", "julho"])}; qual foi a variação percentual?`,
    },
    {
      topic: "credit union rates",
      make: () =>
        `O Sicoob oferece ${int(1, 3)},${int(10, 99)} % ao mês no crédito pessoal e o Sicredi ${int(1, 3)},${int(10, 99)} %; qual a diferença em ${int(12, 48)} parcelas de ${amount("BR")}?`,
    },
    {
      topic: "bus fare",
      make: () =>
        `A passagem do ônibus ${pick(["8012-10", "475", "SP-04", "0.111"])} subiu para ${amount("BR")}; o próximo sai às ${time()} do terminal ${pick(["Barra Funda", "Tietê", "Rodoviária do Plano"])}.`,
    },
    {
      topic: "driving licence fees",
      make: () =>
        `A renovação da CNH categoria ${pick(["AB", "B", "D"])} custa ${amount("BR")} no Detran-${pick(["SP", "MG", "PE", "RS"])} e o exame médico mais ${amount("BR")}. Tem isenção?`,
    },
    {
      topic: "university admission",
      make: () =>
        `O Sisu ${int(2026, 2027)} abre dia ${shortDate()}; a nota de corte de medicina foi ${int(780, 830)},${int(10, 99)} e de pedagogia ${int(600, 680)},${int(10, 99)}.`,
    },
    {
      topic: "Bolsa Família calendar",
      make: () =>
        `O Bolsa Família de NIS com final ${int(0, 9)} é pago dia ${shortDate()}; o valor mínimo é R$ 600,00 mais R$ 150,00 por criança de até 6 anos.`,
    },
    {
      topic: "veterinary prices",
      make: () =>
        `Na clínica veterinária a consulta é ${amount("BR")}, a vacina V10 ${amount("BR")} e a antirrábica é grátis na campanha de ${pick(["agosto", "setembro"])}.`,
    },
    {
      topic: "gym plans",
      make: () =>
        `A academia tem plano mensal de ${amount("BR")} e anual de ${amount("BR")} em 12x; funciona das ${int(5, 6)}h às ${int(22, 23)}h. Qual compensa?`,
    },
    {
      topic: "church schedule",
      make: () =>
        `Missas na Paróquia Nossa Senhora das Graças: domingo às ${time()} e ${time()}, quarta às ${time()}. Faz um cartaz?`,
    },
    {
      topic: "condominium fees",
      make: () =>
        `O condomínio aprovou taxa extra de ${amount("BR")} em ${int(3, 10)} parcelas para a reforma da fachada; o fundo de reserva é ${int(5, 10)} %. Isso é legal?`,
    },
    {
      topic: "labour law article",
      make: () =>
        `O que diz o art. ${int(400, 500)} da CLT sobre aviso prévio? E a Súmula ${int(100, 450)} do TST?`,
    },
    {
      topic: "court case number",
      make: () =>
        `O processo ${digits(7)}-${digits(2)}.${int(2019, 2026)}.5.${int(1, 24)}.${digits(4)} está concluso para sentença; quanto tempo demora?`,
    },
    {
      topic: "police statistics",
      make: () =>
        `Segundo a SSP, ${pick(["São Paulo", "Salvador", "Fortaleza"])} teve ${int(1000, 9000)} boletins de ocorrência de furto de celular em ${pick(["janeiro", "fevereiro"])}, ${int(3, 20)} % a menos.`,
    },
    {
      topic: "Mercado Livre listing",
      make: () =>
        `Anúncio MLB${digits(10)}: fone bluetooth, ${amount("BR")}, frete grátis acima de R$ 79,00, ${int(10, 900)} vendidos. Como melhoro o título?`,
    },
    {
      topic: "ride-hailing fare",
      make: () =>
        `A corrida de ${int(3, 30)} km deu ${amount("BR")} com tarifa dinâmica; o motorista fica com ${int(60, 80)} %? Como é a conta?`,
    },
    {
      topic: "delivery order",
      make: () =>
        `Pedido #${digits(6)} no ${pick(["iFood", "Rappi", "Zé Delivery"])} saiu às ${time()} e ainda não chegou; o app mostra entrega até ${time()}.`,
    },
    {
      topic: "customer service lines",
      weight: 3,
      make: () =>
        pick([
          `O SAC da ${pick(["Casas Bahia", "Magazine Luiza", "Droga Raia"])} é 0800 ${digits(3)} ${digits(4)}, mas só atende em horário comercial.`,
          `Liguei no 4004-${digits(4)} do banco e caiu três vezes; tem outro número?`,
          `Emergência: SAMU 192, Bombeiros 193, Polícia 190, Defesa Civil 199.`,
          `A ouvidoria do INSS é o 135, de segunda a sábado das 7h às 22h.`,
          `O Disque Denúncia é 0300 ${digits(3)} ${digits(4)} e o CVV é 188.`,
        ]),
    },
    {
      topic: "companies named after people",
      make: () =>
        `${pick(["Casas Bahia", "Drogaria São Paulo", "Droga Raia", "Lojas Americanas", "Ponto Frio", "Farmácias Pague Menos"])} abre loja nova em ${pick(["Uberlândia", "Caruaru", "Londrina"])} dia ${shortDate()}; quantas vagas de emprego?`,
    },
    {
      topic: "streets and hospitals named after people",
      make: () =>
        `O Hospital ${pick(["Getúlio Vargas", "Miguel Couto", "Santa Casa de Misericórdia", "Oswaldo Cruz"])} fica na Avenida ${pick(["Presidente Vargas", "Juscelino Kubitschek", "Rui Barbosa"])}, perto da Escola Estadual ${pick(["Machado de Assis", "Tiradentes", "Anísio Teixeira"])}.`,
    },
    {
      topic: "public figures",
      make: () =>
        `${pick(["Pelé", "Anitta", "Marta", "Chico Buarque", "Paulo Freire", "Ayrton Senna"])} vai ser o tema da feira cultural; faz uma linha do tempo com ${int(5, 10)} datas?`,
    },
    {
      topic: "place names",
      make: () =>
        `Quanto tempo de carro de São José dos Campos até ${pick(["Lima Duarte", "Santa Rita do Sapucaí", "Campos do Jordão", "Rocha Miranda"])}? Saio ${pick(["sexta", "sábado"])} às ${time()}.`,
    },
    {
      topic: "recipe",
      make: () =>
        `Receita de pão de queijo: ${int(500, 1000)} g de polvilho, ${int(2, 4)} ovos, ${int(200, 400)} ml de leite, ${int(100, 250)} g de queijo minas. Forno a ${int(180, 220)} °C por ${int(20, 40)} min.`,
    },
    {
      topic: "match result",
      make: () =>
        `${pick(["Flamengo", "Corinthians", "Grêmio", "Bahia"])} ${score()} ${pick(["Palmeiras", "Vasco", "Inter", "Fortaleza"])} na rodada ${int(1, 38)}; como fica a tabela?`,
    },
    {
      topic: "lab reference ranges",
      make: () =>
        `No laudo os valores de referência são: hemoglobina glicada até 5,7 %, colesterol LDL < ${int(100, 130)} mg/dL, vitamina D ${int(20, 30)}-${int(60, 100)} ng/mL. O que é "valor de referência"?`,
    },
    {
      topic: "ICD codes in general",
      make: () =>
        `Qual a diferença entre CID ${pick(["F33.1", "F90.0", "F84.0", "G40.9"])} e CID ${pick(["F32.2", "F31.1", "G30.9", "E11.9"])}? É para uma aula de faturamento hospitalar.`,
    },
    {
      topic: "medicine leaflet in general",
      make: () =>
        `A bula da ${pick(["dipirona", "losartana", "amoxicilina"])} diz ${int(500, 1000)} mg de ${int(6, 8)} em ${int(6, 8)} horas para adultos; isso vale pra idosos também?`,
    },
    {
      topic: "news",
      make: () =>
        `O Ministério da Saúde informou ${int(10, 900)} mil casos de dengue até a semana epidemiológica ${int(1, 52)} em ${pick(["Minas Gerais", "Goiás", "Paraná"])}.`,
    },
    {
      topic: "funeral plan prices",
      make: () =>
        `Plano funerário familiar: ${amount("BR")} por mês para até ${int(4, 8)} dependentes, carência de ${int(30, 180)} dias. Vale a pena?`,
    },
    {
      topic: "company bank agency",
      make: () =>
        `O boleto da escola é do ${pick(["Bradesco", "Itaú", "Caixa"])}, agência ${digits(4)}, nosso número ${digits(11)}, vencimento ${date()}, valor ${amount("BR")}.`,
    },
    {
      topic: "weekdays and names of days",
      make: () =>
        `Dia ${shortDate()} é feriado de ${pick(["Nossa Senhora da Conceição", "São João", "Nossa Senhora das Neves", "Nossa Senhora da Glória"])} em ${pick(["Recife", "João Pessoa", "Salvador"])}? O comércio abre às ${time()}?`,
    },
  ],
};
