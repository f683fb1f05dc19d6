/**
 * /metrics read as Prometheus reads it: parsed by the Prometheus Python client's own parser
 * (Debian's python3-prometheus-client, through parse-metrics.py), never by a regular expression of
 * ours. An exposition that parser refuses fails the test that scrapes it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}
export interface HistogramSample {
  labels: Record<string, string>;
  /** Upper bound (le) → cumulative count. */
  buckets: Map<number, number>;
  count: number;
  sum: number;
}
export type Family =
  | { name: string; help: string; type: 'counter' | 'gauge' | 'unknown' | 'summary'; samples: Sample[] }
  | { name: string; help: string; type: 'histogram'; samples: HistogramSample[] };

interface RawFamily {
  name: string;
  type: string;
  help: string;
  samples: { name: string; labels: Record<string, string>; value: number | '+Inf' | '-Inf' | 'NaN' }[];
}

/** Debian's Python, which has its python3-prometheus-client (a pyenv python on PATH would not). */
const PYTHON = '/usr/bin/python3';

export function parseMetrics(text: string): Map<string, Family> {
  const json = execFileSync(PYTHON, [path.join(import.meta.dirname, 'parse-metrics.py')], { input: text, encoding: 'utf8' });
  const families = new Map<string, Family>();
  for (const raw of JSON.parse(json) as RawFamily[]) {
    const value = (v: RawFamily['samples'][number]['value']) =>
      v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : v === 'NaN' ? Number.NaN : v;
    const base = { name: raw.name, help: raw.help };
    if (raw.type !== 'histogram') {
      const type = (['counter', 'gauge', 'summary'] as const).find((t) => t === raw.type) ?? 'unknown';
      // A counter's samples are named <name>_total (and _created); the family is <name> without it.
      const samples = raw.samples.filter((s) => !s.name.endsWith('_created'));
      families.set(type === 'counter' ? `${raw.name}_total` : raw.name, {
        ...base,
        type,
        samples: samples.map((s) => ({ labels: s.labels, value: value(s.value) })),
      });
      continue;
    }
    // A histogram's samples are <name>_bucket (one per le), _count and _sum per label set.
    const byLabels = new Map<string, HistogramSample>();
    for (const s of raw.samples) {
      const { le, ...labels } = s.labels;
      const key = JSON.stringify(Object.entries(labels).sort());
      let sample = byLabels.get(key);
      if (!sample) byLabels.set(key, (sample = { labels, buckets: new Map(), count: 0, sum: 0 }));
      if (s.name.endsWith('_bucket') && le !== undefined)
        sample.buckets.set(le === '+Inf' ? Infinity : Number(le), value(s.value));
      else if (s.name.endsWith('_count')) sample.count = value(s.value);
      else if (s.name.endsWith('_sum')) sample.sum = value(s.value);
    }
    families.set(raw.name, { ...base, type: 'histogram', samples: [...byLabels.values()] });
  }
  return families;
}

/** One series' value (a counter or gauge with these labels); undefined when it is not there. */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.get(name);
  if (!family || family.type === 'histogram') return undefined;
  return family.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/** The buckets of one histogram summed over its label sets (as `sum by (le)` does). */
export function histogramOf(families: Map<string, Family>, name: string): HistogramSample | undefined {
  const family = families.get(name);
  if (family?.type !== 'histogram') return undefined;
  const buckets = new Map<number, number>();
  let count = 0;
  let sum = 0;
  for (const s of family.samples) {
    for (const [le, n] of s.buckets) buckets.set(le, (buckets.get(le) ?? 0) + n);
    count += s.count;
    sum += s.sum;
  }
  return { labels: {}, buckets, count, sum };
}

/** What happened between two scrapes of a histogram: the later minus the earlier, bucket by bucket. */
export function histogramDelta(later: HistogramSample, earlier: HistogramSample | undefined): HistogramSample {
  const buckets = new Map<number, number>();
  for (const [le, n] of later.buckets) buckets.set(le, n - (earlier?.buckets.get(le) ?? 0));
  return { labels: later.labels, buckets, count: later.count - (earlier?.count ?? 0), sum: later.sum - (earlier?.sum ?? 0) };
}

/**
 * A quantile from cumulative buckets, interpolated within the bucket as PromQL's
 * histogram_quantile does; the highest finite bound when it falls in +Inf. NaN for no observations.
 */
export function histogramQuantile(q: number, histogram: HistogramSample): number {
  const bounds = [...histogram.buckets.keys()].sort((a, b) => a - b);
  const total = histogram.buckets.get(Infinity) ?? histogram.count;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bound of bounds) {
    const count = histogram.buckets.get(bound)!;
    if (count >= rank) {
      if (bound === Infinity) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1e-9);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}

/** The upper bound of the highest bucket with any observation: "the worst was at most this". */
export function histogramWorst(histogram: HistogramSample): number {
  const bounds = [...histogram.buckets.keys()].sort((a, b) => a - b);
  let previous = 0;
  let worst = 0;
  for (const bound of bounds) {
    const count = histogram.buckets.get(bound)!;
    if (count > previous) worst = bound;
    previous = count;
  }
  return worst;
}
