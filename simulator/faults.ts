import { z } from 'zod';
import { uniform } from './random';

const endpoint = z.string().startsWith('/').optional();
const times = z.number().int().positive().optional();
const symbol = z.string().min(1).optional();
const fraction = z.number().min(0).max(1).optional();

/** One injectable fault; see simulator/README.md for what each does. */
export const FaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    endpoint,
    times,
    retryAfterSeconds: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative().max(600_000), endpoint }),
  z.object({ kind: z.literal('hang'), endpoint, times }),
  z.object({ kind: z.literal('malformed_json'), endpoint, times }),
  z.object({ kind: z.literal('drop_response'), endpoint, times }),
  z.object({ kind: z.literal('missing_greeks'), symbol, fraction }),
  z.object({ kind: z.literal('bad_open_interest'), symbol, value: z.string(), fraction }),
  z.object({ kind: z.literal('empty_chain'), symbol }),
  z.object({ kind: z.literal('holiday'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
]);
/** One injectable fault (the control API's `Fault`). */
export type Fault = z.infer<typeof FaultSchema>;
export type FaultKind = Fault['kind'];
type FaultOf<K extends FaultKind> = Extract<Fault, { kind: K }>;

interface ActiveFault {
  fault: Fault;
  /** Requests it still hits; Infinity when `times` was not given. */
  remaining: number;
}

function matchesEndpoint(fault: { endpoint?: string | undefined }, path: string): boolean {
  return fault.endpoint === undefined || path.startsWith(fault.endpoint);
}

function matchesSymbol(fault: { symbol?: string | undefined }, underlying: string): boolean {
  return fault.symbol === undefined || fault.symbol.toUpperCase() === underlying.toUpperCase();
}

/** The active fault set: replaced as a whole, consumed request by request. */
export class FaultSet {
  private active: ActiveFault[] = [];

  /** Replaces every active fault. */
  replace(faults: readonly Fault[]): void {
    this.active = faults.map((fault) => ({
      fault,
      remaining: 'times' in fault && fault.times !== undefined ? fault.times : Infinity,
    }));
  }

  /** The active faults with how many hits each has left (null = unlimited). */
  list(): (Fault & { remaining: number | null })[] {
    return this.active.map(({ fault, remaining }) => ({
      ...fault,
      remaining: Number.isFinite(remaining) ? remaining : null,
    }));
  }

  /** Extra milliseconds for a request to `path`, summed over matching `latency` faults. */
  latencyFor(path: string): number {
    return this.active.reduce(
      (sum, { fault }) => (fault.kind === 'latency' && matchesEndpoint(fault, path) ? sum + fault.ms : sum),
      0,
    );
  }

  /** Takes one hit of the first matching request fault of `kind`, if any is left. */
  take<K extends 'status' | 'hang' | 'malformed_json' | 'drop_response'>(
    kind: K,
    path: string,
  ): FaultOf<K> | undefined {
    const hit = this.active.find(
      (a) => a.fault.kind === kind && a.remaining > 0 && matchesEndpoint(a.fault as FaultOf<K>, path),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    return hit.fault as FaultOf<K>;
  }

  /** Data faults of `kind` that apply to `underlying`. */
  dataFaults<K extends 'missing_greeks' | 'bad_open_interest' | 'empty_chain'>(
    kind: K,
    underlying: string,
  ): FaultOf<K>[] {
    return this.active
      .map((a) => a.fault)
      .filter((f): f is FaultOf<K> => f.kind === kind && matchesSymbol(f as FaultOf<K>, underlying));
  }

  /** Dates closed by `holiday` faults. */
  holidays(): Set<string> {
    return new Set(this.active.flatMap(({ fault }) => (fault.kind === 'holiday' ? [fault.date] : [])));
  }
}

/** Whether a fraction-limited data fault hits this contract (a stable choice per OCC symbol). */
export function hitsContract(fault: { kind: string; fraction?: number | undefined }, occ: string): boolean {
  return uniform('fault', fault.kind, occ) < (fault.fraction ?? 1);
}
