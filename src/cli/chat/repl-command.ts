/** What one line typed in `colibri chat` asks for. */
export type ReplCommand =
  | { kind: "prompt"; text: string }
  | { kind: "empty" }
  | { kind: "help" }
  | { kind: "clear" }
  | { kind: "model"; name: string | undefined }
  | { kind: "leave" }
  | { kind: "unknown"; name: string };

/** A line starting with `/` is a command for the CLI, never a prompt for the model. */
export function parseReplLine(line: string): ReplCommand {
  const text = line.trim();
  if (text === "") return { kind: "empty" };
  if (!text.startsWith("/")) return { kind: "prompt", text };
  const [name = "", ...rest] = text.split(/\s+/);
  const argument = rest.join(" ");
  switch (name.toLowerCase()) {
    case "/help":
    case "/?":
      return { kind: "help" };
    case "/clear":
    case "/reset":
      return { kind: "clear" };
    case "/model":
      return { kind: "model", name: argument === "" ? undefined : argument };
    case "/bye":
    case "/exit":
    case "/quit":
      return { kind: "leave" };
    default:
      return { kind: "unknown", name };
  }
}

export const replHelp = `Commands (never sent to the model):
  /help          this list
  /clear         forget the conversation (the --system prompt stays)
  /model         show the model in use and the names you can switch to
  /model NAME    switch: auto (the router decides), local, or a cloud model
  /bye, /exit    leave (Ctrl+D, or Ctrl+C at an empty prompt, too)
Ctrl+C while an answer streams stops it and keeps what arrived.`;
