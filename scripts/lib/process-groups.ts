/**
 * Child processes that can all be stopped, whatever signal reaches us and from where.
 *
 * Each child starts in its own process group, so stopping it signals the whole group: what
 * firebase-tools starts (the functions worker) and what tsx starts go with it, without relying on
 * each program to pass the signal on. A process that makes its own group (firebase-tools starts
 * the Java Firestore emulator detached) is found by walking the process tree when stopping
 * begins, and is killed if it outlives the grace period. The local scripts stop
 * their groups on SIGINT, SIGTERM or SIGHUP, and also when their parent goes away: `npm run`
 * passes a signal sent to npm alone to the `sh` it started, which dies of it without telling
 * its child.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const groups = new Set<number>();

/** Starts `command` as the leader of a new process group that `stopProcessGroups` stops. */
export function spawnInGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) groups.add(child.pid);
  return child;
}

/** True while any process of the group is alive. */
function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  signalPid(-pgid, signal);
}

/** `process.kill` that ignores a process (or group, when negative) that is already gone. */
function signalPid(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every descendant of `roots` in a `ps -A -o pid=,ppid=` table (one `pid ppid` pair a line),
 * children before grandchildren; the roots themselves are not included.
 */
export function descendantPids(psTable: string, roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const line of psTable.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || !Number.isInteger(pid) || !Number.isInteger(ppid))
      continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...roots];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of children.get(parent) ?? []) {
      if (found.includes(child) || roots.includes(child)) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The live descendants of the group leaders started here (empty if `ps` is unavailable). */
function descendantsOfGroups(): number[] {
  if (groups.size === 0) return [];
  try {
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    return descendantPids(table, [...groups]);
  } catch {
    return [];
  }
}

/** The groups started here that still have a live process. */
export function liveProcessGroups(): number[] {
  return [...groups].filter(isGroupAlive);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no group and no listed process is alive, or the deadline; returns whether all ended. */
async function waitForEnd(pids: readonly number[], deadlineMs: number): Promise<boolean> {
  for (;;) {
    const alive = liveProcessGroups().length > 0 || pids.some((pid) => signalPid(pid, 0));
    if (!alive) return true;
    if (Date.now() >= deadlineMs) return false;
    await sleep(100);
  }
}

/**
 * Sends `signal` to every group started here, gives them and every process they started
 * `graceMs` to end (firebase-tools shuts its emulators down cleanly on SIGINT), then kills what
 * is left.
 * @returns once none of those processes is alive (or SIGKILL had 5 s to work).
 */
export async function stopProcessGroups(
  options: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  // Taken before anything ends: a detached grandchild is reparented once its parent exits.
  const descendants = descendantsOfGroups();
  const signal = options.signal ?? 'SIGINT';
  const deadline = Date.now() + (options.graceMs ?? 10_000);
  for (const pgid of liveProcessGroups()) signalGroup(pgid, signal);
  // firebase-tools may wait on a running function; a second SIGINT tells it to stop right away.
  const ended = await waitForEnd(descendants, Math.min(deadline, Date.now() + 5_000));
  if (!ended) for (const pgid of liveProcessGroups()) signalGroup(pgid, signal);
  if (!ended && !(await waitForEnd(descendants, deadline))) {
    for (const pgid of liveProcessGroups()) signalGroup(pgid, 'SIGKILL');
    for (const pid of descendants) signalPid(pid, 'SIGKILL');
    await waitForEnd(descendants, Date.now() + 5_000);
  }
  groups.clear();
}

/** Last resort on the way out (`process.on('exit')` cannot wait): SIGKILL every live group. */
export function killProcessGroupsNow(): void {
  const descendants = descendantsOfGroups();
  for (const pgid of liveProcessGroups()) signalGroup(pgid, 'SIGKILL');
  for (const pid of descendants) signalPid(pid, 'SIGKILL');
}

/**
 * Calls `stop(signal)` once on SIGINT, SIGTERM or SIGHUP, or with `'orphaned'` when this
 * process's parent goes away (checked every `pollMs`); kills the groups on any exit.
 */
export function stopOnSignalOrOrphan(stop: (why: NodeJS.Signals | 'orphaned') => void, pollMs = 500): void {
  let called = false;
  const once = (why: NodeJS.Signals | 'orphaned'): void => {
    if (called) return;
    called = true;
    if (why === 'orphaned') {
      // Whoever read our output may be gone with the parent: a write must not crash the cleanup.
      process.stdout.on('error', () => undefined);
      process.stderr.on('error', () => undefined);
    }
    stop(why);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => once(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) once('orphaned');
  }, pollMs).unref();
  process.on('exit', killProcessGroupsNow);
}
