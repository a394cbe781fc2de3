// A minimal Language Server Protocol client over stdio, as an editor drives
// yaml-language-server: open a document, collect the diagnostics it publishes.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
  severity?: number;
}

export class YamlLanguageServer {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly listeners: Array<() => void> = [];

  constructor() {
    const pkg = createRequire(import.meta.url).resolve("yaml-language-server/package.json");
    this.proc = spawn(process.execPath, [path.join(path.dirname(pkg), "bin", "yaml-language-server"), "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout.on("data", (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as { id?: number; method?: string; params?: unknown; result?: unknown };
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(msg);
    }
  }

  private handle(msg: { id?: number; method?: string; params?: unknown; result?: unknown }): void {
    if (msg.method === "textDocument/publishDiagnostics") {
      const p = msg.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const l of this.listeners.splice(0)) l();
    } else if (msg.method && msg.id !== undefined) {
      // A request from the server (workspace/configuration ...): answer as an editor with default settings.
      const items = (msg.params as { items?: unknown[] } | undefined)?.items;
      this.send({ jsonrpc: "2.0", id: msg.id, result: items ? items.map(() => ({ validate: true, completion: true, hover: true, schemaStore: { enable: false } })) : null });
    } else if (msg.id !== undefined && this.waiting.has(msg.id)) {
      this.waiting.get(msg.id)!(msg.result);
      this.waiting.delete(msg.id);
    }
  }

  private send(msg: object): void {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  async start(root: string): Promise<void> {
    await this.request("initialize", { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: { yaml: { validate: true, completion: true, schemaStore: { enable: false }, schemas: {} } } });
  }

  /** Opens a file and waits until the server publishes diagnostics for it. */
  async diagnose(file: string, timeoutMs = 30_000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    this.diagnostics.delete(uri);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text: readFileSync(file, "utf8") } });
    const deadline = Date.now() + timeoutMs;
    while (!this.diagnostics.has(uri)) {
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${file}`);
      await new Promise<void>((resolve) => {
        this.listeners.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    this.notify("textDocument/didClose", { textDocument: { uri } });
    return this.diagnostics.get(uri)!;
  }

  async stop(): Promise<void> {
    await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify("exit", null);
    this.proc.kill();
  }
}
