/**
 * Where a password shows in `text`, in any form a log, an error or a server
 * echo could carry: as is, URL-encoded, base64 (alone, as AUTH PLAIN or
 * LOGIN), or inside any base64 run at any alignment. Empty means no leak.
 */
export function leaks(text: string, pass: string, users: readonly string[] = []): string[] {
  const found: string[] = [];
  const forms: Record<string, string> = {
    password: pass,
    'URL-encoded password': encodeURIComponent(pass),
    'base64 password': Buffer.from(pass).toString('base64').replace(/=+$/, ''),
  };
  for (const u of users) {
    forms[`AUTH PLAIN for ${u}`] = Buffer.from(`\0${u}\0${pass}`).toString('base64').replace(/=+$/, '');
  }
  for (const [name, form] of Object.entries(forms)) if (text.includes(form)) found.push(name);
  for (const run of text.match(/[A-Za-z0-9+/]{8,}={0,2}/g) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      const body = run.slice(skip).replace(/=+$/, '');
      if (
        Buffer.from(body.slice(0, body.length - (body.length % 4)), 'base64')
          .toString('latin1')
          .includes(pass)
      ) {
        found.push(`base64 run containing the password: ${run.slice(0, 24)}…`);
        break;
      }
    }
  }
  return found;
}
