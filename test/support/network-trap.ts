/**
 * A trap for any attempt to reach the network or run a program: while armed, fetch, every TCP/TLS
 * socket (http, https and fetch all connect through net.Socket), UDP, DNS lookups and child
 * processes record the attempt and throw. A test arms it, runs the code under test, and asserts
 * that nothing was attempted.
 */
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

type Patch = [object, string];

const PATCHES: Patch[] = [
  [globalThis, 'fetch'],
  [net.Socket.prototype, 'connect'],
  [dgram.Socket.prototype, 'send'],
  [dns, 'lookup'],
  [dns, 'resolve'],
  [dns.promises, 'lookup'],
  [childProcess, 'spawn'],
  [childProcess, 'spawnSync'],
  [childProcess, 'exec'],
  [childProcess, 'execSync'],
  [childProcess, 'execFile'],
  [childProcess, 'execFileSync'],
  [childProcess, 'fork'],
];

export class NetworkTrap {
  readonly attempts: string[] = [];
  private readonly saved: [object, string, unknown][] = [];

  /** Starts recording (afresh) and refusing. */
  arm(): void {
    this.attempts.length = 0;
    for (const [target, name] of PATCHES) {
      const record = target as Record<string, unknown>;
      this.saved.push([target, name, record[name]]);
      const attempts = this.attempts;
      record[name] = function trapped(...args: unknown[]): never {
        attempts.push(`${name}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
        throw new Error(`network or process access attempted: ${name}`);
      };
    }
    syncBuiltinESMExports();
  }

  disarm(): void {
    for (const [target, name, original] of this.saved.splice(0)) (target as Record<string, unknown>)[name] = original;
    syncBuiltinESMExports();
  }
}
