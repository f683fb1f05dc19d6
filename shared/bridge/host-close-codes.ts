/**
 * Why the browser host closed a page's bridge socket, when the page should say so instead of
 * retrying: one host is one signed-in person, used from one browser at a time.
 */
export const HostCloseCode = {
  /** The page did not present the per-launch secret from the printed link. */
  wrongSecret: 4401,
  /** Another browser uses this host; the page may take over when its user asks. */
  heldElsewhere: 4409,
  /** This page's browser gave the host up to another browser that took over. */
  movedAway: 4410,
} as const;
