import { readFileSync } from 'node:fs';

/**
 * Who a pid is, beyond the number: the kernel's start time of the process (clock ticks since boot, from
 * /proc/<pid>/stat) and the boot id. A pid recorded with both names one process only; a reused pid (the same number
 * for a later process, or after a reboot) does not match. Undefined where /proc is not there (macOS).
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or `)`: count fields after the last `)`.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19]; // field 22, starttime
  } catch {
    return undefined;
  }
}

let boot: string | undefined | null = null;
export function bootId(): string | undefined {
  if (boot === null) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      boot = undefined;
    }
  }
  return boot;
}

/**
 * Whether the process recorded as `pid` (with its start time and boot id, when recorded) is still running on this
 * machine. pid 0, 1 and negative pids never name a briefdeck run (`kill(-1, 0)` asks about every process).
 */
export function processAlive(pid: number, start?: string, bootWas?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 1) return false;
  const nowBoot = bootId();
  if (bootWas && nowBoot && bootWas !== nowBoot) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const nowStart = processStart(pid);
  return !(start && nowStart && start !== nowStart);
}

/** This process, as a lock or a work folder records it. */
export const selfIdentity = (): { pid: number; start?: string; boot?: string } => ({
  pid: process.pid,
  ...(processStart(process.pid) ? { start: processStart(process.pid) } : {}),
  ...(bootId() ? { boot: bootId() } : {}),
});
