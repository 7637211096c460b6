import { setImmediate as turn } from "node:timers/promises";
import type { PrivacyGuard } from "../privacy/privacy-guard.js";

/**
 * One message in the shapes the privacy scan's detectors look for: labelled and bare names,
 * every country's identifiers (with dots, dashes and other scripts' digits), e-mail (plain and
 * spelled out), phones, a card and a CLABE, street addresses from both languages, a date of
 * birth, a condition and a medicine. What it holds is made up; what matters is that every
 * detector, and the patterns inside it, runs on it.
 */
export const privacyWarmUpText = [
  "Nombre y apellido: Florencia López | Domicilio: Pasaje Santa Rosa 1234, depto 5B, Córdoba.",
  "Hola, soy María José Pérez Gutiérrez; mi RUT es 12.345.678-5, mi DNI 30.123.456,",
  "CUIT 20-30123456-7, RUC ৫৪৪৯১০৮-৮, R.F.C. ACLR००१२२५MT८ y CURP GOMA800101HDFRRN09.",
  "Meu CPF é 114.735.222-42, CNH 02835063 e RG 12.345.678-9; moro na Rua das Flores, 123,",
  "apto 45, São Paulo. Escríbeme a maria.perez@example.com o",
  "catalinavillanueva[at]live[dot]com[dot]ar, llámame al +56 9 8765 4321 o (11) 98765-4321.",
  "Tarjeta 4111 1111 1111 1111, CLABE 002010077777777771. Nací el 3 de marzo de 1985;",
  "tengo diabetes tipo 2 y tomo metformina 850 mg. A mi hermana le diagnosticaron lupus.",
  "Calle 13 entre 58 y 59 número 880, La Plata.",
].join("\n");

/**
 * Scans: the first compiles the detectors' regular expressions (V8 compiles a pattern the first
 * time it runs), the second compiles the busy ones again to machine code, the third finds them
 * ready. Measured on the 2-core benchmark machine: ~700, ~60 and ~4 ms.
 */
const warmUpRounds = 3;

/**
 * Runs the privacy scan over `privacyWarmUpText` before the server takes requests. The scan is
 * paced (it gives the event loop a turn every few milliseconds), but what it does the first
 * time is not: compiling a detector's patterns is one step, and the first scan of a one-line
 * prompt took 180–260 ms alone and 425 ms inside bench:health (shared 2-core machine), paid by
 * whichever request to a cloud, or queued batch line, came first, with /health and every other
 * request waiting behind it. After this, the first scan of a text of a new shape costs at most
 * ~30–45 ms (the dev evaluation sets' 2,720 texts, each scanned once; 60–260 ms without it).
 */
export async function warmUpPrivacyScan(guard: Pick<PrivacyGuard, "scanText">): Promise<void> {
  for (let round = 0; round < warmUpRounds; round++) {
    guard.scanText(privacyWarmUpText);
    // The rounds are a few hundred milliseconds apart at most; timers still get their turn.
    await turn();
  }
}
