/**
 * Per-project wall times of a vitest run, from its JSON report: what `npm test` prints at the end.
 * A project is the `test/<name>/` folder its files live in (see vitest.config.ts).
 */

/** The part of vitest's JSON report this reads. */
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; startTime: number; endTime: number }[];
}

/** One project's span: from its first file's start to its last file's end. */
export interface ProjectTime {
  project: string;
  files: number;
  wallMs: number;
}

/** Projects in the order first seen; a file outside `test/<name>/` counts as `other`. */
export function projectTimes(report: VitestJsonReport): ProjectTime[] {
  const spans = new Map<string, { files: number; start: number; end: number }>();
  for (const file of report.testResults) {
    const project = /[\\/]test[\\/]([^\\/]+)[\\/]/.exec(file.name)?.[1] ?? 'other';
    const span = spans.get(project);
    if (!span) spans.set(project, { files: 1, start: file.startTime, end: file.endTime });
    else
      Object.assign(span, {
        files: span.files + 1,
        start: Math.min(span.start, file.startTime),
        end: Math.max(span.end, file.endTime),
      });
  }
  return [...spans].map(([project, span]) => ({ project, files: span.files, wallMs: span.end - span.start }));
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The closing lines of `npm test`, e.g.
 * `tests: 412 passed, 0 failed` and `time: unit 31.2 s (30 files), integration 88.0 s (…); total 150.3 s`.
 * Projects run side by side, so their times overlap; `total` is the whole command's wall time.
 */
export function formatTestSummary(report: VitestJsonReport, totalMs: number): string {
  const projects = projectTimes(report)
    .map((p) => `${p.project} ${seconds(p.wallMs)} (${p.files} file${p.files === 1 ? '' : 's'})`)
    .join(', ');
  return [
    `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
    `time: ${projects || 'no test files'}; total ${seconds(totalMs)}`,
  ].join('\n');
}
