import { DeliveryError } from '../model/errors.js';

/**
 * The time a message is sent, for its `Date:` header and the send log. A mail is dated when it leaves, not by its
 * deck's date: a weekly brief whose `date` nobody updated would otherwise sort weeks old in every inbox. With
 * SOURCE_DATE_EPOCH (the reproducible-builds convention, whole seconds since 1970) the outbox is byte-reproducible.
 */
export function sendClock(env: NodeJS.ProcessEnv): () => Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return () => new Date();
  if (!/^\d{1,12}$/.test(epoch))
    throw new DeliveryError(
      'source-date-epoch',
      `Unexpected SOURCE_DATE_EPOCH \`${epoch}\`, expected whole seconds since 1970 (for example \`1700000000\`)`,
    );
  const fixed = new Date(Number(epoch) * 1000);
  return () => new Date(fixed);
}
