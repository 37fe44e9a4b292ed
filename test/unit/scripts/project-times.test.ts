import { describe, expect, it } from 'vitest';
import { formatTestSummary, projectTimes, type VitestJsonReport } from '../../../scripts/lib/project-times';

const file = (name: string, startTime: number, endTime: number) => ({ name, startTime, endTime });

const report: VitestJsonReport = {
  numPassedTests: 41,
  numFailedTests: 1,
  testResults: [
    file('/repo/test/unit/a.test.ts', 1_000, 1_500),
    file('/repo/test/integration/pulse/b.test.ts', 1_200, 9_000),
    file('/repo/test/unit/gex/c.test.ts', 1_100, 4_100),
    file('/repo/test/rules/d.test.ts', 9_000, 12_250),
    file('/repo/test/integration/e.test.ts', 9_100, 30_000),
  ],
};

describe('projectTimes', () => {
  it('spans each project from its first start to its last end, in the order first seen', () => {
    expect(projectTimes(report)).toEqual([
      { project: 'unit', files: 2, wallMs: 3_100 },
      { project: 'integration', files: 2, wallMs: 28_800 },
      { project: 'rules', files: 1, wallMs: 3_250 },
    ]);
  });

  it('puts a file outside test/<project>/ under "other"', () => {
    expect(projectTimes({ ...report, testResults: [file('/repo/bench/x.test.ts', 0, 10)] })).toEqual([
      { project: 'other', files: 1, wallMs: 10 },
    ]);
  });
});

describe('formatTestSummary', () => {
  it('prints the tally and each project time, then the total', () => {
    expect(formatTestSummary(report, 61_040).split('\n')).toEqual([
      'tests: 41 passed, 1 failed',
      'time: unit 3.1 s (2 files), integration 28.8 s (2 files), rules 3.3 s (1 file); total 61.0 s',
    ]);
  });

  it('says so when no file ran', () => {
    expect(formatTestSummary({ ...report, testResults: [] }, 1_000)).toContain(
      'time: no test files; total 1.0 s',
    );
  });
});
