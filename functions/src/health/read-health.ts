import type { Firestore } from 'firebase-admin/firestore';
import { readRegime } from '../store/regime-store';
import { assessHealth, type HealthOptions, type HealthReport } from './assess-health';

/**
 * Reads the regime document and judges it (see {@link assessHealth}). An unreadable document
 * (fails the contract) is a 503 naming the problem; Firestore errors propagate.
 */
export async function readHealth(input: HealthOptions & { db: Firestore }): Promise<HealthReport> {
  const { db, ...options } = input;
  let doc;
  try {
    doc = await readRegime(db);
  } catch (err) {
    if (!(err instanceof Error && err.name === 'ZodError')) throw err;
    const report = assessHealth(null, options);
    report.body.problems = [`regime document fails the contract: ${err.message.slice(0, 300)}`];
    return report;
  }
  return assessHealth(doc, options);
}
