import { describe, expect, it } from 'vitest';
import { descendantPids } from '../../../scripts/lib/process-groups';

// `ps -A -o pid=,ppid=` as printed: right-aligned columns. 100 is npm start's script; 200 the
// simulator's tsx, 300 firebase-tools, 310 Java (its own group), 320 the functions worker.
const TABLE = `
    1     0
  100     1
  200   100
  201   200
  300   100
  310   300
  320   300
  321   320
  999     1
  bad  line
`;

describe('descendantPids', () => {
  it('finds children before grandchildren, across process groups, and nothing else', () => {
    expect(descendantPids(TABLE, [200, 300])).toEqual([201, 310, 320, 321]);
    expect(descendantPids(TABLE, [100])).toEqual([200, 300, 201, 310, 320, 321]);
  });

  it('is empty for a process with no children or an unknown one', () => {
    expect(descendantPids(TABLE, [999])).toEqual([]);
    expect(descendantPids(TABLE, [12345])).toEqual([]);
  });

  it('never loops on a table that claims a cycle', () => {
    expect(descendantPids('5 6\n6 5\n', [5])).toEqual([6]);
  });
});
