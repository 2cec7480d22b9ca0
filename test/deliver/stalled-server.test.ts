/**
 * Mail that gives up in time: a server that stalls before its greeting or
 * after DATA costs one timeout per attempt, and after two timeouts the rest
 * of the run does not try it again (its decks are reported as not sent). A
 * build that waits for the output lock meanwhile is told how long `send` may
 * hold it, and is served once the send is done. Timeouts are injected short.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { sendDecks } from '../../src/deliver/send-decks.js';
import { withOutputLock } from '../../src/drivers/output-lock.js';
import { startCli } from '../helpers/cli.js';
import { OTHER, SLUG, fast, outDirWith, removeTemps, writeExport } from './deck-fixture.js';

const mailConfig = {
  mail: { from: 'Briefing Desk <desk@example.org>', requireTLS: false, maxBytes: 10 * 1024 * 1024 },
};
const timeouts = { connectMs: 1_000, greetingMs: 300, dataMs: 300 };

/** A loopback "SMTP server" that stalls: before its greeting, or after the client's DATA. */
async function stallingServer(when: 'greeting' | 'data' | 'trickle') {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (when === 'greeting') return; // never says 220
    socket.write('220 stall.example ESMTP\r\n');
    let buffered = '';
    let inData = false;
    socket.on('data', (d) => {
      if (inData) return; // swallow the message and never answer
      buffered += d.toString('latin1');
      let nl = buffered.indexOf('\r\n');
      while (nl !== -1) {
        const line = buffered.slice(0, nl).toUpperCase();
        buffered = buffered.slice(nl + 2);
        if (line.startsWith('EHLO')) socket.write('250-stall.example\r\n250 8BITMIME\r\n');
        else if (line.startsWith('DATA')) {
          socket.write('354 go ahead\r\n');
          inData = true;
          // A byte now and then, never a whole reply: no idle timeout ever fires.
          if (when === 'trickle') {
            const drip = setInterval(() => (socket.destroyed ? clearInterval(drip) : socket.write('2')), 50);
            socket.on('close', () => clearInterval(drip));
          }
          return;
        } else socket.write('250 ok\r\n');
        nl = buffered.indexOf('\r\n');
      }
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

afterAll(removeTemps);

describe('a stalled SMTP server', () => {
  it.each(['greeting', 'data', 'trickle'] as const)(
    'stalling at its %s: two timeouts, then the remaining decks are not tried and reported as not sent',
    async (when) => {
      const server = await stallingServer(when);
      try {
        const opts = await outDirWith({ decks: [SLUG, OTHER], exports: true });
        await writeExport(opts.outDir, OTHER);
        const outcomes = await sendDecks([SLUG, OTHER], opts, {
          config: mailConfig,
          env: { BRIEFDECK_SMTP_URL: server.url },
          retry: fast,
          timeouts,
        });
        // The first deck's first attempt and one retry time out; its last retries and the second deck are never tried.
        expect(server.connections()).toBe(2);
        expect(outcomes.map((o) => [o.slug, o.status, o.accepted])).toEqual([
          [SLUG, 'failed', []],
          [OTHER, 'failed', []],
        ]);
        expect(outcomes[0].failed[0].message).toMatch(/Not tried: `smtp:\/\/127\.0\.0\.1:\d+` timed out 2 times/);
        expect(outcomes[1].errorCode).toBe('server-unresponsive');
        expect(outcomes[1].error).toMatch(/remaining decks are not sent/);
      } finally {
        server.close();
      }
    },
    60_000,
  );

  it('a build started while send holds the lock is told how long, and is served after it', async () => {
    const server = await stallingServer('greeting');
    try {
      const opts = await outDirWith({ decks: [SLUG, OTHER], exports: true });
      await writeExport(opts.outDir, OTHER);
      let build: ReturnType<typeof startCli> | undefined;
      await withOutputLock(opts.outDir, { command: 'send', mayHoldMs: 7.7 * 60_000 }, async () => {
        build = startCli([
          'build',
          SLUG,
          '--content',
          opts.contentDir,
          '--themes',
          opts.themesDir,
          '--out',
          opts.outDir,
          '--force',
        ]);
        // Wait (by polling its output, not by time) until the build is waiting for the lock.
        while (!/waiting for pid/.test(build.stderr())) await new Promise((r) => setTimeout(r, 50));
        const outcomes = await sendDecks([SLUG, OTHER], opts, {
          config: mailConfig,
          env: { BRIEFDECK_SMTP_URL: server.url },
          retry: fast,
          timeouts,
        });
        expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
      });
      const { code } = await build!.exit;
      expect(build!.stderr()).toMatch(
        /waiting for pid \d+ \(briefdeck send, since [^,]+, which may hold it up to 8 min\)/,
      );
      expect(code, build!.stderr()).toBe(0);
      expect(build!.stdout()).toMatch(/1 deck built/);
    } finally {
      server.close();
    }
  }, 120_000);
});
