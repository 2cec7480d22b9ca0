import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  rcpt: string[];
  user?: string;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface FixtureOptions {
  /** Require AUTH with exactly these credentials. */
  auth?: { user: string; pass: string };
  /** Answer the first N connections with `421` before accepting any. */
  busyConnections?: number;
  /** A reply for RCPT TO, e.g. `{ 'x@y': [550, 'No such user'] }`. */
  rejectRcpt?: Record<string, [number, string]>;
  /** Answer `452 Too many recipients` to every RCPT TO after this many in one message. */
  maxRecipients?: number;
  /** SASL mechanisms offered (default PLAIN and LOGIN). */
  authMethods?: string[];
  /** A careless server: its 535 reply echoes what the client sent (AUTH PLAIN's base64, or LOGIN's two). */
  echoAuth?: boolean;
}

export interface SmtpFixture {
  port: number;
  received: Received[];
  connections: number;
  options: FixtureOptions;
  /** `smtp://user:pass@127.0.0.1:port` (or without credentials). */
  url(user?: string, pass?: string): string;
  close(): Promise<void>;
}

const replyError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** A real SMTP server on loopback (no STARTTLS, AUTH allowed in clear: loopback only). */
export async function startSmtp(options: FixtureOptions = {}): Promise<SmtpFixture> {
  const fixture = { received: [] as Received[], connections: 0, options } as SmtpFixture;
  const config: SMTPServerOptions = {
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN'],
    onConnect(_session, cb) {
      fixture.connections++;
      if (fixture.connections <= (fixture.options.busyConnections ?? 0))
        return cb(replyError(421, 'Too busy, try again later'));
      cb();
    },
    onAuth(auth, _session, cb) {
      const want = fixture.options.auth;
      if (want && auth.username === want.user && auth.password === want.pass && !fixture.options.echoAuth)
        return cb(null, { user: auth.username });
      const b64 = (s: string) => Buffer.from(s).toString('base64');
      const echo =
        auth.method === 'PLAIN'
          ? b64(`\0${auth.username}\0${auth.password}`)
          : `${b64(auth.username ?? '')} ${b64(auth.password ?? '')}`;
      cb(
        replyError(
          535,
          fixture.options.echoAuth ? `Authentication failed for AUTH ${auth.method} ${echo}` : 'Authentication failed',
        ),
      );
    },
    onRcptTo(address, session, cb) {
      const max = fixture.options.maxRecipients;
      if (max !== undefined && session.envelope.rcptTo.length >= max)
        return cb(replyError(452, '4.5.3 Too many recipients'));
      const reject = fixture.options.rejectRcpt?.[address.address];
      cb(reject ? replyError(reject[0], reject[1]) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { keepCidLinks: true }).then((parsed) => {
          fixture.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            raw,
            parsed,
          });
          cb();
        }, cb);
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  fixture.port = (server.server.address() as AddressInfo).port;
  fixture.url = (user, pass) =>
    `smtp://${user ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : ''}127.0.0.1:${fixture.port}`;
  fixture.close = () => new Promise<void>((r) => server.close(() => r()));
  return fixture;
}
