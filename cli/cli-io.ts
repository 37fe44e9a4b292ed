import { readFileSync } from 'node:fs';
import type { AlpacaConfig } from '../functions/src/market/alpaca-config';

/**
 * Everything a `gex` command touches outside its own logic, injected so that commands run
 * in-process in tests: output, environment, files and the network transport.
 */
export interface CliIo {
  /** Writes text to standard output as is (commands end their lines with `\n`). */
  stdout(text: string): void;
  /** Writes text to standard error as is. */
  stderr(text: string): void;
  /** The environment variables the commands read (`APCA_API_*`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads a UTF-8 text file; relative paths are relative to the working directory. */
  readFile(path: string): Promise<string>;
  /** Transport for the Alpaca SDK; unset means the global `fetch`. */
  fetch?: AlpacaConfig['fetchApi'];
}

/** The real process: its stdout, stderr, environment and file system. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    // One synchronous read: a CLI has nothing else to do meanwhile, and it is the fastest way in.
    // A throw in the executor rejects the promise, as a failed read should.
    readFile: (path) => new Promise((resolve) => resolve(readFileSync(path, 'utf8'))),
  };
}
