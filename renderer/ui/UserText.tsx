/**
 * Text people wrote (a title, a name, a message excerpt), isolated so its direction stays inside:
 * a right-to-left override in a title must not reverse the words around it. Hebrew, Arabic and
 * Latin names in one line each keep their own order.
 */
export function UserText({ children, className }: { children: string; className?: string }) {
  return <bdi className={className}>{children}</bdi>;
}

/** The same isolation inside a translated sentence (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE). */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
