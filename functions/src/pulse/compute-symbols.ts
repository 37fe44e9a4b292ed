import type { ErrorKind, GexResult } from '../contract/regime';
import { GexInputError } from '../gex/compute-gex';
import type { ChainInput } from '../gex/types';
import { mergeAdapterQuality } from '../market/merge-adapter-quality';
import type { SymbolOutcome } from './merge-symbol';
import type { ChainOutcome } from '../market/market-source';
import type { PulseLog } from './ports';

/**
 * Runs the engine on every loaded chain and adds the adapter's skipped contracts to its `quality`.
 * An engine failure on one symbol (no usable contract included) becomes that symbol's error; the
 * others are unaffected. Logs symbol, engine time, API calls, contracts and skipped
 * counts.
 */
export function computeSymbols(input: {
  symbols: readonly string[];
  chains: Readonly<Record<string, ChainOutcome>>;
  computeGex: (chain: ChainInput) => GexResult;
  log: PulseLog;
  /** Wall clock, for the engine's duration per symbol. */
  now: () => Date;
}): Record<string, SymbolOutcome> {
  const outcomes: Record<string, SymbolOutcome> = {};
  for (const symbol of input.symbols) {
    const loaded: ChainOutcome = input.chains[symbol] ?? {
      ok: false,
      error: 'no chain returned',
      errorKind: 'upstream',
    };
    if (!loaded.ok) {
      const error = oneLine(loaded.error);
      input.log.warn('pulse symbol failed', {
        symbol,
        stage: 'market_data',
        api_calls: loaded.apiCalls,
        error,
        error_kind: loaded.errorKind,
        ...(loaded.requestId ? { request_id: loaded.requestId } : {}),
      });
      outcomes[symbol] = { ok: false, error, errorKind: loaded.errorKind };
      continue;
    }
    try {
      const startedMs = input.now().getTime();
      const computed = input.computeGex(loaded.chain);
      const result = loaded.adapterSkipped
        ? { ...computed, regime: mergeAdapterQuality(computed.regime, { skipped: loaded.adapterSkipped }) }
        : computed;
      const q = result.regime.quality;
      input.log.info('pulse symbol computed', {
        symbol,
        engine_ms: input.now().getTime() - startedMs,
        api_calls: loaded.apiCalls,
        contracts_seen: q.contracts_seen,
        contracts_used: q.contracts_used,
        skipped: q.skipped,
        local_greeks: q.local_greeks,
        net_gex: result.regime.net_gex,
      });
      outcomes[symbol] = { ok: true, result };
    } catch (err) {
      const error = `engine: ${errorMessage(err)}`;
      const errorKind = engineErrorKind(err);
      input.log.error('pulse symbol failed', { symbol, stage: 'engine', error, error_kind: errorKind });
      outcomes[symbol] = { ok: false, error, errorKind };
    }
  }
  return outcomes;
}

/**
 * The engine's refusal by its type: no usable contract is `no_usable_contracts`; an unusable spot
 * or as-of, or any other throw on this input, is `malformed` (the data could not be computed).
 */
export function engineErrorKind(err: unknown): ErrorKind {
  return err instanceof GexInputError && err.field === 'contracts' ? 'no_usable_contracts' : 'malformed';
}

/** Longest upstream error message kept (a short stage prefix may precede it), characters. */
const MAX_ERROR_CHARS = 300;

/** A one-line message of anything thrown (see {@link oneLine}). */
export function errorMessage(err: unknown): string {
  return oneLine(err instanceof Error ? err.message : String(err));
}

/**
 * `text` on one line, at most {@link MAX_ERROR_CHARS} characters: an upstream error can carry a
 * whole response body (an HTML error page), which must not land in the document every client reads.
 */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_ERROR_CHARS ? flat : `${flat.slice(0, MAX_ERROR_CHARS - 1)}…`;
}
