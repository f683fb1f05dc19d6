/**
 * The list as the reader first saw it: items already shown keep their places while the page is
 * open (reading one no longer moves it from under the cursor); items that arrive meanwhile go on
 * top, in the order core gives them; items gone from core's answer leave. A new filter or search
 * starts afresh from core's order.
 */
export function keepOrder<T extends { id: string }>(shownIds: readonly string[], items: readonly T[]): T[] {
  const place = new Map(shownIds.map((id, index) => [id, index]));
  const arrived = items.filter((item) => !place.has(item.id));
  const kept = items.filter((item) => place.has(item.id)).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
  return [...arrived, ...kept];
}
