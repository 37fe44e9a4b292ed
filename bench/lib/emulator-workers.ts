/**
 * Helpers of the emulator benchmark sections: waiting for a trigger, the Functions emulator's
 * workers, stopping a child.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { findTriggerKey, type ScheduledTarget } from '../../scripts/lib/scheduler';

/** Pids of `root` and all its descendants, from /proc. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Peak RSS (MiB) of each Functions emulator worker under `root`, with the function it serves. */
export function functionWorkers(root: number): { pid: number; target: string; hwmMiB: number }[] {
  const out: { pid: number; target: string; hwmMiB: number }[] = [];
  for (const pid of processTree(root)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('functionsEmulatorRuntime')) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const target = env.find((e) => e.startsWith('FUNCTION_TARGET='))?.slice(16) ?? '?';
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      out.push({ pid, target, hwmMiB: hwm });
    } catch {
      // not ours to read, or gone
    }
  }
  return out;
}

/** SIGINT, then SIGKILL after 15 s; resolves when the child has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

/**
 * The scheduled trigger's key once the Functions emulator lists it (polled each second, for up to
 * three minutes).
 * @throws Error when the emulators exit first or the deadline passes.
 */
export async function waitForTrigger(emulators: ChildProcess, target: ScheduledTarget): Promise<string> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (emulators.exitCode !== null) throw new Error('the emulators exited early');
    try {
      return await findTriggerKey(target);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
