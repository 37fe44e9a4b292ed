/**
 * The Functions emulator never fires `onSchedule` functions itself. This finds a scheduled
 * function's trigger key in the running emulator and invokes it the way Cloud Scheduler does:
 * an HTTP POST carrying `X-CloudScheduler-ScheduleTime`.
 */

export interface ScheduledTarget {
  /** e.g. http://127.0.0.1:5001 */
  functionsOrigin: string;
  projectId: string;
  /** Function name as exported, e.g. `pulse`. */
  name: string;
  region?: string;
}

/**
 * Trigger key of a scheduled function (`us-central1-pulse-0`): event-style triggers carry a
 * generation suffix that grows when the emulator reloads code, so it is read from the emulator.
 * @throws Error when the emulator does not list the function.
 */
export async function findTriggerKey(target: ScheduledTarget): Promise<string> {
  const base = `${target.functionsOrigin}/functions/projects/${target.projectId}/triggers`;
  // An unknown trigger answers 404 with the list of valid keys.
  const response = await fetch(`${base}/__list__`, { method: 'POST', body: '{}' });
  const text = await response.text();
  const listed =
    /valid functions are: (.*)$/s
      .exec(text)?.[1]
      ?.split(',')
      .map((key) => key.trim()) ?? [];
  const prefix = `${target.region ?? 'us-central1'}-${target.name}-`;
  const keys = listed.filter((key) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)));
  const newest = keys.sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)))[0];
  if (!newest) {
    throw new Error(
      `the Functions emulator lists no scheduled function "${target.name}" (listed: ${listed.join(', ') || 'none'})`,
    );
  }
  return newest;
}

/** Invokes the scheduled function once, as Cloud Scheduler would at `scheduleTime`; returns the HTTP status. */
export async function invokeScheduled(
  target: ScheduledTarget & { scheduleTime?: Date; key?: string },
): Promise<{ status: number; body: string }> {
  const key = target.key ?? (await findTriggerKey(target));
  const response = await fetch(
    `${target.functionsOrigin}/functions/projects/${target.projectId}/triggers/${key}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-CloudScheduler-ScheduleTime': (target.scheduleTime ?? new Date()).toISOString(),
      },
      body: '{}',
    },
  );
  return { status: response.status, body: await response.text() };
}
