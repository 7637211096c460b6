import fc from "fast-check";
import type { RouteSummary } from "../../src/server/route-access.js";
import { mutationArbitrary, type Mutation } from "./mutation-arbitrary.js";
import { applyMutation } from "./mutations.js";
import type { FuzzedRequest } from "./fuzz-findings.js";
import { validRequest, type DraftContext, type Variety } from "./valid-requests.js";

/** One generated case: which route, the values its valid request is built from, the mutation. */
export interface FuzzPlan {
  route: number;
  variety: Variety;
  mutation: Mutation;
}

const textArbitrary = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.lorem({ maxCount: 12 }),
  fc.constantFrom(
    "Mi CPF es 390.533.447-05 y mi correo ana.souza@example.com",
    "Ligue para +55 11 98765-4321, Rua Augusta 1500, São Paulo",
    "DNI 12.345.678, tarjeta 4111 1111 1111 1111",
    "Escribe una función en Python que ordene una lista.",
    "",
  ),
);

export const planArbitrary: fc.Arbitrary<FuzzPlan> = fc.record({
  route: fc.nat(),
  variety: fc.record({
    pick: fc.nat({ max: 1_000_000 }),
    flag: fc.boolean(),
    text: textArbitrary,
    number: fc.integer({ min: 1, max: 64 }),
  }),
  mutation: mutationArbitrary,
});

/**
 * The plans of a run, drawn lazily `chunk` at a time from fast-check with seeds derived from the
 * run's seed, so that a seed gives the same plans whatever the request count.
 */
export function* plans(seed: number, chunk = 200): Generator<FuzzPlan, void> {
  for (let index = 0; ; index++) {
    yield* fc.sample(planArbitrary, { seed: (seed + index * 7_919) | 0, numRuns: chunk });
  }
}

/**
 * How many shares of the requests a route gets: the routes that run the chat flow, the queue and
 * the stores (and reach the cloud) 8, every other route 1.
 */
export function routeShares(routes: RouteSummary[]): RouteSummary[] {
  const busy = new Set([
    "POST /v1/chat/completions",
    "POST /v1/embeddings",
    "POST /v1/files",
    "POST /v1/batches",
    "POST /v1/privacy/scan",
  ]);
  return routes.flatMap((route) =>
    Array.from<RouteSummary>({ length: busy.has(`${route.method} ${route.url}`) ? 8 : 1 }).fill(
      route,
    ),
  );
}

/** A plan as a request for one of `routes` (ids from the pool as they are now). */
export function fuzzedRequest(
  plan: FuzzPlan,
  routes: RouteSummary[],
  context: DraftContext,
): FuzzedRequest {
  const route = routes[plan.route % routes.length];
  if (route === undefined) throw new Error("The gateway registered no routes.");
  const draft = validRequest(route, plan.variety, context);
  return {
    route: `${route.method} ${route.url}`,
    mutation: plan.mutation.kind,
    request: applyMutation(draft, plan.mutation),
  };
}
