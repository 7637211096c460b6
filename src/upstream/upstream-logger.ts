export type UpstreamLogLevel = "info" | "warn" | "error";

/** Where providers report retries and circuit changes; never given prompt or answer text. */
export type UpstreamLogger = (level: UpstreamLogLevel, message: string) => void;

export const silentUpstreamLogger: UpstreamLogger = () => undefined;
