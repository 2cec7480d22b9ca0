import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../src/model/errors.js';
import { requireTool, runTool } from '../../src/export/run-tool.js';

describe('requireTool', () => {
  it('names the missing tool and the apt command that installs it', () => {
    const e = (() => {
      try {
        requireTool('soffice', { PATH: '/nonexistent' });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ExportError);
    expect(e).toMatchObject({
      code: 'tool-missing',
      message: 'Missing `soffice`, expected it on PATH: install it with `sudo apt-get install -y libreoffice-impress`',
    });
    expect(() => requireTool('pdftoppm', { PATH: '/nonexistent' })).toThrow('sudo apt-get install -y poppler-utils');
  });

  it('finds a tool on PATH', () => {
    expect(() => requireTool('sh')).not.toThrow();
  });
});

describe('runTool', () => {
  it('returns exit status and output', async () => {
    const r = await runTool('sh', ['-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 10_000 });
    expect(r).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
  });

  it('on timeout kills the whole process group, grandchildren included (as soffice forks soffice.bin)', async () => {
    const t0 = performance.now();
    // The child prints its grandchild's pid, then waits; the grandchild would outlive a plain kill.
    const r = await runTool('sh', ['-c', 'sleep 30 & echo $!; wait'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5_000);
    const grandchild = Number(r.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 100));
    // Gone, or a zombie waiting for init to reap it (state Z): either way no longer running.
    const state =
      spawnSync('sh', ['-c', `cat /proc/${grandchild}/stat 2>/dev/null`], { encoding: 'utf8' }).stdout.split(' ')[2] ??
      'gone';
    expect(['gone', 'Z', 'X'], `sleep ${grandchild} is in state ${state}`).toContain(state);
  });
});
