import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CliIo } from '../../cli/cli-io';

/** The repository root: relative paths in CLI arguments are read from here, as `npm run gex` does. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** A `CliIo` that keeps what a command prints, for in-process CLI tests. */
export interface MemoryIo extends CliIo {
  /** Everything written to stdout, as one string. */
  out(): string;
  /** What was written to stderr, one entry per line. */
  errLines(): string[];
}

/** Captures output; reads files relative to the repository root; no environment unless given. */
export function memoryIo(
  options: { env?: Record<string, string | undefined>; fetch?: CliIo['fetch'] } = {},
): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    env: options.env ?? {},
    readFile: (path) => readFile(isAbsolute(path) ? path : join(ROOT, path), 'utf8'),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    out: () => out,
    errLines: () => err.split('\n').filter((line) => line !== ''),
  };
}
