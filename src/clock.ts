/** The one source of "now": the system clock in production, a fake one in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
