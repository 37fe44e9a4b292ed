import type { AlpacaClient } from '../market/alpaca-client';
import type { MarketData } from '../market/market-data';
import type { Speculation } from './speculative-chains';
import type { RawClock } from '../market/wire-schemas';
import { errorKindOfFailure } from './error-kind';
import type { ChainOutcome, MarketDataSource } from './market-source';

/** Deadline of the clock request alone (the adapter's own cycle deadline covers the chains). */
const CLOCK_DEADLINE_MS = 10_000;

/**
 * The pulse's {@link MarketDataSource} on the Alpaca adapter: the clock through the client (one
 * trading call, so a closed market can skip the chains), the chains through the adapter's cycle,
 * which reuses that clock reading instead of asking again. While the market is open, the chain
 * and spot requests start together with the clock (see `speculative-chains.ts`), so a steady
 * pulse waits about one round trip for its market data instead of three.
 * API calls are every request attempt the adapter counted, retries included.
 */
export function createAlpacaMarketSource(input: {
  client: AlpacaClient;
  marketData: MarketData;
}): MarketDataSource {
  let lastClock: RawClock | undefined;
  let pending: Speculation | undefined;
  return {
    callsSent() {
      const { marketData, trading } = input.client.calls.snapshot();
      return marketData + trading;
    },
    async readClock() {
      // The chains and spot start with the clock, on the last open minute's sessions and bands.
      const speculation = input.marketData.speculate();
      pending = speculation;
      let clock: RawClock;
      try {
        clock = await input.client.getClock(AbortSignal.timeout(CLOCK_DEADLINE_MS));
      } catch (error) {
        await speculation?.settled;
        throw error;
      }
      // A closed market may skip the chains: settle what was started so this pulse counts it.
      if (!clock.is_open) await speculation?.settled;
      lastClock = clock;
      return {
        isOpen: clock.is_open,
        timestamp: clock.timestamp,
        nextOpen: clock.next_open,
        nextClose: clock.next_close,
      };
    },
    async loadChains({ symbols, clock }) {
      const known = lastClock?.timestamp === clock.timestamp ? lastClock : undefined;
      const speculation = known ? pending : undefined;
      pending = undefined;
      const cycle = await input.marketData.loadChains(symbols, {
        clock: known,
        ...(speculation ? { speculation } : {}),
      });
      const chains: Record<string, ChainOutcome> = {};
      for (const [symbol, result] of Object.entries(cycle.symbols)) {
        const apiCalls = result.calls.marketData + result.calls.trading;
        chains[symbol] = result.ok
          ? { ok: true, chain: result.chain, apiCalls, adapterSkipped: result.quality.skipped }
          : {
              ok: false,
              error: `${result.error.kind}: ${result.error.message}`,
              errorKind: errorKindOfFailure(result.error.kind),
              requestId: result.error.requestId,
              apiCalls,
            };
      }
      return { chains, apiCalls: cycle.calls.marketData + cycle.calls.trading };
    },
  };
}
