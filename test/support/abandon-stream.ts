import { request as httpRequest } from "node:http";

/**
 * POST a streaming chat completion (or another streamed answer, at `path`) to `address`, read
 * `frames` chunks of the answer, then drop the connection the way a client that goes away does.
 */
export function abandonStream(
  address: string,
  body: object,
  frames = 1,
  path = "/v1/chat/completions",
): Promise<void> {
  const url = new URL(address);
  return new Promise<void>((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: { "content-type": "application/json" },
      },
      (response) => {
        let received = 0;
        response.on("data", () => {
          if (++received === frames) {
            request.destroy();
            resolve();
          }
        });
      },
    );
    request.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") reject(error);
    });
    request.end(JSON.stringify({ ...body, stream: true }));
  });
}
