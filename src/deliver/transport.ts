import path from 'node:path';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { MailSettings } from './mail-settings.js';
import { DEFAULT_MAIL_TIMEOUTS, type MailTimeouts } from './mail-timeouts.js';
import type { BuiltMessage } from './message.js';
import { errorText } from './redact.js';

export interface Rejection {
  recipient: string;
  /** SMTP reply code, when the server gave one. */
  code?: number;
  message: string;
  /** 4xx: worth another try. 5xx: final. */
  transient: boolean;
}

export interface DeliveryReport {
  accepted: string[];
  rejected: Rejection[];
  /** The .eml written (outbox only). */
  file?: string;
}

/** Where messages go. `deliver` throws for whole-message failures (connection, 421, 5xx to MAIL FROM or DATA, auth). */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  /** `outbox` or `smtp://host:port`: part of the send log key, never holds credentials. */
  via: string;
  deliver(message: BuiltMessage, envelope: { from: string; to: string[] }, name: string): Promise<DeliveryReport>;
  close(): void;
}

/** SMTP when settings exist, else the outbox under `<out>/outbox/`. */
export function openTransport(
  settings: MailSettings,
  outDir: string,
  timeouts: MailTimeouts = DEFAULT_MAIL_TIMEOUTS,
): MailTransport {
  return settings.smtp ? smtpTransport(settings, timeouts) : outboxTransport(path.join(outDir, 'outbox'));
}

function smtpTransport(settings: MailSettings, timeouts: MailTimeouts): MailTransport {
  const s = settings.smtp!;
  // The connections nodemailer talks through (see getSocket).
  const sockets = new Set<Socket>();
  const tx = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    // STARTTLS is used whenever the server offers it; requireTLS refuses servers that do not.
    requireTLS: s.requireTLS,
    auth: s.user ? { user: s.user, pass: s.password() ?? '' } : undefined,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
    // Idle time on the connection once greeted: a server that stalls after DATA fails after this long.
    socketTimeout: timeouts.dataMs,
    logger: false,
    debug: false,
    // briefdeck opens the connection (nodemailer then greets, does TLS and talks over it), so that a message that
    // outlives its whole deadline can be cut off, even from a server that trickles a byte now and then and so never
    // trips the idle timeout.
    getSocket: (_options: unknown, callback: (err: Error | null, socketOptions?: { connection: Socket }) => void) => {
      let done = false;
      const once = (err: Error | null, socket?: Socket) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        callback(err, socket && { connection: socket });
      };
      const socket = connect({ host: s.host, port: s.port });
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      const timer = setTimeout(() => {
        socket.destroy();
        once(Object.assign(new Error(`No connection within ${timeouts.connectMs / 1000} s`), { code: 'ETIMEDOUT' }));
      }, timeouts.connectMs);
      socket.once('connect', () => once(null, socket));
      socket.once('error', (e) => once(e));
    },
  });
  return {
    kind: 'smtp',
    via: s.display,
    async deliver(message, envelope) {
      const wholeMs = timeouts.connectMs + timeouts.greetingMs + timeouts.dataMs;
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        for (const socket of sockets)
          socket.destroy(Object.assign(new Error('Message deadline passed'), { code: 'ETIMEDOUT' }));
      }, wholeMs);
      try {
        const info = await tx.sendMail({ envelope, raw: message.raw });
        return {
          accepted: info.accepted.map(String),
          rejected: (info.rejectedErrors ?? []).map((e) => rejection(e, settings.redact)),
        };
      } catch (e) {
        // Every recipient refused: a per-recipient outcome, not a transport failure.
        const rejectedErrors = (e as { rejectedErrors?: unknown[] }).rejectedErrors;
        if (Array.isArray(rejectedErrors) && rejectedErrors.length > 0)
          return { accepted: [], rejected: rejectedErrors.map((r) => rejection(r, settings.redact)) };
        if (expired)
          throw Object.assign(new Error(`No complete answer within ${Math.round(wholeMs / 1000)} s; gave up`), {
            code: 'ETIMEDOUT',
          });
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => tx.close(),
  };
}

function rejection(e: unknown, scrub: (text: string) => string): Rejection {
  const err = e as { recipient?: string; responseCode?: number; response?: string };
  const code = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  return {
    recipient: String(err.recipient ?? ''),
    code,
    message: errorText(err.response ?? e, scrub),
    transient: code !== undefined && code >= 400 && code < 500,
  };
}

/** Writes each message as `<name>.eml`: any mail client opens it. Every recipient counts as accepted. */
function outboxTransport(dir: string): MailTransport {
  return {
    kind: 'outbox',
    via: 'outbox',
    async deliver(message, envelope, name) {
      const file = path.join(dir, `${name}.eml`);
      await writeFileAtomic(file, message.raw);
      return { accepted: [...envelope.to], rejected: [], file };
    },
    close() {},
  };
}
