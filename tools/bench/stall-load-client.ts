/**
 * The event-loop stall benchmark's client, run in a worker thread so its timers keep time while
 * the gateway's event loop is busy: a small request every `intervalMilliseconds`, while the big
 * requests of one scenario are sent one after the other.
 */
import { parentPort, workerData } from "node:worker_threads";
import { cpfTextForJson } from "./cpf-text.js";

export interface BigRequest {
  kind: "chat" | "scan";
  /** Size of the JSON body, in bytes. */
  bytes: number;
  repetitions: number;
}

export interface LoadClientTask {
  address: string;
  /** Undefined: only small requests, for `idleMilliseconds`. */
  big: BigRequest | undefined;
  intervalMilliseconds: number;
  /** Small requests go on this long after the last big one (and alone, without one). */
  idleMilliseconds: number;
}

export interface BigResult {
  status: number;
  milliseconds: number;
  code: string | null;
}

export interface LoadClientResult {
  /** Milliseconds per small request, from sending it to its whole answer. */
  small: number[];
  smallFailures: number;
  big: BigResult[];
}

function bodyOf(big: BigRequest): string {
  const empty =
    big.kind === "chat"
      ? { model: "cloud-model", messages: [{ role: "user", content: "" }] }
      : { text: "" };
  const text = cpfTextForJson(big.bytes - JSON.stringify(empty).length);
  return JSON.stringify(
    big.kind === "chat"
      ? { model: "cloud-model", messages: [{ role: "user", content: text }] }
      : { text },
  );
}

async function sendBig(address: string, big: BigRequest, body: string): Promise<BigResult> {
  const started = performance.now();
  const response = await fetch(
    `${address}${big.kind === "chat" ? "/v1/chat/completions" : "/v1/privacy/scan"}`,
    { method: "POST", headers: { "content-type": "application/json" }, body },
  );
  const answer = (await response.json()) as { error?: { code?: string } };
  return {
    status: response.status,
    milliseconds: performance.now() - started,
    code: answer.error?.code ?? null,
  };
}

async function run(task: LoadClientTask): Promise<LoadClientResult> {
  const small: number[] = [];
  let smallFailures = 0;
  const inFlight = new Set<Promise<void>>();
  const sendSmall = () => {
    const started = performance.now();
    const request = fetch(`${task.address}/v1/models`)
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) small.push(performance.now() - started);
        else smallFailures += 1;
      })
      .catch(() => {
        smallFailures += 1;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  const body = task.big === undefined ? "" : bodyOf(task.big);
  const ticker = setInterval(sendSmall, task.intervalMilliseconds);
  const big: BigResult[] = [];
  if (task.big !== undefined) {
    for (let index = 0; index < task.big.repetitions; index++) {
      big.push(await sendBig(task.address, task.big, body));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, task.idleMilliseconds));
  clearInterval(ticker);
  await Promise.all(inFlight);
  return { small, smallFailures, big };
}

if (parentPort !== null) {
  const port = parentPort;
  run(workerData as LoadClientTask).then(
    (result) => {
      port.postMessage(result);
    },
    (error: unknown) => {
      throw error;
    },
  );
}
