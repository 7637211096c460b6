import { describe, expect, it } from "vitest";
import { benchmarkGateway, summarize } from "./gateway-benchmark.js";
import { temporarySqliteDatabase } from "./temporary-database.js";

describe("benchmarkGateway", () => {
  it("measures the three paths on a fresh SQLite file and finds one usage record per request", async () => {
    const database = await temporarySqliteDatabase();
    try {
      const result = await benchmarkGateway({
        databaseUrl: database.url,
        home: database.home,
        rate: 200,
        requests: 50,
        warmup: 10,
      });
      expect(result).toMatchObject({ dialect: "sqlite", rate: 200, requests: 50, warmup: 10 });
      expect(result.location).toBe(database.url);
      const summaryShape = {
        p50: expect.any(Number),
        p90: expect.any(Number),
        p99: expect.any(Number),
        max: expect.any(Number),
        mean: expect.any(Number),
      };
      for (const measurement of [
        result.platformOverhead,
        result.endToEndWithPlatform,
        result.endToEndMinimal,
      ]) {
        expect(measurement.latency).toMatchObject(summaryShape);
        expect(measurement.startDelay).toMatchObject(summaryShape);
        expect(measurement.latency.max).toBeGreaterThan(0);
        expect(measurement.achievedRate).toBeGreaterThan(0);
        expect(measurement.servedRate).toBeGreaterThan(0);
      }
      expect(result.platformBackToBack).toMatchObject(summaryShape);
      for (const part of ["authenticate", "admit", "settle"] as const) {
        expect(result.platformOverhead.breakdown[part]).toMatchObject(summaryShape);
      }
      expect(result.records).toEqual({
        withPlatform: { expected: 170, found: 170 },
        minimal: { expected: 60, found: 60 },
        matches: true,
      });
    } finally {
      await database.remove();
    }
  });
});

describe("summarize", () => {
  it("reports nearest-rank percentiles in microseconds", () => {
    const nanoseconds = Array.from({ length: 100 }, (_, index) => (index + 1) * 1000);
    expect(summarize(nanoseconds)).toEqual({ p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
    expect(summarize([])).toEqual({ p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});
