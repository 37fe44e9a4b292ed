/**
 * Setup file of the `unit` project: a unit test spawns no process and opens no socket, so that
 * the project is fast and steady on a busy machine. Anything that tries fails at once, naming the
 * rule; such a test belongs in test/integration.
 */
import { forbidProcessesAndSockets } from './process-and-socket-guard';

forbidProcessesAndSockets();
