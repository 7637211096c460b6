import {
  areaUnderCurve,
  callsToReach,
  countOutcomes,
  oracleRouter,
  pgrAtShare,
  pgrCurve,
  randomRouter,
  type BaselineRouter,
  type Outcome,
} from "./metrics.js";

export interface RouterFigures {
  apgr: number;
  /** Share of strong-model calls needed for 50 % / 80 % of the gap; null if never reached. */
  cpt50: number | null;
  cpt80: number | null;
}

export interface CurveRow {
  /** Share of questions sent to the strong model. */
  share: number;
  pgr: number;
  accuracy: number;
  random: number;
  oracle: number;
}

export interface RouterEvaluation extends RouterFigures {
  rows: number;
  accuracy: { weak: number; strong: number; oracle: number };
  random: RouterFigures;
  oracle: RouterFigures & { share: number };
  /** PGR at 0 %, 10 %, … 100 % strong calls, for the router and both baselines. */
  curve: CurveRow[];
}

/** Everything `colibri eval router` reports, from the rows' outcomes and the router's scores. */
export function evaluateScores(
  rows: readonly Outcome[],
  scores: readonly number[],
): RouterEvaluation {
  const pgr = pgrCurve(rows, scores);
  const counts = countOutcomes(rows);
  const oracle = oracleRouter(counts);
  const weak = counts.weakCorrect / counts.rows;
  const strong = counts.strongCorrect / counts.rows;
  const curve = Array.from({ length: 11 }, (_, tenth) => {
    const share = tenth / 10;
    const value = pgrAtShare(pgr, share);
    return {
      share,
      pgr: value,
      accuracy: weak + value * (strong - weak),
      random: randomRouter.pgrAt(share),
      oracle: oracle.pgrAt(share),
    };
  });
  return {
    rows: counts.rows,
    apgr: areaUnderCurve(pgr),
    cpt50: callsToReach(pgr, 0.5),
    cpt80: callsToReach(pgr, 0.8),
    accuracy: { weak, strong, oracle: (counts.weakCorrect + counts.strongWins) / counts.rows },
    random: baselineFigures(randomRouter),
    oracle: { ...baselineFigures(oracle), share: counts.strongWins / counts.rows },
    curve,
  };
}

function baselineFigures(router: BaselineRouter): RouterFigures {
  return {
    apgr: router.apgr,
    cpt50: router.callsToReach(0.5),
    cpt80: router.callsToReach(0.8),
  };
}
